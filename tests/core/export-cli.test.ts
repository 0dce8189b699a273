import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_COLUMNS } from '../../shared/exports/national-labels';
import { LYON_SITE, call, individual, openCore, removeTempDirs, tempDir, workshop } from './helpers';

// `npm run export`: the command IT schedules. Run as a real process (tsx), as IT would.

afterEach(() => removeTempDirs());

const root = join(__dirname, '..', '..');
function runExport(args: string[]) {
  return spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'main/cli/export.ts', ...args],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, MEDIANE_DATA_DIR: '' },
    },
  );
}

async function deskFolder() {
  const dataDir = tempDir('mediane-cli-');
  const core = openCore({ dataDir });
  await call(core, 'site.save', LYON_SITE);
  await call(core, 'journal.create', individual({ date: '2026-02-03' }));
  await call(core, 'journal.create', workshop({ date: '2026-02-10' }));
  return { core, dataDir };
}

describe('npm run export', () => {
  it('writes the session export of a period to --out, and nothing else', async () => {
    const { core, dataDir } = await deskFolder();
    await core.close();
    const outDir = tempDir('mediane-cli-out-');
    const out = join(outDir, 'fevrier.csv');
    const r = runExport([
      '--format',
      'csv',
      '--from',
      '2026-02-01',
      '--to',
      '2026-02-28',
      '--data-dir',
      dataDir,
      '--out',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const text = readFileSync(out, 'utf8');
    const lines = text.split('\r\n');
    expect(lines.find((l) => l.startsWith('Date;'))).toBe(SESSION_COLUMNS.join(';'));
    expect(lines.filter((l) => /^\d\d\/02\/2026;/.test(l))).toHaveLength(1 + 8);
    expect(readdirSync(outDir)).toEqual(['fevrier.csv']);
  });

  it('refuses, with a clear message and a non-zero exit, bad arguments and a folder the app has open', async () => {
    const { core, dataDir } = await deskFolder();
    const out = join(tempDir('mediane-cli-out-'), 'x.ods');
    const locked = runExport([
      '--format',
      'ods',
      '--from',
      '2026-02-01',
      '--to',
      '2026-02-28',
      '--data-dir',
      dataDir,
      '--out',
      out,
    ]);
    expect(locked.status).toBe(3);
    expect(locked.stderr).toContain('ouvert par Médiane');
    await core.close();
    const badFormat = runExport([
      '--format',
      'pdf',
      '--from',
      '2026-02-01',
      '--to',
      '2026-02-28',
      '--data-dir',
      dataDir,
      '--out',
      out,
    ]);
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toContain('--format doit valoir csv, xlsx ou ods');
    const reversed = runExport([
      '--format',
      'csv',
      '--from',
      '2026-03-01',
      '--to',
      '2026-02-28',
      '--data-dir',
      dataDir,
      '--out',
      out,
    ]);
    expect(reversed.status).toBe(2);
    expect(reversed.stderr).toContain('période invalide');
    expect(existsSync(out)).toBe(false);
  });
});
