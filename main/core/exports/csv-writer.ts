import { FileSink, frenchDateFormatter, type Cell, type ColumnType, type SheetWriter } from './sheet-writer';

// CSV as French spreadsheets expect it: UTF-8 with a BOM (so Excel reads the accents), `;` between fields, CRLF
// line ends, dates as JJ/MM/AAAA, quotes only where a field needs them (RFC 4180 doubling).

const NEEDS_QUOTES = /[";\r\n]/;
// A text starting like a formula would run as one when the file is opened (CSV injection): it is written with a
// leading apostrophe, which spreadsheets show as text. Numbers never reach this path.
const FORMULA_START = /^[=+\-@\t\r]/;
const FLUSH_AT = 256 * 1024;

export function csvField(value: string): string {
  let v = value;
  if (FORMULA_START.test(v)) v = `'${v}`;
  return NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

export interface CsvWriter extends SheetWriter {
  /** Lines already in this writer's CSV form (CRLF-ended), such as the session export's fast path writes. */
  lines(text: string): void;
}

export function createCsvWriter(path: string): CsvWriter {
  const sink = new FileSink(path);
  const french = frenchDateFormatter();
  let types: readonly ColumnType[] = [];
  let buffer = '\uFEFF';
  let sheets = 0;

  const flush = () => {
    if (buffer.length) sink.write(buffer);
    buffer = '';
  };
  const line = (s: string) => {
    buffer += s + '\r\n';
    if (buffer.length >= FLUSH_AT) flush();
  };

  return {
    sheet(name) {
      if (sheets++ > 0) line('');
      // A CSV file has one table: later tables are introduced by their name so the reader can tell them apart.
      if (sheets > 1) line(csvField(name));
    },
    text(cells) {
      line(cells.map(csvField).join(';'));
    },
    columns(t) {
      types = t;
    },
    row(cells: readonly Cell[]) {
      let s = '';
      for (let i = 0; i < cells.length; i++) {
        const c = cells[i];
        if (i > 0) s += ';';
        if (c === null || c === undefined || c === '') continue;
        if (typeof c === 'number') s += String(c);
        else if (types[i] === 'date') s += french(c);
        else s += csvField(c);
      }
      line(s);
    },
    lines(text) {
      buffer += text;
      if (buffer.length >= FLUSH_AT) flush();
    },
    async drain() {
      flush();
      await sink.drain();
    },
    async finish() {
      flush();
      await sink.close();
      return sink.bytes;
    },
    abort: () => sink.destroy(),
  };
}
