import { xmlText } from './ods-writer';
import { FileSink, type Cell, type ColumnType, type SheetWriter } from './sheet-writer';
import { createZipWriter, ZipTooLargeError } from './zip-writer';

// XLSX (Office Open XML SpreadsheetML), streamed on the same small zip writer as ODS: each sheet is one deflated
// entry written row by row, the other parts (workbook, relations, styles, shared strings) are written at the end,
// once the sheets are known (a zip's entries may come in any order). Memory stays flat whatever the row count.
// (It replaces exceljs's streaming writer, which was slow and had no back-pressure from its zip: bench/README.md.)
//
// Strings: the first MAX_SHARED distinct strings go to the shared-strings table (labels repeat on every row, and an
// index is a few bytes), the rest are written inline (`t="inlineStr"`), so a file of free text never grows the table
// without bound. Dates are real dates (a day number with the JJ/MM/AAAA style), sortable in Excel and Calc.
// A sheet holds at most 1,048,576 rows (Excel's limit): past it the rows go on in a new sheet, "Séances (2)", under
// the same header row.

export const XLSX_MAX_ROWS = 1_048_576;
const MAX_SHARED = 50_000;
const FLUSH_AT = 256 * 1024;
const DATE_STYLE = 1;
const HEADER_STYLE = 0;
// Excel's day numbers count from 1899-12-30 (with its 1900 leap-year bug folded in): 25569 is 1970-01-01.
const EPOCH_1970 = 25_569;
const DAY_MS = 86_400_000;

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const SHEET_HEAD = `${XML_HEAD}<worksheet xmlns="${NS_MAIN}"><sheetData>`;
const SHEET_TAIL = '</sheetData></worksheet>';

const STYLES = `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export class XlsxTooLargeError extends Error {}

/** Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules), unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Feuille';
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - ` (${k})`.length)} (${k})`;
  taken.add(name.toLowerCase());
  return name;
}

// Leading or trailing spaces are kept only with xml:space="preserve".
const needsPreserve = (s: string) => /^\s|\s$/.test(s);

interface SheetPart {
  name: string;
  file: string;
  /** XML written before this sheet's zip entry could be opened (the previous one was still being compressed). */
  waiting: string[];
}

export function createXlsxWriter(path: string, { maxRows = XLSX_MAX_ROWS } = {}): SheetWriter {
  const sink = new FileSink(path);
  const zip = createZipWriter(sink);
  const parts: SheetPart[] = [];
  const taken = new Set<string>();
  let open: { part: SheetPart; entry: ReturnType<typeof zip.deflated> } | null = null;
  let buffer = '';
  let types: readonly ColumnType[] = [];
  let rowsInSheet = 0;
  let lastText: string[] | null = null;
  let header: string[] | null = null;
  let baseName = '';
  let continuation = 1;

  const shared = new Map<string, number>();
  const sharedList: string[] = [];
  const dates = new Map<string, string>();

  const pushTo = (part: SheetPart, xml: string) => {
    if (open?.part === part) open.entry.push(xml);
    else part.waiting.push(xml);
  };
  const flush = () => {
    if (!buffer) return;
    try {
      pushTo(parts[parts.length - 1]!, buffer);
    } catch (e) {
      throw e instanceof ZipTooLargeError ? new XlsxTooLargeError('xlsx: too large') : e;
    }
    buffer = '';
  };
  const add = (xml: string) => {
    buffer += xml;
    if (buffer.length >= FLUSH_AT) flush();
  };
  /** Opens the zip entries of the sheets started since the last call, in order (each after the previous ended). */
  const catchUp = async () => {
    flush();
    for (;;) {
      const next = open ? parts[parts.indexOf(open.part) + 1] : parts[0];
      if (!next) return;
      if (open) await open.entry.end();
      open = { part: next, entry: zip.deflated(next.file) };
      for (const xml of next.waiting.splice(0)) open.entry.push(xml);
    }
  };

  const startSheet = (name: string) => {
    if (parts.length) add(SHEET_TAIL);
    flush();
    parts.push({ name: sheetName(name, taken), file: `xl/worksheets/sheet${parts.length + 1}.xml`, waiting: [] });
    add(SHEET_HEAD);
    rowsInSheet = 0;
  };
  const current = () => {
    if (!parts.length) throw new Error('xlsx writer: a row before any sheet');
  };

  /** A text cell: from the shared strings while the table has room, else inline. */
  const textCell = (s: string, style: number): string => {
    const st = style ? ` s="${style}"` : '';
    let i = shared.get(s);
    if (i === undefined && sharedList.length < MAX_SHARED) {
      i = sharedList.push(s) - 1;
      shared.set(s, i);
    }
    if (i !== undefined) return `<c t="s"${st}><v>${i}</v></c>`;
    return `<c t="inlineStr"${st}><is><t${needsPreserve(s) ? ' xml:space="preserve"' : ''}>${xmlText(s)}</t></is></c>`;
  };
  const dateCell = (iso: string): string => {
    let c = dates.get(iso);
    if (c === undefined) {
      const serial = Date.parse(`${iso}T00:00:00.000Z`) / DAY_MS + EPOCH_1970;
      c = Number.isFinite(serial) ? `<c s="${DATE_STYLE}"><v>${serial}</v></c>` : textCell(iso, 0);
      dates.set(iso, c);
    }
    return c;
  };
  const beforeRow = () => {
    if (rowsInSheet < maxRows) return;
    // Excel's limit reached: the rows go on in a new sheet, under the same header.
    startSheet(`${baseName.slice(0, 25)} (${++continuation})`);
    if (header) writeText(header);
  };
  const writeText = (cells: readonly string[]) => {
    let s = '<row>';
    for (const c of cells) s += c === '' ? '<c/>' : textCell(c, HEADER_STYLE);
    add(s + '</row>');
    rowsInSheet++;
  };

  return {
    sheet(name) {
      baseName = name;
      continuation = 1;
      header = lastText = null;
      startSheet(name);
    },
    text(cells) {
      current();
      beforeRow();
      writeText(cells);
      lastText = [...cells];
    },
    columns(t) {
      types = t;
      header = lastText;
    },
    row(cells: readonly Cell[]) {
      current();
      beforeRow();
      let s = '<row>';
      for (let i = 0; i < cells.length; i++) {
        const c = cells[i];
        if (c === null || c === undefined || c === '') s += '<c/>';
        else if (typeof c === 'number') s += `<c><v>${c}</v></c>`;
        else if (types[i] === 'date') s += dateCell(c);
        else s += textCell(c, 0);
      }
      add(s + '</row>');
      rowsInSheet++;
    },
    async drain() {
      await catchUp();
      if (open) await open.entry.room();
      await sink.drain();
    },
    async finish() {
      if (!parts.length) startSheet('Feuille1');
      add(SHEET_TAIL);
      await catchUp();
      if (open) await open.entry.end();
      try {
        writeParts();
      } catch (e) {
        throw e instanceof ZipTooLargeError ? new XlsxTooLargeError('xlsx: too large') : e;
      }
      zip.finish();
      await sink.close();
      return sink.bytes;
    },
    async abort() {
      open?.entry.destroy();
      await sink.destroy();
    },
  };

  function writeParts() {
    let sst = `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${sharedList.length}" uniqueCount="${sharedList.length}">`;
    for (const s of sharedList)
      sst += `<si><t${needsPreserve(s) ? ' xml:space="preserve"' : ''}>${xmlText(s)}</t></si>`;
    zip.stored('xl/sharedStrings.xml', sst + '</sst>');
    zip.stored('xl/styles.xml', STYLES);
    zip.stored(
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>${parts
        .map((p, i) => `<sheet name="${xmlText(p.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    );
    const n = parts.length;
    zip.stored(
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${parts
        .map(
          (p, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join(
          '',
        )}<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    );
    zip.stored(
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    );
    const sheetml = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
    zip.stored(
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${sheetml}.sheet.main+xml"/>${parts
        .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${sheetml}.worksheet+xml"/>`)
        .join(
          '',
        )}<Override PartName="/xl/styles.xml" ContentType="${sheetml}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${sheetml}.sharedStrings+xml"/></Types>`,
    );
  }
}
