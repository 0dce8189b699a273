import type { ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signPack } from '../../shared/content/pack';
import type { ContentStatus } from '../../shared/content/schema';
import { DESK_GUIDE } from '../../shared/guides/contract.examples';
import { removeTempDirs, tempDir } from '../core/helpers';
import { credential, rpcClient, startHostProcess, type HostProcess } from '../fixtures/web-host';

// Crash safety of a content pack install: the browser-mode host is killed (SIGKILL, no clean-up) at a seeded random
// moment while it installs a guides pack of many files. After each kill and restart, the desk uses exactly one whole
// version (the previous or the new one, never a mix): the pointer's version and the guides served agree, and no
// staging folder or orphan pack folder is left.

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 4);
const GUIDES = 300;
const KEY_ID = 'crash-test';
const publisher = generateKeyPairSync('ed25519');
const children = new Set<ChildProcess>();

/** Seeded delays (mulberry32), so a failing schedule can be replayed. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function packFile(dir: string, version: number): string {
  const files = new Map<string, Buffer>();
  for (let i = 0; i < GUIDES; i++) {
    const guide = {
      ...DESK_GUIDE,
      id: `guide-${String(i).padStart(3, '0')}`,
      title: `Guide ${i} du paquet v${version}`,
    };
    files.set(`guides/${guide.id}.json`, Buffer.from(JSON.stringify(guide)));
  }
  const pack = signPack(
    {
      channel: 'guides',
      version,
      issuedAt: '2026-12-01T00:00:00.000Z',
      expiresAt: '2099-01-01T00:00:00.000Z',
      keyId: KEY_ID,
    },
    files,
    publisher.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  const path = join(dir, `guides-v${version}.json`);
  writeFileSync(path, JSON.stringify(pack));
  return path;
}

interface Host extends HostProcess {
  rpc: ReturnType<typeof rpcClient>;
  cookie: string;
}

async function startHost(dataDir: string, rendererDir: string, keysDir: string): Promise<Host> {
  const host = await startHostProcess({
    dataDir,
    sourceWithRenderer: rendererDir,
    env: { MEDIANE_CONTENT_KEYS_DIR: keysDir },
  });
  children.add(host.process);
  void host.exited.then(() => children.delete(host.process));
  const cookie = await credential(host.launchUrl);
  return { ...host, cookie, rpc: rpcClient(host.url, cookie) };
}

async function value<T>(host: Host, method: string, input: unknown): Promise<T> {
  const r = await host.rpc(method, input);
  if (!r.body.ok) throw new Error(`${method}: ${JSON.stringify(r.body.error)}`);
  return r.body.value as T;
}

async function upload(host: Host, path: string): Promise<string> {
  const res = await fetch(`${host.url}files/upload?name=pack.json&purpose=contentPack`, {
    method: 'POST',
    headers: { cookie: host.cookie, 'x-mediane-rpc': '1', 'content-type': 'application/octet-stream' },
    body: readFileSync(path),
  });
  const body = (await res.json()) as { ok: boolean; value: { sourceId: string } };
  if (!body.ok) throw new Error(`upload refused: ${JSON.stringify(body)}`);
  return body.value.sourceId;
}

async function installAndWait(host: Host, sourceId: string): Promise<void> {
  const { jobId } = await value<{ jobId: string }>(host, 'content.installFile', { sourceId });
  let view = await value<{ state: string; version: number }>(host, 'jobs.get', { id: jobId });
  while (view.state === 'running')
    view = await value(host, 'jobs.get', { id: jobId, afterVersion: view.version, waitMs: 5000 });
  expect(view.state).toBe('done');
}

/** The version in use, checked against what the guides service serves and what is on disk. */
async function versionInUse(host: Host, dataDir: string): Promise<number | null> {
  const status = await value<ContentStatus>(host, 'content.status', {});
  const version = status.channels.find((c) => c.channel === 'guides')!.installed?.version ?? null;
  const titles = (await value<Array<{ title: string }>>(host, 'guides.list', {})).map((g) => g.title);
  const fromPack = titles.filter((t) => / du paquet v\d+$/.test(t));
  if (version === null) expect(fromPack).toEqual([]);
  else {
    expect(titles).toHaveLength(GUIDES);
    expect(new Set(titles.map((t) => t.replace(/^Guide \d+ /, '')))).toEqual(new Set([`du paquet v${version}`]));
  }
  const staging = join(dataDir, 'content', 'staging');
  expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
  // Exactly the folders the pointer names (the pack in use and the one kept for a rollback): no orphan.
  const packs = join(dataDir, 'content', 'packs');
  const state = existsSync(join(dataDir, 'content', 'state.json'))
    ? (JSON.parse(readFileSync(join(dataDir, 'content', 'state.json'), 'utf8')) as {
        channels: { guides?: { dir: string; previous: { dir: string } | null } };
      })
    : { channels: {} };
  const named = [state.channels.guides?.dir, state.channels.guides?.previous?.dir].filter(Boolean).sort();
  expect(existsSync(packs) ? readdirSync(packs).sort() : []).toEqual(named);
  expect(named.length > 0).toBe(version !== null);
  return version;
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  removeTempDirs();
});

describe('crash safety of content packs', () => {
  it(`keeps one whole version in use across ${ROUNDS} SIGKILLs during installs`, async () => {
    const base = tempDir('mediane-crash-content-');
    const dataDir = join(base, 'data');
    const rendererDir = join(base, 'renderer');
    const keysDir = join(base, 'keys');
    mkdirSync(rendererDir, { recursive: true });
    mkdirSync(keysDir, { recursive: true });
    writeFileSync(
      join(rendererDir, 'index.html'),
      '<!doctype html><html lang="fr"><head><title>M</title></head></html>',
    );
    writeFileSync(
      join(keysDir, `${KEY_ID}.pub.pem`),
      publisher.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    );
    const random = seeded(Number(process.env.CRASH_SEED ?? 7));

    // First, one whole install (version 1), timed: the kills then fall anywhere from the start to past its length.
    const first = await startHost(dataDir, rendererDir, keysDir);
    expect(await versionInUse(first, dataDir)).toBeNull();
    const firstSource = await upload(first, packFile(base, 1));
    const t0 = Date.now();
    await installAndWait(first, firstSource);
    const installMs = Date.now() - t0;
    expect(await versionInUse(first, dataDir)).toBe(1);
    first.process.kill('SIGTERM');
    await first.exited;

    const outcomes: Array<number | null> = [];
    let previous: number | null = 1;
    for (let round = 1; round <= ROUNDS; round++) {
      const host = await startHost(dataDir, rendererDir, keysDir);
      const inUse = await versionInUse(host, dataDir);
      // The previous version or the one being installed when the host was killed: never older, never a mix.
      if (round > 1) expect(inUse === previous || inUse === round).toBe(true);
      else expect(inUse).toBe(1);
      outcomes.push(inUse);
      previous = inUse;
      const sourceId = await upload(host, packFile(base, round + 1));
      await value(host, 'content.installFile', { sourceId });
      await new Promise((r) => setTimeout(r, Math.floor(random() * installMs * 1.3)));
      host.process.kill('SIGKILL');
      await host.exited;
    }

    const host = await startHost(dataDir, rendererDir, keysDir);
    const last = await versionInUse(host, dataDir);
    expect(last === previous || last === ROUNDS + 1).toBe(true);
    // The desk goes on: a newer pack installs normally after all those kills.
    await installAndWait(host, await upload(host, packFile(base, ROUNDS + 2)));
    expect(await versionInUse(host, dataDir)).toBe(ROUNDS + 2);
    host.process.kill('SIGTERM');
    await host.exited;
    process.stdout.write(
      `install ${installMs} ms; versions in use after each kill: ${JSON.stringify([...outcomes.slice(1), last])}\n`,
    );
  }, 240_000);
});
