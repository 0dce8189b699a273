import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommunesIndex } from '../../main/core/communes/communes-index';
import { writeSessionExport, type SessionExportOptions } from '../../main/core/exports/export-file';
import { DB_FILE } from '../../main/core/storage/database';
import type { SiteProfile } from '../../shared/site/schema';
import { DATASET_END, DATASET_START, createRng, generateDatabase } from '../fixtures/journal-dataset';
import { removeTempDirs, tempDir } from './helpers';

// The CSV session export has a direct path to text (session-csv.ts) beside the generic path that XLSX and ODS use
// (rows of cells, session-rows.ts, then csv-writer.ts's row()). The generic path is the reference: both must write
// the same bytes, on a journal whose texts hold everything CSV must quote or defuse.

const SITE = {
  id: 'golden',
  name: 'Maison « France Services » ; "Lyon 3e"',
  communeName: 'Lyon',
  postcode: '69003',
  communeCode: '69123',
} as unknown as SiteProfile;

const TRICKY = [
  'Déclaration « trimestrielle » ; prime d’activité',
  'Dossier "urgent" de Mme Łukasiewicz',
  'Ligne 1\r\nLigne 2',
  'Retour\nà la ligne',
  '=SOMME(A1:A3)',
  '-12 €',
  '+33 6 00 00 00 00',
  '@mention',
  'Éà ç ; ü "ß"',
  '',
];

let dataDir = '';
const counts = { individual: 0, workshops: 0, guides: 0 };

beforeAll(() => {
  dataDir = tempDir('mediane-csv-golden-');
  generateDatabase(dataDir, 3000, 11);
  const db = new Database(join(dataDir, DB_FILE));
  const rng = createRng(5);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  const sessions = db.prepare('SELECT seq, date, kind FROM sessions').all() as Array<{
    seq: number;
    date: number;
    kind: number;
  }>;
  const texts = db.prepare('UPDATE sessions SET procedure_name = ?, workshop_title = ?, notes = ? WHERE seq = ?');
  const guide =
    db.prepare(`INSERT INTO session_guides (guide, date, seq, title, steps_total, steps_done, blocked, position, updated_at)
    VALUES (?, ?, ?, ?, 3, '[]', 0, ?, 0)`);
  const guides = [
    ['caf-rsa', 'RSA : demande, « mode d’emploi »'],
    ['ants-cni', 'Carte d’identité; pré-demande "ANTS"'],
    ['impots', '=Impôts, déclaration'],
    ['multi', 'Deux\nlignes'],
  ] as const;
  db.transaction(() => {
    for (const s of sessions) {
      if (rng() < 0.4) texts.run(pick(TRICKY), s.kind === 1 ? pick(TRICKY) || null : null, pick(TRICKY), s.seq);
      if (rng() < 0.3) {
        const n = 1 + Math.floor(rng() * 3);
        const chosen = new Set<number>();
        while (chosen.size < n) chosen.add(Math.floor(rng() * guides.length));
        [...chosen].forEach((g, position) => guide.run(guides[g]![0], s.date, s.seq, guides[g]![1], position));
        counts.guides++;
      }
      if (s.kind === 1) counts.workshops++;
      else counts.individual++;
    }
  })();
  db.close();
}, 120_000);

afterAll(() => removeTempDirs());

const quiet = { signal: new AbortController().signal, progress: () => undefined };

async function exportCsv(name: string, o: Partial<SessionExportOptions>): Promise<Buffer> {
  const out = join(dataDir, name);
  await writeSessionExport(
    join(dataDir, DB_FILE),
    out,
    {
      format: 'csv',
      scope: { from: DATASET_START, to: DATASET_END, kind: null, operator: null, topic: null, outcome: null },
      includeNotes: false,
      site: SITE,
      communes: createCommunesIndex(),
      exportedAt: new Date('2026-12-07T10:00:00.000Z'),
      ...o,
    },
    quiet,
  );
  return readFileSync(out);
}

describe('CSV session export: the direct path writes the generic path’s bytes', () => {
  it('over a whole journal with quotes, semicolons, line breaks, formulas, accents, workshops and guides', async () => {
    expect(counts.workshops).toBeGreaterThan(100);
    expect(counts.individual).toBeGreaterThan(100);
    expect(counts.guides).toBeGreaterThan(100);
    const direct = await exportCsv('direct.csv', { csvPath: 'direct' });
    const cells = await exportCsv('cells.csv', { csvPath: 'cells' });
    // The file really holds what needs care (else the comparison would prove little).
    const text = direct.toString('utf8');
    expect(text).toContain('"Déclaration « trimestrielle » ; prime d’activité"');
    expect(text).toContain('"Ligne 1\r\nLigne 2"');
    expect(text).toContain(`;'=SOMME(A1:A3);`);
    expect(text).toContain('"Carte d’identité; pré-demande ""ANTS"""');
    expect(text).toMatch(/;\d+\/\d+;/); // workshop participants
    expect(direct.length).toBe(cells.length);
    expect(direct.equals(cells)).toBe(true);
  });

  it('with the notes, and with a filter', async () => {
    const withNotes = await exportCsv('notes-direct.csv', { includeNotes: true });
    expect(withNotes.equals(await exportCsv('notes-cells.csv', { includeNotes: true, csvPath: 'cells' }))).toBe(true);
    expect(withNotes.toString('utf8')).toContain('"Retour\nà la ligne"');
    const scope = {
      from: '2024-01-01',
      to: '2025-06-30',
      kind: 'collectif' as const,
      operator: null,
      topic: null,
      outcome: null,
    };
    const filtered = await exportCsv('filtered-direct.csv', { scope });
    expect(filtered.length).toBeGreaterThan(1000);
    expect(filtered.equals(await exportCsv('filtered-cells.csv', { scope, csvPath: 'cells' }))).toBe(true);
  });
});

describe('the "Guide(s) utilisé(s)" column', () => {
  it('holds the titles of the guides a session used, in their order, in CSV and XLSX; empty without a guide', async () => {
    const db = new Database(join(dataDir, DB_FILE), { readonly: true });
    const titlesById = new Map(
      (
        db
          .prepare(
            `SELECT s.id, group_concat(g.title, ', ' ORDER BY g.position) AS titles FROM sessions s
             JOIN session_guides g ON g.seq = s.seq WHERE s.deleted_at IS NULL GROUP BY s.seq`,
          )
          .all() as Array<{ id: string; titles: string }>
      ).map((r) => [r.id, r.titles]),
    );
    const withoutGuide = (
      db
        .prepare('SELECT id FROM sessions WHERE deleted_at IS NULL AND seq NOT IN (SELECT seq FROM session_guides)')
        .pluck()
        .all() as string[]
    ).slice(0, 50);
    db.close();
    expect([...titlesById.values()].some((t) => t.split(', ').length >= 3)).toBe(true);

    await exportCsv('guides.xlsx', { format: 'xlsx' });
    const book = XLSX.read(readFileSync(join(dataDir, 'guides.xlsx')), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, {
      header: 1,
      raw: false,
      defval: '',
    }) as string[][];
    const header = rows.findIndex((r) => r[0] === 'Date');
    expect(rows[header]![29]).toBe('Guide(s) utilisé(s)');
    const guideCell = new Map(rows.slice(header + 1).map((r) => [r[25], r[29]]));
    for (const [id, titles] of titlesById) expect(guideCell.get(id), id).toBe(titles);
    for (const id of withoutGuide) expect(guideCell.get(id)).toBe('');

    const csv = (await exportCsv('guides.csv', {})).toString('utf8');
    const [id, titles] = [...titlesById].find(([, t]) => t.includes('ANTS'))!;
    const line = csv.split('\r\n').find((l) => l.includes(id))!;
    expect(line).toContain(`;${id};`);
    expect(line).toContain(`"${titles.replaceAll('"', '""')}"`);
  });
});
