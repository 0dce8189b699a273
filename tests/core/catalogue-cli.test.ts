import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createCatalogueService } from '../../main/core/catalogue/catalogue-service';
import { createJobs } from '../../main/core/jobs/jobs';
import { lockDataFolder } from '../../main/core/storage/data-folder-lock';
import { removeTempDirs, sequentialIds, tempDir, testClock } from './helpers';

// The IT command `npm run catalogue:import`, run as a real process (tsx, as the npm script does).

afterEach(() => removeTempDirs());

const ROOT = join(__dirname, '..', '..');
const XML_DIR = join(ROOT, 'tests', 'fixtures', 'catalogue', 'xml');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        join(ROOT, 'main', 'tools', 'catalogue-import.ts'),
        ...args,
      ],
      { cwd: ROOT, timeout: 60_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

function archive(files: Record<string, string>): string {
  const entries: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) entries[k] = Buffer.from(v, 'utf8');
  const path = join(tempDir('mediane-cli-zip-'), 'vosdroits.zip');
  writeFileSync(path, zipSync(entries));
  return path;
}
const xml = (name: string) => readFileSync(join(XML_DIR, name), 'utf8');
const status = (dataDir: string) => {
  const clock = testClock();
  const c = createCatalogueService({
    dataDir,
    clock,
    newId: sequentialIds(),
    jobs: createJobs({ clock, newId: sequentialIds() }),
  });
  try {
    return c.status();
  } finally {
    c.close();
  }
};

describe('npm run catalogue:import', () => {
  it('imports, prints what it stored with the data date, and keeps it when a later archive is refused', async () => {
    const dataDir = tempDir();
    const good = archive({
      'F1341.xml': xml('F1341-3.3.xml'),
      'R42726.xml': xml('R42726-3.3.xml'),
      'N358.xml': xml('N358-3.3.xml'),
    });
    const ok = await run([good, '--data-dir', dataDir]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/fiches \(F\): 1\n.*services and forms \(R\): 1\n.*topic pages \(N\): 1/);
    expect(ok.stdout).toContain('data date: 2020-07-21');

    const bad = archive({ 'F12.xml': '<html>not a fiche</html>' });
    const refused = await run([bad, '--data-dir', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('no service-public.fr');
    expect(status(dataDir)).toMatchObject({ installed: true, counts: { fiche: 1, service: 1, topic: 1 } });
  });

  it('refuses to run while Médiane has the data folder open', async () => {
    const dataDir = tempDir();
    const lock = lockDataFolder(dataDir, 'desktop');
    try {
      const res = await run([archive({ 'F1341.xml': xml('F1341-3.3.xml') }), '--data-dir', dataDir]);
      expect(res.code).toBe(3);
      expect(res.stderr).toContain('in use by Médiane');
      expect(status(dataDir).installed).toBe(false);
    } finally {
      lock.release();
    }
  });

  it('explains its usage without an archive', async () => {
    const res = await run([]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Usage');
  });
});
