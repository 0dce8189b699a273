import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { settled, type Cell, type ColumnType, type SheetWriter } from './sheet-writer';

// XLSX through exceljs's streaming writer: each row is committed (serialised into the zip) as soon as it is added, so
// memory stays flat whatever the number of rows. Dates are real dates (shown JJ/MM/AAAA), sortable in Excel/Calc.

const DATE_FORMAT = 'dd/mm/yyyy';
// exceljs commits rows into its zip (archiver + zlib) without back-pressure: when compression falls behind, the
// committed XML piles up in Buffers. The writer waits for that backlog to shrink below this before adding rows.
const BACKLOG_BYTES = 32 * 1024 * 1024;
const BACKLOG_WAIT_MS = 5;
// Never wait forever on a figure other work in the process also moves: past this, carry on.
const BACKLOG_MAX_WAITS = 2000;

const buffered = () => process.memoryUsage().arrayBuffers;

function dateOf(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

export function createXlsxWriter(path: string): SheetWriter {
  const out: WriteStream = createWriteStream(path, { mode: 0o600 });
  let failure: Error | null = null;
  out.on('error', (e) => (failure = e));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  let sheet: ExcelJS.Worksheet | null = null;
  let types: readonly ColumnType[] = [];
  const baseline = buffered();

  const current = () => {
    if (!sheet) throw new Error('xlsx writer: a row before any sheet');
    return sheet;
  };

  return {
    sheet(name) {
      if (sheet) sheet.commit();
      // Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules).
      sheet = book.addWorksheet(name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
    },
    text(cells) {
      current()
        .addRow([...cells])
        .commit();
    },
    columns(t) {
      types = t;
    },
    row(cells: readonly Cell[]) {
      const values: Array<string | number | Date | null> = new Array(cells.length);
      for (let i = 0; i < cells.length; i++) {
        const c = cells[i]!;
        values[i] = c !== null && types[i] === 'date' && typeof c === 'string' ? dateOf(c) : c === '' ? null : c;
      }
      const row = current().addRow(values);
      for (let i = 0; i < types.length; i++) if (types[i] === 'date') row.getCell(i + 1).numFmt = DATE_FORMAT;
      row.commit();
    },
    async drain() {
      if (failure) throw failure;
      // The zip is written on the stream's pace: let it flush, and wait when the file asks for it.
      await new Promise((resolve) => setImmediate(resolve));
      for (let i = 0; i < BACKLOG_MAX_WAITS && buffered() - baseline > BACKLOG_BYTES; i++)
        await new Promise((resolve) => setTimeout(resolve, BACKLOG_WAIT_MS));
      if (out.writableNeedDrain) await settled(out, 'drain');
      if (failure) throw failure;
    },
    async finish() {
      if (sheet) sheet.commit();
      const closed = once(out, 'close');
      await book.commit();
      await closed;
      if (failure) throw failure;
      return out.bytesWritten;
    },
    async abort() {
      if (out.closed) return;
      const closed = once(out, 'close');
      out.destroy();
      await closed;
    },
  };
}
