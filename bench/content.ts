// `npx tsx bench/content.ts [--quick]` — signed content packs on the desk (feature `content`):
//   1. installing a guides pack (verify, stage with an fsync per file, one pointer rename) against the naive baseline
//      of writing the same files in place with no verification, staging nor fsync (what safety costs);
//   2. checking a catalogue-sized pack (one archive, base64 inside the signed JSON as `content:sign` writes it):
//      read + JSON.parse + verifyPack against the floor of reading the raw archive and hashing it once.
// Prints a table and writes bench/.data/content-results.json. Nothing here asserts on time.
import { generateKeyPairSync, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createPackStore } from '../main/core/content/pack-store';
import { readGuidePack } from '../main/core/content/guide-pack';
import { signPack, verifyPack } from '../shared/content/pack';
import { DESK_GUIDE } from '../shared/guides/contract.examples';
import { CACHE_DIR, measure, summarise, type Sample } from './work';

const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const quick = args.quick;
/** A network's guides pack: a few hundred guides (the app ships a few dozen). */
const GUIDES = quick ? 50 : 300;
/** One national service-public.fr archive is about 60 MB (particuliers); quick: 10 MB. */
const ARCHIVE_MB = quick ? 10 : 60;
const ITERATIONS = quick ? 5 : 15;

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const trustedKeys = { bench: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
const PRIVATE = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const meta = (channel: 'guides' | 'catalogue', version: number) => ({
  channel,
  version,
  issuedAt: '2026-12-01T00:00:00.000Z',
  expiresAt: '2027-12-01T00:00:00.000Z',
  keyId: 'bench',
});

const results: Record<string, Sample & { unit: string }> = {};

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mediane-bench-content-'));
  try {
    // 1. A guides pack, installed the safe way and the naive way.
    const guideFiles = new Map<string, Buffer>();
    for (let i = 0; i < GUIDES; i++) {
      const guide = { ...DESK_GUIDE, id: `guide-bench-${String(i).padStart(4, '0')}`, title: `Guide ${i}` };
      guideFiles.set(`guides/${guide.id}.json`, Buffer.from(JSON.stringify(guide)));
    }
    let version = 0;
    let n = 0;
    const store = createPackStore({ dataDir: join(dir, 'desk'), newId: () => `b${++n}` });
    results[`install a guides pack of ${GUIDES} guides (verify, stage + fsync, switch)`] = {
      ...summarise(
        await measure(ITERATIONS, 2, async () => {
          const pack = signPack(meta('guides', ++version), guideFiles, PRIVATE);
          const checked = verifyPack(pack, { trustedKeys, installedVersion: version - 1, now: new Date() });
          if (!checked.ok) throw new Error(checked.reason);
          await store.install(checked.manifest, checked.files, new Date().toISOString(), async (staged) => {
            if (readGuidePack(staged).problems.length) throw new Error('invalid');
          });
        }),
      ),
      unit: 'ms',
    };
    const naiveDir = join(dir, 'naive');
    results[`naive: the same ${GUIDES} files written in place (no verification, staging nor fsync)`] = {
      ...summarise(
        await measure(ITERATIONS, 2, () => {
          for (const [path, data] of guideFiles) {
            const target = join(naiveDir, path);
            mkdirSync(join(target, '..'), { recursive: true });
            writeFileSync(target, data);
          }
        }),
      ),
      unit: 'ms',
    };

    // 2. A catalogue-sized pack: the signed JSON as it arrives on a USB key or from the hub.
    const archive = randomBytes(ARCHIVE_MB * 1024 * 1024);
    const rawPath = join(dir, 'particuliers.zip');
    writeFileSync(rawPath, archive);
    const packPath = join(dir, 'catalogue-pack.json');
    writeFileSync(
      packPath,
      JSON.stringify(signPack(meta('catalogue', 1), new Map([['particuliers.zip', archive]]), PRIVATE)),
    );
    const packMB = +(readFileSync(packPath).length / 1024 / 1024).toFixed(1);
    let peak = process.memoryUsage().rss;
    results[`verify a ${ARCHIVE_MB} MB catalogue pack (read, JSON.parse, base64, sha256, signature)`] = {
      ...summarise(
        await measure(ITERATIONS, 1, () => {
          const checked = verifyPack(JSON.parse(readFileSync(packPath, 'utf8')), { trustedKeys, now: new Date() });
          if (!checked.ok) throw new Error(checked.reason);
          peak = Math.max(peak, process.memoryUsage().rss);
        }),
      ),
      unit: 'ms',
    };
    results[`floor: read the raw ${ARCHIVE_MB} MB archive and hash it once`] = {
      ...summarise(
        await measure(ITERATIONS, 1, () => createHash('sha256').update(readFileSync(rawPath)).digest('hex')),
      ),
      unit: 'ms',
    };

    const w = Math.max(...Object.keys(results).map((k) => k.length));
    const lines = [`${'measure'.padEnd(w)}  ${'p50'.padStart(10)}  ${'p99'.padStart(10)}`];
    for (const [k, s] of Object.entries(results))
      lines.push(`${k.padEnd(w)}  ${`${s.p50.toFixed(1)} ms`.padStart(10)}  ${`${s.p99.toFixed(1)} ms`.padStart(10)}`);
    const [install, naive, verify, floor] = Object.values(results).map((s) => s.p50) as [
      number,
      number,
      number,
      number,
    ];
    lines.push(`safe install / naive write: ${(install / naive).toFixed(1)}×`);
    lines.push(
      `catalogue pack: ${packMB} MB on disk for a ${ARCHIVE_MB} MB archive; verify / floor: ${(verify / floor).toFixed(1)}×; peak RSS ${Math.round(peak / 1024 / 1024)} MB`,
    );
    process.stdout.write(lines.join('\n') + '\n');
    mkdirSync(CACHE_DIR, { recursive: true });
    const out = join(CACHE_DIR, quick ? 'content-results-quick.json' : 'content-results.json');
    writeFileSync(
      out,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          quick,
          guides: GUIDES,
          archiveMB: ARCHIVE_MB,
          packMB,
          peakRssMB: Math.round(peak / 1024 / 1024),
          results,
        },
        null,
        2,
      ) + '\n',
    );
    process.stdout.write(`results written to ${out}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
