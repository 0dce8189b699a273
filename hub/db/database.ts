import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { migrateHub } from './migrations';
import type { HubDatabase } from './schema';

// One hub, two engines: SQLite in the data folder when nothing is configured (a working hub on one machine with no
// set-up), PostgreSQL when DATABASE_URL names one (real deployments). The same migrations and queries run on both.

export type HubDb = Kysely<HubDatabase>;
export interface OpenedHubDb {
  db: HubDb;
  dialect: 'sqlite' | 'postgres';
  close(): Promise<void>;
}

export interface HubDbOptions {
  /** postgres://… ; absent: SQLite in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  now(): string;
}

export async function openHubDb({ databaseUrl, dataDir, now }: HubDbOptions): Promise<OpenedHubDb> {
  let opened: OpenedHubDb;
  if (databaseUrl) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    const db = new Kysely<HubDatabase>({ dialect: new PostgresDialect({ pool }) });
    opened = { db, dialect: 'postgres', close: () => db.destroy() };
  } else {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const file = new Database(join(dataDir, 'hub.sqlite'));
    file.pragma('journal_mode = WAL');
    file.pragma('foreign_keys = ON');
    file.pragma('synchronous = NORMAL');
    file.pragma('busy_timeout = 5000');
    const db = new Kysely<HubDatabase>({ dialect: new SqliteDialect({ database: file }) });
    opened = { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  try {
    await migrateHub(opened.db, now);
  } catch (err) {
    await opened.close();
    throw err;
  }
  return opened;
}

/** `pg` answers count() and sum() as strings; SQLite as numbers. */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
