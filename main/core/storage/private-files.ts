import { chmodSync, closeSync, existsSync, fchmodSync, mkdirSync, openSync, writeSync } from 'node:fs';

// The data folder holds the journal's notes: on a desk PC shared between several OS accounts, nothing Médiane writes
// may be readable by another account. Folders are 0700 and files 0600 whatever the umask (the mode given to open/mkdir
// is only an upper bound once the umask is applied, hence the explicit chmod after). Windows has no POSIX modes: the
// per-user profile folder already keeps other accounts out, so these helpers only create there.

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
const POSIX = process.platform !== 'win32';

/** Creates the folder (and missing parents) if needed and makes it 0700, tightening an existing wider one. */
export function ensurePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (POSIX) chmodSync(path, PRIVATE_DIR_MODE);
}

/** Makes an existing file 0600 (no-op when it does not exist, so callers can tighten optional files). */
export function tightenFile(path: string): void {
  if (!POSIX || !existsSync(path)) return;
  chmodSync(path, PRIVATE_FILE_MODE);
}

/** Makes an existing folder 0700 (no-op when it does not exist). */
export function tightenDir(path: string): void {
  if (!POSIX || !existsSync(path)) return;
  chmodSync(path, PRIVATE_DIR_MODE);
}

/**
 * Writes a whole file that only this account can read. `exclusive` fails with EEXIST when the file exists (O_EXCL),
 * for lock files. The mode is set on the open descriptor before any byte is written, so the content is never
 * readable by others, even for a moment.
 */
export function writePrivateFile(path: string, data: string | Uint8Array, options: { exclusive?: boolean } = {}): void {
  const fd = openSync(path, options.exclusive ? 'wx' : 'w', PRIVATE_FILE_MODE);
  try {
    if (POSIX) fchmodSync(fd, PRIVATE_FILE_MODE);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
  } finally {
    closeSync(fd);
  }
}

/** Creates an empty 0600 file if none exists (an existing one is tightened, its content kept). */
export function touchPrivateFile(path: string): void {
  if (existsSync(path)) {
    tightenFile(path);
    return;
  }
  const fd = openSync(path, 'a', PRIVATE_FILE_MODE);
  try {
    if (POSIX) fchmodSync(fd, PRIVATE_FILE_MODE);
  } finally {
    closeSync(fd);
  }
}
