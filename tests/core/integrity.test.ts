import Database from 'better-sqlite3';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkIntegrity, checkIntegrityInWorker } from '../../main/core/storage/integrity';
import { DB_FILE } from '../../main/core/storage/names';
import { corruptMiddlePages } from './damage';
import { call, individual, openCore, removeTempDirs, tempDir } from './helpers';

afterEach(() => removeTempDirs());

/** A closed, checkpointed database with enough pages to damage, and a copy of it with its middle pages overwritten. */
async function goodAndDamaged(): Promise<{ good: string; damaged: string }> {
  const core = openCore();
  for (let i = 0; i < 200; i++)
    await call(core, 'journal.create', individual({ notes: 'Dossier à compléter. '.repeat(40) }));
  core.close();
  const good = join(core.dataDir, DB_FILE);
  const damaged = join(tempDir(), 'damaged.sqlite');
  writeFileSync(damaged, readFileSync(good));
  corruptMiddlePages(damaged);
  return { good, damaged };
}

describe('the integrity check (one function for start-up, worker, backups and recovery)', () => {
  it('gives the same verdict on a path, on an open connection and in the worker, at both levels', async () => {
    const { good, damaged } = await goodAndDamaged();
    for (const level of ['quick', 'full'] as const) {
      expect(checkIntegrity(good, level)).toBe(true);
      expect(checkIntegrity(damaged, level)).toBe(false);
      for (const [path, verdict] of [
        [good, true],
        [damaged, false],
      ] as const) {
        const db = new Database(path, { readonly: true });
        try {
          expect(checkIntegrity(db, level)).toBe(verdict);
        } finally {
          db.close();
        }
      }
      await expect(checkIntegrityInWorker(good, level)).resolves.toBe('ok');
      await expect(checkIntegrityInWorker(damaged, level)).resolves.toBe('failed');
    }
  });

  it('fails a missing file, a file that is not a database, and a closed connection, without creating anything', async () => {
    const dir = tempDir();
    const missing = join(dir, 'missing.sqlite');
    const notDb = join(dir, 'notes.txt');
    writeFileSync(notDb, 'Ceci n’est pas une base de données. '.repeat(200));
    expect(checkIntegrity(missing, 'full')).toBe(false);
    expect(checkIntegrity(notDb, 'quick')).toBe(false);
    await expect(checkIntegrityInWorker(missing)).resolves.toBe('failed');
    await expect(checkIntegrityInWorker(notDb)).resolves.toBe('failed');
    const db = new Database(':memory:');
    db.close();
    expect(checkIntegrity(db, 'quick')).toBe(false);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });
});
