import Database from 'better-sqlite3';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core';
import { DB_FILE, migrate, openDatabase, readUserVersion } from '../../main/core/storage/database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, checksum, type Migration } from '../../main/core/storage/migrations';
import { RUNNING_MARKER } from '../../main/core/storage/names';
import { CoreError } from '../../shared/errors';
import { removeTempDirs, tempDir, testClock } from './helpers';

type Schema = { tables: Record<string, string[]>; indexes: string[] };

// What the schema must look like once each migration has run: every table with its columns, exactly, and the
// indexes the code relies on (at least these: index tuning for the journal list may add more). A new migration adds
// an entry here (and the first test refuses a migration without one), so every migration has a test of its own.
const EXPECTED: Record<number, Schema> = {
  1: {
    tables: {
      live_timers: ['id', 'started_at'],
      operators: ['key', 'position', 'builtin', 'active'],
      schema_migrations: ['version', 'name', 'checksum', 'applied_at'],
      session_operators: ['operator', 'date', 'seq'],
      session_topics: ['topic', 'date', 'seq'],
      sessions: [
        'seq',
        'id',
        'kind',
        'date',
        'start_time',
        'duration_min',
        'outcome',
        'follow_up_due',
        'follow_up_closed_at',
        'topics',
        'operators',
        'procedure_name',
        'workshop_title',
        'participants',
        'data',
        'notes',
        'taxonomy_version',
        'created_at',
        'updated_at',
        'deleted_at',
      ],
      settings: ['key', 'value'],
      site: ['id', 'data', 'created_at', 'updated_at'],
    },
    indexes: [
      'session_operators_seq',
      'session_topics_seq',
      'sessions_by_date',
      'sessions_by_duration',
      'sessions_by_kind',
      'sessions_by_outcome',
      'sessions_deleted',
      'sessions_follow_up',
    ],
  },
};

function schemaOf(db: Database.Database): Schema {
  const names = (type: string) =>
    (db.prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`).all(type) as Array<{ name: string }>).map(
      (r) => r.name,
    );
  const tables: Record<string, string[]> = {};
  for (const t of names('table')) tables[t] = (db.pragma(`table_info(${t})`) as Array<{ name: string }>).map((c) => c.name);
  return { tables, indexes: names('index') };
}

function expectSchema(db: Database.Database, version: number): void {
  const actual = schemaOf(db);
  const expected = EXPECTED[version]!;
  expect(actual.tables).toEqual(expected.tables);
  expect(actual.indexes).toEqual(expect.arrayContaining(expected.indexes));
  // Every index belongs to a table of the schema.
  const owners = db.prepare(`SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'index'`).all() as Array<{ tbl_name: string }>;
  for (const o of owners) expect(Object.keys(expected.tables)).toContain(o.tbl_name);
}

/** Runs exactly the migrations up to `version` the way the runner records them (for the state before a later migration). */
function applyUpTo(db: Database.Database, version: number): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  for (const m of MIGRATIONS.filter((x) => x.version <= version)) applyOne(db, m);
}

function applyOne(db: Database.Database, m: Migration): void {
  db.exec(m.sql);
  db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?, ?)').run(m.version, m.name, checksum(m.sql), '2026-01-01T00:00:00.000Z');
  db.pragma(`user_version = ${m.version}`);
}

function expectThrowsCore(fn: () => unknown, code: string, messageKey: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(CoreError);
  expect((caught as CoreError).code).toBe(code);
  expect((caught as CoreError).messageKey).toBe(messageKey);
}

afterEach(() => removeTempDirs());

describe('migrations', () => {
  it('are numbered 1..N without gaps, and each one has an expected schema in this file', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(Object.keys(EXPECTED).map(Number)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  for (const m of MIGRATIONS) {
    describe(`version ${m.version}: ${m.name}`, () => {
      it('applied on top of the previous version gives the expected tables, indexes and user_version', () => {
        const db = new Database(':memory:');
        db.pragma('foreign_keys = ON');
        applyUpTo(db, m.version - 1);
        if (m.version === 1) expect(Object.keys(schemaOf(db).tables)).toEqual(['schema_migrations']);
        else expectSchema(db, m.version - 1);
        applyOne(db, m);
        expectSchema(db, m.version);
        expect(db.pragma('user_version', { simple: true })).toBe(m.version);
        expect(db.pragma('foreign_key_check')).toEqual([]);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        db.close();
      });

      it('is brought by the runner from the previous version up to the latest one, and recorded with its checksum', () => {
        const dir = tempDir();
        const path = join(dir, DB_FILE);
        const pre = new Database(path);
        applyUpTo(pre, m.version - 1);
        pre.close();

        const clock = testClock('2026-04-01T10:00:00.000Z');
        const opened = openDatabase(dir, clock);
        expectSchema(opened.db, LATEST_SCHEMA_VERSION);
        expect(opened.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
        const row = opened.db.prepare('SELECT name, checksum, applied_at FROM schema_migrations WHERE version = ?').get(m.version) as {
          name: string;
          checksum: string;
          applied_at: string;
        };
        expect(row).toEqual({ name: m.name, checksum: checksum(m.sql), applied_at: '2026-04-01T10:00:00.000Z' });
        opened.close();
      });
    });
  }

  // Desks' databases record these checksums: a shipped migration whose text changes (even its whitespace, or by a
  // formatter) would refuse to open every existing desk. New migrations are appended here when they ship.
  it('never changes the text of a shipped migration', () => {
    const shipped: Record<number, string> = {
      1: '4dd580138524799b0a7ede0997a018309c99a1110fef38eb1c63c8681a4cab50',
    };
    for (const [version, sum] of Object.entries(shipped)) {
      expect(checksum(MIGRATIONS.find((m) => m.version === Number(version))!.sql), `migration ${version}`).toBe(sum);
    }
  });

  it('on an empty data folder creates the latest schema and records every migration', () => {
    const dir = tempDir();
    const opened = openDatabase(dir, testClock());
    expectSchema(opened.db, LATEST_SCHEMA_VERSION);
    expect(opened.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const recorded = opened.db.prepare('SELECT version, checksum FROM schema_migrations ORDER BY version').all();
    expect(recorded).toEqual(MIGRATIONS.map((m) => ({ version: m.version, checksum: checksum(m.sql) })));
    // Migration 1 seeds the operators list.
    expect((opened.db.prepare('SELECT count(*) AS n FROM operators').get() as { n: number }).n).toBe(10);
    opened.close();
    expect(readUserVersion(join(dir, DB_FILE))).toBe(LATEST_SCHEMA_VERSION);
  });

  it('re-opening an up-to-date database is a no-op', () => {
    const dir = tempDir();
    const first = openDatabase(dir, testClock('2026-01-01T00:00:00.000Z'));
    const before = {
      schema: schemaOf(first.db),
      migrations: first.db.prepare('SELECT * FROM schema_migrations ORDER BY version').all(),
      operators: first.db.prepare('SELECT * FROM operators ORDER BY key').all(),
    };
    first.close();

    const second = openDatabase(dir, testClock('2027-06-01T00:00:00.000Z'));
    expect(schemaOf(second.db)).toEqual(before.schema);
    expect(second.db.prepare('SELECT * FROM schema_migrations ORDER BY version').all()).toEqual(before.migrations);
    expect(second.db.prepare('SELECT * FROM operators ORDER BY key').all()).toEqual(before.operators);
    // Running the runner again by hand changes nothing either.
    migrate(second.db, testClock('2028-01-01T00:00:00.000Z'));
    expect(second.db.prepare('SELECT * FROM schema_migrations ORDER BY version').all()).toEqual(before.migrations);
    second.close();
  });

  it('refuses a database whose recorded checksum differs from the code (storage.migrationTampered)', () => {
    const dir = tempDir();
    const core = createCore({ dataDir: dir, clock: testClock(), maintenance: false });
    core.db.prepare("UPDATE schema_migrations SET checksum = 'x' WHERE version = 1").run();
    core.close();
    expectThrowsCore(() => createCore({ dataDir: dir, clock: testClock(), maintenance: false }), 'storage_unavailable', 'storage.migrationTampered');
    // The refusal does not leave the database open (an open WAL connection keeps its -wal/-shm files) nor marked as running.
    expect(existsSync(join(dir, `${DB_FILE}-wal`))).toBe(false);
    expect(existsSync(join(dir, `${DB_FILE}-shm`))).toBe(false);
    expect(existsSync(join(dir, RUNNING_MARKER))).toBe(false);
    // Fixing the row makes it open again.
    const fix = new Database(join(dir, DB_FILE));
    fix.prepare('UPDATE schema_migrations SET checksum = ? WHERE version = 1').run(checksum(MIGRATIONS[0]!.sql));
    fix.close();
    const again = createCore({ dataDir: dir, clock: testClock(), maintenance: false });
    again.close();
  });

  it('refuses a database from a newer version without touching the file (storage.newerVersion)', async () => {
    const dir = tempDir();
    const core = createCore({ dataDir: dir, clock: testClock(), maintenance: false });
    core.close();
    const path = join(dir, DB_FILE);
    // Simulate a newer app: bump user_version with a rollback journal, so the header is written in place.
    const future = new Database(path);
    future.pragma('journal_mode = DELETE');
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    future.close();
    expect(readUserVersion(path)).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(existsSync(`${path}-shm`)).toBe(false);

    const bytes = readFileSync(path);
    const mtime = statSync(path).mtimeMs;
    await new Promise((r) => setTimeout(r, 20)); // so that a write would show in the mtime

    expectThrowsCore(() => createCore({ dataDir: dir, clock: testClock(), maintenance: false }), 'storage_unavailable', 'storage.newerVersion');

    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(mtime);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(existsSync(`${path}-shm`)).toBe(false);
    expect(existsSync(join(dir, RUNNING_MARKER))).toBe(false);
  });
});
