import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

// Reads the rows of a CSV or XLSX file as arrays of strings, with their line numbers, for the import. A national
// export is at most a few years of one desk, so it is read whole; the values are normalised to text (dates as
// JJ/MM/AAAA) so that CSV and XLSX go through one mapping.

export interface SheetRow {
  line: number;
  cells: string[];
}

export class UnreadableFileError extends Error {}

/** RFC 4180 with the separator found on the header line (`;` for French spreadsheets, `,` otherwise). */
export function parseCsv(text: string): SheetRow[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const sep = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let fieldStarted = false;
  const endField = () => {
    cells.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    rows.push({ line: rowLine, cells });
    cells = [];
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === sep) endField();
    else if (ch === '\r' && src[i + 1] === '\n') continue;
    else if (ch === '\n' || ch === '\r') {
      endRow();
      line++;
      rowLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) throw new UnreadableFileError('csv: a quoted field is never closed');
  if (field !== '' || cells.length > 0) endRow();
  return rows;
}

const pad = (n: number) => String(n).padStart(2, '0');

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}

export async function readXlsx(path: string): Promise<SheetRow[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(path);
  } catch {
    throw new UnreadableFileError('xlsx: not a readable workbook');
  }
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value).trim();
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    rows.push({ line: n, cells });
  });
  return rows;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** By content, not by name: a zip is a workbook, anything else is read as CSV text (UTF-8, else Windows-1252). */
export async function readSpreadsheet(path: string): Promise<SheetRow[]> {
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return readXlsx(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: Excel on Windows saves CSV in Windows-1252.
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  if (text.includes('\u0000')) throw new UnreadableFileError('not a text file');
  return parseCsv(text);
}
