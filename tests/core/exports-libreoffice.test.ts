import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SESSION_COLUMNS } from '../../shared/exports/national-labels';
import { LYON_SITE, call, individual, openCore, removeTempDirs, tempDir, workshop } from './helpers';

// LibreOffice, the reader most French administrations use, opens the XLSX and ODS files and converts them to CSV
// (headless). Skipped, saying why, where `soffice` is not installed (CI installs libreoffice-calc).

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
const hasSoffice = soffice.status === 0;
if (!hasSoffice)
  console.warn('[exports-libreoffice] skipped: `soffice` not found (apt-get install -y libreoffice-calc)');

afterAll(() => removeTempDirs());

describe.skipIf(!hasSoffice)('LibreOffice reads the exports', () => {
  it('XLSX and ODS convert to CSV with the header, the rows and the accents', async () => {
    const dir = tempDir('mediane-lo-');
    let n = 0;
    const core = openCore({
      dialogs: { pickSave: async (p) => join(dir, `export-${++n}.${p}`), pickOpen: async () => '' },
    });
    await call(core, 'site.save', LYON_SITE);
    await call(
      core,
      'journal.create',
      individual({ date: '2026-02-03', procedureName: 'Carte grise : changement d’adresse « Noël »' }),
    );
    await call(core, 'journal.create', workshop({ date: '2026-02-10' }));
    const scope = { from: '2026-02-01', to: '2026-02-28', kind: null, operator: null, topic: null, outcome: null };
    for (const format of ['xlsx', 'ods'] as const) {
      const target = await call(core, 'files.pickSave', { purpose: format, suggestedName: `s.${format}` });
      const { jobId } = await call(core, 'exports.sessions', { targetId: target!.targetId, format, scope });
      let view = await call(core, 'jobs.get', { id: jobId });
      while (view.state === 'running') view = await call(core, 'jobs.get', { id: jobId, afterVersion: view.version });
      expect(view.state).toBe('done');
    }
    await core.close();
    const profile = `file://${tempDir('mediane-lo-profile-')}`;
    for (const file of ['export-1.xlsx', 'export-2.ods']) {
      const out = tempDir('mediane-lo-out-');
      // 59 = `;`, 34 = `"`, 76 = UTF-8.
      const r = spawnSync(
        'soffice',
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):59,34,76',
          '--outdir',
          out,
          join(dir, file),
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(r.status, r.stderr).toBe(0);
      const csv = readFileSync(join(out, file.replace(/\.\w+$/, '.csv')), 'utf8').replace(/^\uFEFF/, '');
      // LibreOffice pads every line to the widest row with empty fields.
      const lines = csv.split(/\r?\n/).map((l) => l.replace(/;+$/, ''));
      expect(lines[0]).toBe('Médiane : export des séances');
      const h = lines.findIndex((l) => l.startsWith('Date;'));
      expect(lines[h]!.split(';').map((c) => c.replace(/^"|"$/g, ''))).toEqual([...SESSION_COLUMNS]);
      const data = lines.slice(h + 1).filter(Boolean);
      expect(data, file).toHaveLength(1 + 8);
      expect(data[0]!.startsWith('03/02/2026;')).toBe(true);
      expect(csv).toContain('Carte grise : changement d’adresse « Noël »');
    }
  }, 300_000);
});
