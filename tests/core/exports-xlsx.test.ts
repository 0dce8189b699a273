import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { createOdsWriter } from '../../main/core/exports/ods-writer';
import { createXlsxWriter } from '../../main/core/exports/xlsx-writer';
import { removeTempDirs, tempDir } from './helpers';

afterAll(() => removeTempDirs());

function sheetsOf(path: string): Array<{ name: string; rows: string[][] }> {
  const book = XLSX.read(readFileSync(path), { type: 'buffer', raw: false });
  return book.SheetNames.map((name) => ({
    name,
    rows: XLSX.utils.sheet_to_json<string[]>(book.Sheets[name]!, { header: 1, raw: false, defval: '' }) as string[][],
  }));
}

describe('XLSX writer', () => {
  it.each([
    ['xlsx', createXlsxWriter],
    ['ods', createOdsWriter],
  ] as const)(
    '%s: goes on in a new sheet, under the same header, past the row limit; nothing lost or repeated',
    async (format, create) => {
      const path = join(tempDir('mediane-xlsx-'), `limit.${format}`);
      const w = create(path, { maxRows: 5 });
      w.sheet('Séances');
      w.text(['Médiane : export des séances']);
      w.text(['Date', 'Nom', 'Durée']);
      w.columns(['date', 'text', 'number']);
      for (let i = 1; i <= 11; i++) w.row([`2026-03-${String(i).padStart(2, '0')}`, `Séance « ${i} »`, i]);
      await w.drain();
      w.sheet('Autre table');
      w.text(['Seule']);
      await w.finish();
      const sheets = sheetsOf(path);
      expect(sheets.map((s) => s.name)).toEqual(['Séances', 'Séances (2)', 'Séances (3)', 'Autre table']);
      expect(sheets[0]!.rows).toHaveLength(5);
      expect(sheets[1]!.rows[0]).toEqual(['Date', 'Nom', 'Durée']);
      expect(sheets[2]!.rows[0]).toEqual(['Date', 'Nom', 'Durée']);
      const data = sheets.slice(0, 3).flatMap((s, k) => s.rows.slice(k === 0 ? 2 : 1));
      expect(data.map((r) => r[1])).toEqual(Array.from({ length: 11 }, (_, i) => `Séance « ${i + 1} »`));
      expect(data[0]).toEqual(['01/03/2026', 'Séance « 1 »', '1']);
      expect(sheets[3]!.rows).toEqual([['Seule']]);
    },
  );

  it('keeps texts whole: spaces at the ends, markup characters, past the shared strings as inline strings', async () => {
    const path = join(tempDir('mediane-xlsx-'), 'texts.xlsx');
    const w = createXlsxWriter(path);
    w.sheet('T');
    w.columns(['text']);
    const texts = ['  espaces  ', '<b>&"x"</b>', 'Ligne 1\nLigne 2', 'Ünïcödé ß ☃'];
    for (const t of texts) w.row([t]);
    // Far more distinct strings than the shared table holds: the rest are inline, read back the same.
    for (let i = 0; i < 60_000; i++) w.row([`n° ${i}`]);
    await w.finish();
    const rows = sheetsOf(path)[0]!.rows.map((r) => r[0]);
    expect(rows.slice(0, 4)).toEqual(texts);
    expect(rows).toHaveLength(60_004);
    expect(rows[60_003]).toBe('n° 59999');
    expect(rows[50_010]).toBe('n° 50006');
  });
});
