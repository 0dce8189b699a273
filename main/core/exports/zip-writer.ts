import { crc32, createDeflateRaw } from 'node:zlib';
import type { FileSink } from './sheet-writer';

// A minimal streaming zip writer, for ODS. Why not fflate's streaming Zip: it writes every entry with a data
// descriptor (flag bit 3, zero sizes in the local header), `mimetype` included, which SheetJS refuses to read
// ("Bad compressed size") and which defeats the fixed-offset check of ODF readers. Here the small entries are
// stored with their sizes in the local header, and only the streamed entry (content.xml) uses a data descriptor;
// its deflate is Node's zlib (native, on the thread pool).

// 2000-01-01 00:00 in MS-DOS form: fixed, so the same export gives the same bytes.
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
// Classic zip records only (no ZIP64): past 4 GiB sizes and offsets would wrap. Refused before that.
export const ZIP32_LIMIT = 0xffff_0000;

interface Entry {
  name: Buffer;
  flags: number;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

export class ZipTooLargeError extends Error {}

function localHeader(e: Entry): Buffer {
  const h = Buffer.alloc(30 + e.name.length);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(e.flags, 6);
  h.writeUInt16LE(e.method, 8);
  h.writeUInt16LE(DOS_TIME, 10);
  h.writeUInt16LE(DOS_DATE, 12);
  // With a data descriptor (flag 8) the CRC and sizes follow the data; here they stay zero.
  h.writeUInt32LE(e.flags & 8 ? 0 : e.crc, 14);
  h.writeUInt32LE(e.flags & 8 ? 0 : e.compressed, 18);
  h.writeUInt32LE(e.flags & 8 ? 0 : e.size, 22);
  h.writeUInt16LE(e.name.length, 26);
  h.writeUInt16LE(0, 28);
  e.name.copy(h, 30);
  return h;
}

function centralHeader(e: Entry): Buffer {
  const h = Buffer.alloc(46 + e.name.length);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(e.flags, 8);
  h.writeUInt16LE(e.method, 10);
  h.writeUInt16LE(DOS_TIME, 12);
  h.writeUInt16LE(DOS_DATE, 14);
  h.writeUInt32LE(e.crc, 16);
  h.writeUInt32LE(e.compressed, 20);
  h.writeUInt32LE(e.size, 24);
  h.writeUInt16LE(e.name.length, 28);
  h.writeUInt32LE(e.offset, 42);
  e.name.copy(h, 46);
  return h;
}

export function createZipWriter(sink: FileSink) {
  const entries: Entry[] = [];
  let offset = 0;
  const write = (b: Buffer) => {
    offset += b.length;
    if (offset > ZIP32_LIMIT) throw new ZipTooLargeError('zip: past 4 GiB');
    sink.write(b);
  };

  return {
    /** A small entry written whole, stored (no compression): what `mimetype` must be. */
    stored(name: string, text: string): void {
      const data = Buffer.from(text, 'utf8');
      const e: Entry = {
        name: Buffer.from(name, 'utf8'),
        flags: 0,
        method: 0,
        crc: crc32(data),
        compressed: data.length,
        size: data.length,
        offset,
      };
      entries.push(e);
      write(localHeader(e));
      write(data);
    },

    /** A streamed, deflated entry: push text, then `end()`. Only one at a time. */
    deflated(name: string) {
      const e: Entry = { name: Buffer.from(name, 'utf8'), flags: 8, method: 8, crc: 0, compressed: 0, size: 0, offset };
      entries.push(e);
      write(localHeader(e));
      const deflate = createDeflateRaw({ level: 6 });
      let failure: Error | null = null;
      deflate.on('data', (chunk: Buffer) => {
        e.compressed += chunk.length;
        try {
          write(chunk);
        } catch (err) {
          failure = err as Error;
          deflate.destroy();
        }
      });
      deflate.on('error', (err) => (failure ??= err));
      const ended = new Promise<void>((resolve) => deflate.on('end', resolve).on('close', resolve));
      return {
        push(text: string): void {
          if (failure) throw failure;
          const buf = Buffer.from(text, 'utf8');
          e.crc = crc32(buf, e.crc);
          e.size += buf.length;
          if (e.size > ZIP32_LIMIT) throw new ZipTooLargeError('zip: entry past 4 GiB');
          deflate.write(buf);
        },
        /** Resolves once zlib has room again (it buffers what it is given meanwhile). */
        async room(): Promise<void> {
          if (failure) throw failure;
          if (deflate.writableNeedDrain) await new Promise<void>((r) => deflate.once('drain', () => r()));
          if (failure) throw failure;
        },
        async end(): Promise<void> {
          deflate.end();
          await ended;
          if (failure) throw failure;
          const d = Buffer.alloc(16);
          d.writeUInt32LE(0x08074b50, 0);
          d.writeUInt32LE(e.crc, 4);
          d.writeUInt32LE(e.compressed, 8);
          d.writeUInt32LE(e.size, 12);
          write(d);
        },
        destroy: () => deflate.destroy(),
      };
    },

    /** The central directory and its end record. */
    finish(): void {
      const start = offset;
      for (const e of entries) write(centralHeader(e));
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(entries.length, 8);
      end.writeUInt16LE(entries.length, 10);
      end.writeUInt32LE(offset - start, 12);
      end.writeUInt32LE(start, 16);
      write(end);
    },
  };
}
