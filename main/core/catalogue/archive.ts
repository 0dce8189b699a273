import { open as openFile } from 'node:fs/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { CatalogueError } from './errors';

// Reading a service-public.fr archive as a stream: yauzl reads the zip from the file (central directory, then one
// entry at a time, never the whole archive in memory; it refuses unsafe paths and checks each entry's real size
// against the declared one), and every bound below is checked before an entry is inflated, so a zip bomb is refused
// before it costs anything.

export const LIMITS = {
  /** The particuliers archive has about 5,000 files; room for growth. */
  maxEntries: 60_000,
  /** Declared uncompressed size of one XML file (the largest fiches are well under a megabyte). */
  maxEntryBytes: 16 * 1024 ** 2,
  /** Declared uncompressed total of one archive (particuliers is about 60 MB). */
  maxTotalBytes: 1024 ** 3,
  /** XML compresses well but not like a bomb: an entry above this ratio (and above 1 MiB) is refused. */
  maxRatio: 100,
  ratioFloorBytes: 1024 ** 2,
};
export type ArchiveLimits = typeof LIMITS;

const ENTRY_NAME = /(?:^|\/)([FRN]\d{1,7})\.xml$/i;

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, zip) =>
      err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip),
    );
  });
}

/** A zip's local header magic: a file that has it but no readable central directory was cut short. */
async function looksLikeZip(path: string): Promise<boolean> {
  const fh = await openFile(path, 'r');
  try {
    const head = Buffer.alloc(4);
    await fh.read(head, 0, 4, 0);
    return head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  } finally {
    await fh.close();
  }
}

export interface OpenedArchive {
  /** Files in the archive (all of them, from the central directory): the progress total. */
  entryCount: number;
  /**
   * Calls `onEntry` for each F/R/N XML file, one at a time, with its bytes as a stream; other files are skipped
   * without being inflated. Resolves with the number of F/R/N files read.
   */
  forEachEntry(
    onEntry: (fileId: string, chunks: AsyncIterable<Buffer>) => Promise<void>,
    signal: AbortSignal,
  ): Promise<number>;
  close(): void;
}

export async function openArchive(path: string, limits: ArchiveLimits = LIMITS): Promise<OpenedArchive> {
  let zip: ZipFile;
  try {
    zip = await openZip(path);
  } catch {
    throw new CatalogueError((await looksLikeZip(path).catch(() => false)) ? 'damaged' : 'notZip');
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new CatalogueError('tooManyFiles');
  }
  if (zip.entryCount === 0) {
    zip.close();
    throw new CatalogueError('empty');
  }

  function nextEntry(): Promise<Entry | null> {
    return new Promise((resolve, reject) => {
      const onEntry = (e: Entry) => done(() => resolve(e));
      const onEnd = () => done(() => resolve(null));
      const onError = (err: unknown) => done(() => reject(err));
      const done = (f: () => void) => {
        zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
        f();
      };
      zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
      zip.readEntry();
    });
  }

  function readStream(entry: Entry): Promise<NodeJS.ReadableStream> {
    return new Promise((resolve, reject) => {
      zip.openReadStream(entry, (err, stream) =>
        err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream),
      );
    });
  }

  let closed = false;
  return {
    entryCount: zip.entryCount,
    async forEachEntry(onEntry, signal) {
      let total = 0;
      let read = 0;
      for (;;) {
        if (signal.aborted) throw new Error('cancelled');
        let entry: Entry | null;
        try {
          entry = await nextEntry();
        } catch {
          throw new CatalogueError('damaged');
        }
        if (entry === null) return read;
        const match = ENTRY_NAME.exec(entry.fileName);
        if (!match) continue;
        total += entry.uncompressedSize;
        if (entry.uncompressedSize > limits.maxEntryBytes || total > limits.maxTotalBytes)
          throw new CatalogueError('tooLarge');
        if (
          entry.uncompressedSize > limits.ratioFloorBytes &&
          entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)
        )
          throw new CatalogueError('suspiciousCompression');
        let stream: NodeJS.ReadableStream;
        try {
          stream = await readStream(entry);
        } catch {
          throw new CatalogueError('damaged');
        }
        // Inflate errors and size mismatches surface while iterating: the file is damaged.
        async function* chunks(): AsyncIterable<Buffer> {
          try {
            for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk;
          } catch {
            throw new CatalogueError('damaged');
          }
        }
        await onEntry(match[1]!.toUpperCase(), chunks());
        read++;
      }
    },
    close() {
      if (closed) return;
      closed = true;
      zip.close();
    },
  };
}
