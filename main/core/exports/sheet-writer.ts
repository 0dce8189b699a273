import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';

// One interface over the three spreadsheet formats, so an export is written once and streamed to any of them.
// Rows are buffered by each writer and handed to the file in chunks; the exporter awaits `drain()` between batches,
// which is where back-pressure from the disk (and cancellation) is honoured: nothing holds a whole dataset.

/** A data column's type: text as it is, a whole number, or an ISO day (YYYY-MM-DD) each format writes its own way. */
export type ColumnType = 'text' | 'number' | 'date';
export type Cell = string | number | null;

export interface SheetWriter {
  /** Starts a sheet (a table). CSV has one sheet: later tables follow a blank line, under their name. */
  sheet(name: string): void;
  /** A row of plain text (the information block, titles, headers). */
  text(cells: readonly string[]): void;
  /** The types of the data rows that follow. */
  columns(types: readonly ColumnType[]): void;
  row(cells: readonly Cell[]): void;
  /** Waits until the buffered output is with the file. */
  drain(): Promise<void>;
  /** Writes what remains (a zip's directory) and closes the file. */
  finish(): Promise<number>;
  /** Closes the file without finishing it (cancel, failure): the caller removes it. */
  abort(): Promise<void>;
}

/** Resolves on `event` or on an error (reported by the caller), leaving no listener behind. */
export function settled(stream: WriteStream, event: 'drain' | 'close'): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off(event, done);
      stream.off('error', done);
      resolve();
    };
    stream.once(event, done);
    stream.once('error', done);
  });
}

/** The file a writer writes to: a Node stream with back-pressure, counting bytes. */
export class FileSink {
  private readonly out: WriteStream;
  private failure: Error | null = null;
  bytes = 0;

  constructor(path: string) {
    // A few chunks may wait for the disk while the next one is built: the write overlaps the work.
    this.out = createWriteStream(path, { mode: 0o600, highWaterMark: 1024 * 1024 });
    this.out.on('error', (e) => (this.failure = e));
  }

  /** Returns false when the stream wants the caller to wait for `drain`. */
  write(chunk: Uint8Array | string): boolean {
    if (this.failure) throw this.failure;
    // Encoded once here: the stream would encode a string again after byteLength had measured it.
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.bytes += bytes.length;
    return this.out.write(bytes);
  }

  async drain(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.out.writableNeedDrain) await settled(this.out, 'drain');
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    if (!this.out.closed) {
      this.out.end();
      await settled(this.out, 'close');
    }
    if (this.failure) throw this.failure;
  }

  async destroy(): Promise<void> {
    if (this.out.closed) return;
    const closed = once(this.out, 'close');
    this.out.destroy();
    await closed;
  }
}

/** '2026-03-05' → '05/03/2026' (French spreadsheet habit), memoised: an export repeats the same few thousand days. */
export function frenchDateFormatter(): (iso: string) => string {
  const cache = new Map<string, string>();
  return (iso) => {
    let s = cache.get(iso);
    if (s === undefined) {
      s = `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
      cache.set(iso, s);
    }
    return s;
  };
}
