import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core';
import { NOTES_COLUMN, SESSION_COLUMNS } from '../../shared/exports/national-labels';
import type { MethodInput } from '../../shared/contract';
import type { ExportFormat } from '../../shared/exports/schema';
import type { JobView } from '../../shared/jobs/schema';
import { LYON_SITE, call, individual, openCore, removeTempDirs, tempDir, workshop } from './helpers';

afterEach(() => removeTempDirs());

const SCOPE: MethodInput<'exports.sessions'>['scope'] = {
  from: '2026-03-01',
  to: '2026-03-31',
  kind: null,
  operator: null,
  topic: null,
  outcome: null,
};

async function ended(core: Core, jobId: string): Promise<JobView> {
  let view = await call(core, 'jobs.get', { id: jobId });
  while (view.state === 'running')
    view = await call(core, 'jobs.get', { id: jobId, afterVersion: view.version, waitMs: 5000 });
  return view;
}

/** A desk with a March: individual sessions (accents, a formula-like name, notes), a workshop of 8, a deleted one. */
async function deskWithMarch() {
  const dir = tempDir('mediane-exports-');
  let n = 0;
  const saved: string[] = [];
  const core = openCore({
    dialogs: {
      pickSave: async (purpose) => {
        const p = join(dir, `export-${++n}.${purpose}`);
        saved.push(p);
        return p;
      },
      pickOpen: async () => '',
    },
  });
  await call(core, 'site.save', LYON_SITE);
  await call(
    core,
    'journal.create',
    individual({
      date: '2026-03-02',
      procedureName: 'Déclaration « trimestrielle » ; prime d’activité',
      notes: 'Note privée du médiateur',
      person: {
        ageBracket: 'soixante_dix_plus',
        gender: 'feminin',
        status: 'retraite',
        communeCode: '69266',
        firstVisit: true,
      },
    }),
  );
  await call(
    core,
    'journal.create',
    individual({ date: '2026-03-05', procedureName: '=HYPERLINK("x")', operators: ['cpam'] }),
  );
  await call(core, 'journal.create', workshop({ date: '2026-03-10' }));
  const gone = await call(core, 'journal.create', individual({ date: '2026-03-12' }));
  await call(core, 'journal.delete', { id: gone.id });
  await call(core, 'journal.create', individual({ date: '2026-04-01' }));
  return { core, dir, saved };
}

async function exportTo(
  core: Core,
  format: ExportFormat,
  extra: { includeNotes?: boolean; scope?: typeof SCOPE } = {},
) {
  const target = await call(core, 'files.pickSave', { purpose: format, suggestedName: `seances.${format}` });
  const { jobId } = await call(core, 'exports.sessions', {
    targetId: target!.targetId,
    format,
    scope: extra.scope ?? SCOPE,
    includeNotes: extra.includeNotes ?? false,
  });
  return ended(core, jobId);
}

/** The rows of a file as text, read by SheetJS (independent of the writers). */
function readBack(path: string): string[][] {
  const book = XLSX.read(readFileSync(path), { type: 'buffer', raw: false, cellDates: false });
  const sheet = book.Sheets[book.SheetNames[0]!]!;
  return XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: '' }) as string[][];
}

function dataOf(rows: string[][]) {
  const h = rows.findIndex((r) => r[0] === 'Date');
  return { info: rows.slice(0, h), header: rows[h]!, data: rows.slice(h + 1).filter((r) => r.some((c) => c !== '')) };
}

describe('session export', () => {
  it('CSV: BOM, `;`, information block, the national columns then ours, JJ/MM/AAAA, one row per participant', async () => {
    const { core, saved } = await deskWithMarch();
    const view = await exportTo(core, 'csv');
    expect(view.state).toBe('done');
    expect(view.result).toMatchObject({ rows: 2 + 8, sessions: 3 });
    const bytes = readFileSync(saved[0]!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Médiane : export des séances');
    expect(lines[1]).toBe('Lieu;France Services Lyon 3e (Lyon, 69123)');
    expect(lines[2]).toBe('Période;du 01/03/2026 au 31/03/2026');
    expect(lines[3]).toBe('Filtres;Aucun');
    expect(lines.some((l) => l.startsWith('Version de la taxonomie;coop-2026.06+mediane.1'))).toBe(true);
    const headerAt = lines.findIndex((l) => l.startsWith('Date;'));
    expect(lines[headerAt]!.split(';')).toEqual([...SESSION_COLUMNS]);
    const data = lines.slice(headerAt + 1).filter(Boolean);
    expect(data).toHaveLength(10);
    expect(data[0]!.startsWith('02/03/2026;')).toBe(true);
    // Quoted because of the `;`, accents intact; the formula-like text is neutralised.
    expect(text).toContain('"Déclaration « trimestrielle » ; prime d’activité"');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(text).not.toContain('Note privée');
    // The workshop's rows: 1/8 … 8/8, genders dealt out (5 women, 3 men).
    const workshopRows = data.filter((l) => l.includes('Atelier collectif'));
    expect(workshopRows.map((l) => l.split(';')[4])).toEqual(['1/8', '2/8', '3/8', '4/8', '5/8', '6/8', '7/8', '8/8']);
    expect(workshopRows.filter((l) => l.split(';')[22] === 'Féminin')).toHaveLength(5);
    // Read back by SheetJS too.
    const back = dataOf(readBack(saved[0]!));
    expect(back.header).toEqual([...SESSION_COLUMNS]);
    expect(back.data).toHaveLength(10);
    expect(back.data[0]![19]).toBe('Villeurbanne');
    await core.close();
  });

  it('XLSX and ODS read back with the same header, rows, accents and dates', async () => {
    const { core, saved } = await deskWithMarch();
    for (const format of ['xlsx', 'ods'] as const) {
      const view = await exportTo(core, format);
      expect(view.state, format).toBe('done');
    }
    for (const path of saved) {
      const rows = readBack(path);
      expect(rows[0]![0]).toBe('Médiane : export des séances');
      const { header, data } = dataOf(rows);
      expect(header, path).toEqual([...SESSION_COLUMNS]);
      expect(data, path).toHaveLength(10);
      expect(data.map((r) => r[3])).toContain('Atelier collectif');
      expect(data[0]![15]).toBe('Déclaration « trimestrielle » ; prime d’activité');
      expect(data[0]![0]).toBe('02/03/2026');
      const minutes = data.reduce((sum, r, i) => sum + (data[i - 1]?.[25] === r[25] ? 0 : Number(r[10])), 0);
      expect(minutes, path).toBe(30 + 30 + 120);
    }
    await core.close();
  });

  it('ODS is a valid package: `mimetype` first, stored, with the spreadsheet media type', async () => {
    const { core, saved } = await deskWithMarch();
    await exportTo(core, 'ods');
    const b = readFileSync(saved[0]!);
    expect(b.readUInt32LE(0)).toBe(0x04034b50);
    expect(b.readUInt16LE(8)).toBe(0); // stored
    expect(b.readUInt16LE(28)).toBe(0); // no extra field
    expect(b.subarray(30, 38).toString('latin1')).toBe('mimetype');
    expect(b.subarray(38, 38 + 46).toString('latin1')).toBe('application/vnd.oasis.opendocument.spreadsheet');
    const names = XLSX.CFB.read(b, { type: 'buffer' }).FullPaths.map((p: string) => p.replace(/^[^/]*\//, ''));
    expect(names).toEqual(expect.arrayContaining(['mimetype', 'META-INF/manifest.xml', 'content.xml']));
    await core.close();
  });

  it('notes only when asked, in a last column, with a warning in the information block', async () => {
    const { core, saved } = await deskWithMarch();
    await exportTo(core, 'csv', { includeNotes: true });
    const rows = readBack(saved[0]!);
    const { info, header, data } = dataOf(rows);
    expect(header).toEqual([...SESSION_COLUMNS, NOTES_COLUMN]);
    expect(data[0]![SESSION_COLUMNS.length]).toBe('Note privée du médiateur');
    expect(info.some((r) => r[0] === 'Notes')).toBe(true);
    await core.close();
  });

  it('filters: an operator keeps its sessions only, and the information block says so', async () => {
    const { core, saved } = await deskWithMarch();
    await exportTo(core, 'csv', { scope: { ...SCOPE, operator: 'cpam' } });
    const { info, data } = dataOf(readBack(saved[0]!));
    expect(data).toHaveLength(1);
    expect(data[0]![26]).toContain('Assurance Maladie (CPAM)');
    expect(info.find((r) => r[0] === 'Filtres')![1]).toBe('Opérateur : Assurance Maladie (CPAM)');
    await core.close();
  });

  it('a cancelled export leaves no file under the chosen name, and no .part', async () => {
    const { core, dir } = await deskWithMarch();
    const target = await call(core, 'files.pickSave', { purpose: 'csv', suggestedName: 'seances.csv' });
    const { jobId } = await call(core, 'exports.sessions', { targetId: target!.targetId, format: 'csv', scope: SCOPE });
    await call(core, 'jobs.cancel', { id: jobId });
    expect((await ended(core, jobId)).state).toBe('cancelled');
    expect(readdirSync(dir)).toEqual([]);
    await core.close();
  });

  it('a reversed period is refused with a clear error', async () => {
    const { core } = await deskWithMarch();
    const target = await call(core, 'files.pickSave', { purpose: 'csv', suggestedName: 'seances.csv' });
    await expect(
      call(core, 'exports.sessions', {
        targetId: target!.targetId,
        format: 'csv',
        scope: { ...SCOPE, from: '2026-04-01' },
      }),
    ).rejects.toMatchObject({ error: { code: 'invalid_input' } });
    expect(existsSync(join(target!.name))).toBe(false);
    await core.close();
  });
});

describe('aggregated export', () => {
  it('writes the dashboard’s own figures (key figures, every table, the trend) in CSV, XLSX and ODS', async () => {
    const { core, saved } = await deskWithMarch();
    const board = core.stats.dashboard({ unit: 'custom', from: SCOPE.from, to: SCOPE.to });
    for (const format of ['csv', 'xlsx', 'ods'] as const) {
      const target = await call(core, 'files.pickSave', { purpose: format, suggestedName: `stats.${format}` });
      const { jobId } = await call(core, 'exports.aggregated', { targetId: target!.targetId, format, scope: SCOPE });
      const view = await ended(core, jobId);
      expect(view.state, format).toBe('done');
    }
    for (const path of saved) {
      const book = XLSX.read(readFileSync(path), { type: 'buffer' });
      const first = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, {
        header: 1,
        raw: false,
        defval: '',
      });
      expect(first[0]![0]).toBe('Médiane : statistiques agrégées');
      const figure = (label: string) => first.find((r) => r[0] === label)?.[1];
      expect(figure('Séances'), path).toBe(String(board.keyFigures.sessions));
      expect(figure('Personnes accompagnées'), path).toBe(String(board.keyFigures.peopleHelped));
      expect(board.keyFigures.sessions).toBe(3);
      if (!path.endsWith('.csv')) {
        // One sheet per dashboard table, then the trend.
        expect(book.SheetNames.length, path).toBe(board.breakdowns.length + 2);
        const topics = XLSX.utils.sheet_to_json<string[]>(book.Sheets['Thématiques']!, {
          header: 1,
          raw: false,
          defval: '',
        });
        const email = topics.find((r) => r[0] === 'E-mail');
        const row = board.breakdowns.find((b) => b.dimension === 'topic')!.rows.find((r) => r.key === 'email')!;
        expect(email?.[1], path).toBe(String(row.count));
      }
    }
    await core.close();
  });
});
