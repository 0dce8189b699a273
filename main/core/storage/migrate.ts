import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { CoreError } from '../../../shared/errors';
import type { Clock } from '../../../shared/ids';
import type { Db } from './connection';
import { MIGRATIONS, checksum } from './migrations';

/** user_version sits at byte 60 of the SQLite header: reading it there leaves a database from the future untouched. */
export function readUserVersion(path: string): number | null {
  if (!existsSync(path)) return null;
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(100);
    const read = readSync(fd, header, 0, 100, 0);
    if (read < 100 || header.toString('latin1', 0, 15) !== 'SQLite format 3') return null;
    return header.readUInt32BE(60);
  } finally {
    closeSync(fd);
  }
}

/** Applies the pending migrations, each in its own transaction; refuses a database whose recorded checksums differ. */
export function migrate(db: Db, clock: Clock): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied = new Map(
    (
      db.prepare('SELECT version, checksum FROM schema_migrations').all() as Array<{
        version: number;
        checksum: string;
      }>
    ).map((r) => [r.version, r.checksum]),
  );
  for (const m of MIGRATIONS) {
    const recorded = applied.get(m.version);
    if (recorded !== undefined) {
      if (recorded !== checksum(m.sql)) throw new CoreError('storage_unavailable', 'storage.migrationTampered');
      continue;
    }
    try {
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)').run(
          m.version,
          m.name,
          checksum(m.sql),
          clock.now().toISOString(),
        );
        db.pragma(`user_version = ${m.version}`);
      })();
    } catch (err) {
      // The transaction rolled back: the file is exactly as it was. Say so in words a desk understands; the SQLite
      // text goes to the log only.
      console.error(`[mediane] migration ${m.version} (${m.name}) failed`, err);
      throw new CoreError('storage_unavailable', 'storage.migrationFailed');
    }
  }
}
