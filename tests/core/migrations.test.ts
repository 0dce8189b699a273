import Database from 'better-sqlite3';
import { startupErrorMessage } from '../../main/core/startup-errors';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core';
import { DB_FILE, migrate, openDatabase, readUserVersion } from '../../main/core/storage/database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, checksum, type Migration } from '../../main/core/storage/migrations';
import { RUNNING_MARKER } from '../../main/core/storage/names';
import { CoreError } from '../../shared/errors';
import { JournalQuery, SessionInput, type JournalRow, type Session } from '../../shared/journal/schema';
import { TAXONOMY_VERSION } from '../../shared/taxonomy';
import {
  applyMigrationsUpTo,
  generateDatabase,
  generateSessions,
  type GeneratedSession,
} from '../fixtures/journal-dataset';
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
  2: {
    tables: {
      live_timers: ['id', 'started_at'],
      operators: ['key', 'position', 'builtin', 'active'],
      schema_migrations: ['version', 'name', 'checksum', 'applied_at'],
      session_operators: ['operator', 'date', 'seq'],
      session_topics: ['topic', 'date', 'seq'],
      // table_info leaves out the generated column id (the text form of uid, computed when read).
      sessions: [
        'seq',
        'uid',
        'kind',
        'date',
        'start_time',
        'duration_min',
        'channel',
        'equipment',
        'topics',
        'admin_topics',
        'operators',
        'procedure_name',
        'outcome',
        'orientation',
        'follow_up_due',
        'follow_up_reason',
        'follow_up_closed_at',
        'autonomy',
        'age_bracket',
        'gender',
        'status',
        'commune_code',
        'first_visit',
        'workshop_title',
        'workshop_level',
        'participants',
        'by_gender',
        'by_age',
        'by_status',
        'notes',
        'taxonomy_version',
        'created_at',
        'updated_at',
        'deleted_at',
      ],
      settings: ['key', 'value'],
      site: ['id', 'data', 'created_at', 'updated_at'],
      term_codes: ['domain', 'code', 'key'],
    },
    indexes: [
      'session_operators_seq',
      'session_topics_seq',
      'sessions_by_date',
      'sessions_by_duration',
      'sessions_by_kind',
      'sessions_by_kind_outcome',
      'sessions_by_outcome',
      'sessions_deleted',
      'sessions_follow_up',
      'sessions_follow_up_by_date',
    ],
  },
  3: {
    tables: {
      live_timers: ['id', 'started_at'],
      operators: ['key', 'position', 'builtin', 'active'],
      schema_migrations: ['version', 'name', 'checksum', 'applied_at'],
      session_operators: ['operator', 'date', 'seq'],
      session_topics: ['topic', 'date', 'seq'],
      // table_info leaves out the generated column id (the text form of uid, computed when read).
      sessions: [
        'seq',
        'uid',
        'kind',
        'date',
        'start_time',
        'duration_min',
        'channel',
        'equipment',
        'topics',
        'admin_topics',
        'operators',
        'procedure_name',
        'outcome',
        'orientation',
        'follow_up_due',
        'follow_up_reason',
        'follow_up_closed_at',
        'autonomy',
        'age_bracket',
        'gender',
        'status',
        'commune_code',
        'first_visit',
        'workshop_title',
        'workshop_level',
        'participants',
        'by_gender',
        'by_age',
        'by_status',
        'notes',
        'taxonomy_version',
        'created_at',
        'updated_at',
        'deleted_at',
      ],
      settings: ['key', 'value'],
      site: ['id', 'data', 'created_at', 'updated_at'],
      session_templates: ['id', 'name', 'position', 'fields', 'created_at', 'updated_at'],
      term_codes: ['domain', 'code', 'key'],
    },
    indexes: [
      'session_operators_seq',
      'session_templates_by_position',
      'session_topics_seq',
      'sessions_by_date',
      'sessions_by_duration',
      'sessions_by_kind',
      'sessions_by_kind_outcome',
      'sessions_by_outcome',
      'sessions_deleted',
      'sessions_follow_up',
      'sessions_follow_up_by_date',
    ],
  },
};

// Migration 4 (the timer label) adds one column to whatever migration 3 (the templates, on its own branch) leaves.
EXPECTED[4] = (() => {
  const before = EXPECTED[3] ?? EXPECTED[2]!;
  return { ...before, tables: { ...before.tables, live_timers: ['id', 'started_at', 'label'] } };
})();

// Migration 5 (statistics): the rollups, the frozen counts, the build flag, the retention policy and its log, and
// two columns of sessions (when details and notes were erased).
EXPECTED[5] = (() => {
  const before = EXPECTED[4]!;
  const cells = ['slice', 'level', 'period', 'kind', 'outcome', 'counts'];
  return {
    ...before,
    tables: {
      ...before.tables,
      sessions: [...before.tables.sessions!, 'details_erased_at', 'notes_erased_at'],
      stats_keys: ['code', 'dim', 'key'],
      stats_rollups: cells,
      stats_frozen: cells,
      stats_state: ['id', 'rollups_built'],
      retention_policy: ['id', 'enabled', 'months', 'notes_months'],
      retention_runs: ['at', 'details_erased', 'notes_erased', 'details_before', 'notes_before'],
    },
  };
})();

// Migration 6 (guided mode: session_guides, timer_guides, guide_overrides) adds three tables to whatever migration 5
// (another branch's) leaves.
EXPECTED[6] = (() => {
  const before = EXPECTED[5] ?? EXPECTED[4]!;
  return {
    tables: {
      ...before.tables,
      guide_overrides: ['id', 'guide', 'based_on_reviewed_on', 'updated_at', 'source'],
      session_guides: [
        'guide',
        'date',
        'seq',
        'title',
        'steps_total',
        'steps_done',
        'blocked',
        'position',
        'updated_at',
      ],
      timer_guides: ['timer_id', 'guide', 'title', 'steps_total', 'steps_done', 'blocked', 'position', 'updated_at'],
    },
    indexes: [...before.indexes, 'session_guides_seq'],
  };
})();

// Migration 7 (the diagnoses, issue 9) adds one table to whatever migrations 5 and 6 (on their own branches) leave.
EXPECTED[7] = (() => {
  const before = EXPECTED[6] ?? EXPECTED[5] ?? EXPECTED[4]!;
  return {
    tables: {
      ...before.tables,
      diagnoses: [
        'seq',
        'id',
        'mode',
        'questionnaire_version',
        'business',
        'siren',
        'answers',
        'previous_id',
        'journal_session_id',
        'started_at',
        'updated_at',
        'completed_at',
      ],
    },
    indexes: [...before.indexes, 'diagnoses_by_siren'],
  };
})();

// Migration 10 (sync): the desk's enrollment and schedule, the outbox of closed periods, the log of what left.
// Numbers 6 to 9 belong to other branches: it builds on whichever of them is the latest before it.
EXPECTED[10] = (() => {
  const before = EXPECTED[9] ?? EXPECTED[8] ?? EXPECTED[7] ?? EXPECTED[6] ?? EXPECTED[5]!;
  return {
    tables: {
      ...before.tables,
      sync_state: [
        'id',
        'hub_url',
        'desk_id',
        'site_id',
        'site_name',
        'site_departement',
        'k',
        'granularity',
        'grace_days',
        'enrolled_at',
        'attempts',
        'last_attempt_at',
        'last_success_at',
        'next_try_at',
        'last_error',
      ],
      sync_outbox: [
        'key',
        'period',
        'version',
        'payload',
        'hash',
        'suppressions',
        'created_at',
        'state',
        'error_status',
        'error',
      ],
      sync_sent: ['seq', 'key', 'period', 'version', 'hash', 'destination', 'outcome', 'at'],
    },
    indexes: [...before.indexes, 'sync_outbox_by_state'],
  };
})();

// Migration 11 (statistics' yearly level): stats_rollups is rebuilt with the same columns (level 2 allowed),
// stats_state gains the flag of the yearly rows' build, the open follow-ups get a covering index, and the guides
// used get their daily counts (stats_guides, kept by triggers).
EXPECTED[11] = (() => {
  const before = EXPECTED[10]!;
  return {
    tables: {
      ...before.tables,
      stats_state: [...before.tables.stats_state!, 'years_built'],
      stats_guides: ['guide', 'date', 'n'],
    },
    indexes: [...before.indexes, 'stats_open_follow_ups', 'stats_session_guides_by_date'],
  };
})();

function schemaOf(db: Database.Database): Schema {
  const names = (type: string) =>
    (
      db
        .prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`)
        .all(type) as Array<{ name: string }>
    ).map((r) => r.name);
  const tables: Record<string, string[]> = {};
  for (const t of names('table'))
    tables[t] = (db.pragma(`table_info(${t})`) as Array<{ name: string }>).map((c) => c.name);
  return { tables, indexes: names('index') };
}

function expectSchema(db: Database.Database, version: number): void {
  const actual = schemaOf(db);
  const expected = EXPECTED[version]!;
  expect(actual.tables).toEqual(expected.tables);
  expect(actual.indexes).toEqual(expect.arrayContaining(expected.indexes));
  // Every index belongs to a table of the schema.
  const owners = db.prepare(`SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'index'`).all() as Array<{
    tbl_name: string;
  }>;
  for (const o of owners) expect(Object.keys(expected.tables)).toContain(o.tbl_name);
}

/** Runs exactly the migrations up to `version` the way the runner records them (for the state before a later migration). */
function applyUpTo(db: Database.Database, version: number): void {
  applyMigrationsUpTo(db, version);
}

function applyOne(db: Database.Database, m: Migration): void {
  db.exec(m.sql);
  db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?, ?)').run(
    m.version,
    m.name,
    checksum(m.sql),
    '2026-01-01T00:00:00.000Z',
  );
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
  // Each feature branch has its own number, so a branch alone may skip the numbers of the others: increasing is the
  // rule (the merged tree has no gap).
  it('are numbered in increasing order, and each one has an expected schema in this file', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(LATEST_SCHEMA_VERSION).toBe(versions[versions.length - 1]);
    expect(Object.keys(EXPECTED).map(Number)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  for (const [index, m] of MIGRATIONS.entries()) {
    const previous = index === 0 ? 0 : MIGRATIONS[index - 1]!.version;
    describe(`version ${m.version}: ${m.name}`, () => {
      it('applied on top of the previous version gives the expected tables, indexes and user_version', () => {
        const db = new Database(':memory:');
        db.pragma('foreign_keys = ON');
        // The previous migration in the list (numbers may have a gap while another branch's migration is unmerged).
        const previous = MIGRATIONS[MIGRATIONS.indexOf(m) - 1]?.version ?? 0;
        applyUpTo(db, previous);
        if (m.version === 1) expect(Object.keys(schemaOf(db).tables)).toEqual(['schema_migrations']);
        else expectSchema(db, previous);
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
        applyUpTo(pre, previous);
        pre.close();

        const clock = testClock('2026-04-01T10:00:00.000Z');
        const opened = openDatabase(dir, clock);
        expectSchema(opened.db, LATEST_SCHEMA_VERSION);
        expect(opened.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
        const row = opened.db
          .prepare('SELECT name, checksum, applied_at FROM schema_migrations WHERE version = ?')
          .get(m.version) as {
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
      2: '2adcef49fd6e6f59705ea56850606f366ac373cbb56dfbd4ad25e2d7791be393',
      3: 'ecaaff5b5b51fc961e7e719476b5628f7509f18215544c01f7876da345bda69f',
      4: '4bb487a894eeebd18db9f5266571548d2076abb59f5e72084128425063792cef',
      5: 'b596b62eb1536992dec8fe1f58258ad51282d8bb7705a8612700e1ac20f6fb7d',
      6: '027fcfd37da0985a135a1d157ff62b014907c32cb035cf645a25d1b8c4fe528e',
      7: '851bd6e0d2b0cc81349855845bd3ec667d52e999c9ddfb8a43777cd9bd6b8c1f',
      10: 'd4ffbd76d39c3e326dd7ea6a43f6e9eb5599cf5ec0465b788033fe42c298bc80',
      11: '25ab3af2c26aae5861e78686cea1e993778192f71c37ee6a8ed18c73dd7e5d24',
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
    expectThrowsCore(
      () => createCore({ dataDir: dir, clock: testClock(), maintenance: false }),
      'storage_unavailable',
      'storage.migrationTampered',
    );
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

    expectThrowsCore(
      () => createCore({ dataDir: dir, clock: testClock(), maintenance: false }),
      'storage_unavailable',
      'storage.newerVersion',
    );

    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(mtime);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(existsSync(`${path}-shm`)).toBe(false);
    expect(existsSync(join(dir, RUNNING_MARKER))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Migration 2 rewrites every session (schema 1 kept the record as JSON): a desk's history written with schema 1
// must read back identical, field for field, through the journal service once migrated.

function parsed(
  input: SessionInput,
  id: string,
  at: { created: string; updated: string; closed?: string; deleted?: string },
): GeneratedSession {
  return {
    data: SessionInput.parse(input),
    id,
    createdAt: at.created,
    updatedAt: at.updated,
    followUpClosedAt: at.closed ?? null,
    deletedAt: at.deleted ?? null,
  };
}

/** What the generator does not make: extreme values, keys in unusual orders, an operator a coordinator added. */
function cornerCases(): GeneratedSession[] {
  return [
    parsed(
      {
        kind: 'collectif',
        date: '2000-01-01',
        startTime: '00:00',
        durationMin: 1439,
        channel: 'autre',
        equipment: ['tablette', 'ordinateur'],
        topics: ['securite_numerique', 'aide_aux_demarches_administratives', 'email'],
        adminTopics: ['associations', 'argent_impots'],
        operators: ['mairie_gueret', 'dgfip'],
        procedureName: 'Démarche « impôts » – déclaration',
        outcome: 'oriente_vers_structure',
        orientation: 'autre',
        followUp: { dueDate: '2000-01-31', reason: 'Rappeler l’association (Élodie)' },
        notes: 'Ligne 1\nLigne 2 : « guillemets », apostrophe ’ et émoji 🙂 ; ça marche.',
        workshop: { title: 'Atelier d’été', level: 'avance', participants: 500, byGender: {}, byAge: {}, byStatus: {} },
      },
      'ffffffff-ffff-4fff-bfff-ffffffffffff',
      { created: '2000-01-01T00:00:00.000Z', updated: '2000-01-02T23:59:59.999Z' },
    ),
    parsed(
      {
        kind: 'collectif',
        date: '2026-11-27',
        durationMin: 90,
        channel: 'lieu_activite',
        topics: ['culture_numerique'],
        workshop: {
          title: 'Tablette',
          level: 'intermediaire',
          participants: 12,
          byGender: { non_communique: 1, feminin: 7, masculin: 4 },
          byAge: { soixante_dix_plus: 3, moins_de_douze: 2 },
          byStatus: { retraite: 3 },
        },
      },
      '00000000-0000-4000-8000-00000000abcd',
      { created: '2026-11-27T16:00:00.000Z', updated: '2026-11-28T08:00:00.000Z', deleted: '2026-11-28T08:00:00.000Z' },
    ),
    parsed(
      {
        kind: 'individuel',
        date: '2026-02-28',
        startTime: '23:59',
        durationMin: 1,
        channel: 'domicile',
        equipment: ['aucun', 'autre', 'tablette', 'telephone', 'ordinateur'],
        topics: ['intelligence_artificielle', 'diagnostic_numerique'],
        operators: [],
        outcome: 'doit_revenir',
        followUp: { dueDate: '2027-02-28', reason: 'Revenir avec l’avis d’imposition' },
        notes: 'Pas de données personnelles ici.',
        autonomy: 'autonome',
        person: {
          ageBracket: 'soixante_dix_plus',
          gender: 'masculin',
          status: 'retraite',
          communeCode: '2A004',
          firstVisit: true,
        },
      },
      '12345678-9abc-4def-8123-456789abcdef',
      { created: '2026-02-28T22:59:00.000Z', updated: '2026-03-01T10:00:00.001Z', closed: '2026-03-01T10:00:00.001Z' },
    ),
  ];
}

type Generated = ReturnType<typeof generateSessions> extends Generator<infer G> ? G : never;

function expectedSession(g: Generated): Session {
  const { liveId: _liveId, ...data } = g.data;
  return {
    ...data,
    id: g.id,
    taxonomyVersion: TAXONOMY_VERSION,
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
    followUpClosedAt: g.followUpClosedAt,
  } as Session;
}

function expectedRow(g: Generated): JournalRow {
  const d = g.data;
  return {
    id: g.id,
    kind: d.kind,
    date: d.date,
    startTime: d.startTime,
    durationMin: d.durationMin,
    topics: d.topics,
    operators: d.operators,
    procedureName: d.procedureName,
    workshopTitle: d.kind === 'collectif' ? d.workshop.title : null,
    participants: d.kind === 'collectif' ? d.workshop.participants : 1,
    outcome: d.outcome,
    followUpDue: d.followUp?.dueDate ?? null,
    followUpClosed: g.followUpClosedAt !== null,
  };
}

describe('migration 2 on a desk history written with schema 1', () => {
  const COUNT = 3000;
  const SEED = 11;

  it('gives back every session identical through the journal service (get, list, follow-ups, deleted ones)', async () => {
    const dir = tempDir();
    const extra = cornerCases();
    generateDatabase(dir, COUNT, SEED, { schema: 1, extra });
    expect(readUserVersion(join(dir, DB_FILE))).toBe(1);
    const history = [...generateSessions(COUNT, SEED), ...extra];
    // The sample covers what the conversion must keep.
    expect(history.filter((g) => g.data.kind === 'collectif').length).toBeGreaterThan(200);
    expect(history.filter((g) => g.deletedAt).length).toBeGreaterThan(3);
    expect(history.filter((g) => g.data.followUp && g.followUpClosedAt).length).toBeGreaterThan(50);
    expect(history.filter((g) => g.data.followUp && !g.followUpClosedAt).length).toBeGreaterThan(10);
    expect(history.filter((g) => /[éèàç’]/.test(g.data.notes)).length).toBeGreaterThan(100);

    const clock = testClock('2026-12-01T09:00:00.000Z');
    const core = createCore({ dataDir: dir, clock, maintenance: false });
    try {
      expect(core.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(core.db.pragma('foreign_key_check')).toEqual([]);
      expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');

      const live = history.filter((g) => !g.deletedAt);
      for (const g of live) expect(await core.handlers['journal.get']({ id: g.id })).toEqual(expectedSession(g));

      // The list: every live session, newest first (date, then order of logging: seq is the history's order).
      const order = history.map((g, i) => ({ g, seq: i + 1 })).filter((x) => !x.g.deletedAt);
      order.sort((a, b) => (a.g.data.date < b.g.data.date ? 1 : a.g.data.date > b.g.data.date ? -1 : b.seq - a.seq));
      const listed: JournalRow[] = [];
      for (let offset = 0; offset < order.length; offset += 200) {
        const page = await core.handlers['journal.list'](JournalQuery.parse({ offset, limit: 200 }));
        expect(page.total).toBe(order.length);
        listed.push(...page.rows);
      }
      expect(listed).toEqual(order.map((x) => expectedRow(x.g)));

      const due = order
        .filter((x) => x.g.data.followUp && !x.g.followUpClosedAt)
        .sort((a, b) =>
          a.g.data.followUp!.dueDate < b.g.data.followUp!.dueDate
            ? -1
            : a.g.data.followUp!.dueDate > b.g.data.followUp!.dueDate
              ? 1
              : a.seq - b.seq,
        );
      expect(await core.handlers['journal.followUps']({})).toEqual(
        due.map(({ g }) => {
          const r = expectedRow(g);
          return {
            id: g.id,
            date: r.date,
            dueDate: r.followUpDue,
            reason: g.data.followUp!.reason,
            kind: r.kind,
            operators: r.operators,
            procedureName: r.procedureName,
            workshopTitle: r.workshopTitle,
          };
        }),
      );

      // Deleted sessions stay deleted, and come back whole when restored (only updatedAt moves).
      for (const g of history.filter((x) => x.deletedAt)) {
        await expect(Promise.resolve().then(() => core.handlers['journal.get']({ id: g.id }))).rejects.toMatchObject({
          code: 'not_found',
        });
        expect(await core.handlers['journal.restore']({ id: g.id })).toEqual({
          ...expectedSession(g),
          updatedAt: '2026-12-01T09:00:00.000Z',
        });
      }
      // The operator a coordinator added is filterable by its key, as before.
      expect(
        (await core.handlers['journal.list'](JournalQuery.parse({ filter: { operator: 'mairie_gueret' } }))).rows.map(
          (r) => r.id,
        ),
      ).toEqual(['ffffffff-ffff-4fff-bfff-ffffffffffff']);
    } finally {
      core.close();
    }
  }, 120_000);

  it('refuses a value it cannot convert exactly, and leaves the schema 1 file as it was', () => {
    const dir = tempDir();
    generateDatabase(dir, 50, SEED, { schema: 1 });
    const path = join(dir, DB_FILE);
    const edit = new Database(path);
    edit.prepare("UPDATE sessions SET created_at = '2026-03-10 09:00' WHERE seq = 7").run();
    const before = edit.prepare('SELECT * FROM sessions ORDER BY seq').all();
    edit.close();

    const error = (() => {
      try {
        createCore({ dataDir: dir, clock: testClock(), maintenance: false });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toMatchObject({ code: 'storage_unavailable', messageKey: 'storage.migrationFailed' });
    expect(startupErrorMessage(error, 'fr')).toMatch(/n’a pas pu mettre à jour.*n’a pas été modifié/);
    expect(startupErrorMessage(error, 'en')).toMatch(/could not upgrade.*not changed/);
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(1);
    expect(after.prepare('SELECT * FROM sessions ORDER BY seq').all()).toEqual(before);
    expect(
      after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('term_codes', 'sessions_v2')").get(),
    ).toEqual({ n: 0 });
    after.close();
  });
});

describe('migration 4 (timer label) on a desk with a timer running', () => {
  it('keeps the running timer, with an empty label, and the label can then be set', async () => {
    const dir = tempDir();
    const pre = new Database(join(dir, DB_FILE));
    applyUpTo(pre, 3);
    pre
      .prepare('INSERT INTO live_timers (id, started_at) VALUES (?, ?)')
      .run('0f8fad5b-d9cb-469f-a165-70867728950e', '2026-04-01T09:30:00.000Z');
    pre.close();
    const opened = openDatabase(dir, testClock('2026-04-01T10:00:00.000Z'));
    expect(opened.db.prepare('SELECT id, started_at, label FROM live_timers').all()).toEqual([
      { id: '0f8fad5b-d9cb-469f-a165-70867728950e', started_at: '2026-04-01T09:30:00.000Z', label: '' },
    ]);
    opened.close();
  });
});
