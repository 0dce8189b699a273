import { createHash } from 'node:crypto';
import type { Compilable, Kysely } from 'kysely';
import type { HubDatabase } from './schema';

// The hub's schema history: forward-only, numbered, checksummed, one set for SQLite and PostgreSQL (Kysely's schema
// builder speaks both). A shipped migration is never edited: its checksum is pinned in migrations.test.ts and stored in
// every hub's database, and a hub refuses to start on a database whose recorded checksums differ, or that is newer.
// The checksum is taken over the SQL that the migration compiles to on the database's own dialect.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema builder is untyped before the tables exist
type AnyDb = Kysely<any>;
type Statement = Compilable & { execute(): Promise<unknown> };

export interface HubMigration {
  version: number;
  name: string;
  /** The statements, built on the connection (or transaction) they will run on. */
  statements(db: AnyDb): Statement[];
}

const migration0001: HubMigration = {
  version: 1,
  name: 'initial',
  statements: (db) => [
    db.schema
      .createTable('hub_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull()),
    db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull()),
    db.schema
      .createTable('scopes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('codes', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull()),
    db.schema
      .createTable('sites')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('departement', 'text', (c) => c.notNull())
      .addColumn('epci', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull()),
    db.schema
      .createTable('coordinators')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scope_id', 'text', (c) => c.notNull().references('scopes.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('credential_hash', 'text', (c) => c.notNull().unique())
      .addColumn('can_publish', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text'),
    db.schema
      .createTable('enrollment_codes')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull()),
    db.schema
      .createTable('desks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('credential_hash', 'text', (c) => c.notNull().unique())
      .addColumn('enrolled_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text'),
    db.schema
      .createTable('snapshots')
      .addColumn('desk_id', 'text', (c) => c.notNull().references('desks.id'))
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('granularity', 'text', (c) => c.notNull())
      .addColumn('period_key', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      // The key totals as columns: a scope's per-site totals are sums of integers, not of parsed documents.
      .addColumn('sessions', 'integer', (c) => c.notNull())
      .addColumn('individual_sessions', 'integer', (c) => c.notNull())
      .addColumn('workshops', 'integer', (c) => c.notNull())
      .addColumn('workshop_participants', 'integer', (c) => c.notNull())
      .addColumn('people_helped', 'integer', (c) => c.notNull())
      .addColumn('total_minutes', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('snapshots_pk', ['desk_id', 'period_key']),
    db.schema.createIndex('snapshots_by_period').on('snapshots').columns(['period_key', 'site_id']),
    db.schema.createIndex('snapshots_by_site').on('snapshots').columns(['site_id', 'period_key']),
    // Every table of every snapshot summed per département and period, and for the whole network (département 'FR'),
    // kept in the upload's transaction (the previous version of a period is subtracted, the new one added): a
    // département's or the country's figures read a few thousand rows instead of parsing every snapshot.
    db.schema
      .createTable('departement_cells')
      .addColumn('departement', 'text', (c) => c.notNull())
      .addColumn('period_key', 'text', (c) => c.notNull())
      .addColumn('dimension', 'text', (c) => c.notNull())
      .addColumn('cell_key', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addColumn('suppressed_in', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('departement_cells_pk', ['departement', 'period_key', 'dimension', 'cell_key']),
    db.schema
      .createTable('uploads')
      .addColumn('idempotency_key', 'text', (c) => c.primaryKey())
      .addColumn('desk_id', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull()),
    db.schema
      .createTable('packs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('manifest', 'text', (c) => c.notNull())
      .addColumn('signature', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('packs_channel_version', ['channel', 'version']),
  ],
};

// Each desk's Ed25519 public key (base64 SPKI DER), sent at enrollment: the hub checks the snapshot files a coordinator
// imports against it. Null for desks enrolled before: their files are refused until they enroll again.
const migration0002: HubMigration = {
  version: 2,
  name: 'desk-signing-keys',
  statements: (db) => [db.schema.alterTable('desks').addColumn('signing_key', 'text')],
};

// Peer benchmarks for diagnostics (hub/peers.ts): per (desk, period) the latest version's diagnosis groups, one row per
// measure ('diagnoses': the group's count; 'overall'; 'd:<dimension>'), replaced at each new version of the period.
const migration0003: HubMigration = {
  version: 3,
  name: 'peer_sums',
  statements: (db) => [
    db.schema
      .createTable('peer_sums')
      .addColumn('desk_id', 'text', (c) => c.notNull().references('desks.id'))
      .addColumn('period_key', 'text', (c) => c.notNull())
      .addColumn('naf_section', 'text', (c) => c.notNull())
      .addColumn('size_band', 'text', (c) => c.notNull())
      .addColumn('departement', 'text', (c) => c.notNull())
      .addColumn('measure', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('peer_sums_pk', [
        'desk_id',
        'period_key',
        'naf_section',
        'size_band',
        'departement',
        'measure',
      ]),
    // Covering the peer query (hub/peers.ts): a group's rows are read from the index alone, nationally (the first two
    // columns) and for one département (the first three).
    db.schema
      .createIndex('peer_sums_by_group')
      .on('peer_sums')
      .columns(['naf_section', 'size_band', 'departement', 'period_key', 'measure', 'desk_id', 'n', 'total']),
  ],
};

/** Every migration, in order. A new one is appended here (never edit a shipped one). */
export const HUB_MIGRATIONS: readonly HubMigration[] = [migration0001, migration0002, migration0003];

/** The checksum of a migration as this database's dialect runs it. */
export function migrationChecksum(db: AnyDb, m: HubMigration): string {
  const hash = createHash('sha256').update(`${m.version}:${m.name}\n`);
  for (const statement of m.statements(db)) hash.update(`${statement.compile().sql};\n`);
  return hash.digest('hex');
}

export class HubSchemaError extends Error {}

/** Brings the database up to the latest version, each migration in its own transaction with its record. */
export async function migrateHub(db: Kysely<HubDatabase>, now: () => string): Promise<number> {
  await (db as AnyDb).schema
    .createTable('hub_migrations')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const applied = await db.selectFrom('hub_migrations').selectAll().orderBy('version').execute();
  const latest = HUB_MIGRATIONS[HUB_MIGRATIONS.length - 1]!.version;
  for (const row of applied) {
    const known = HUB_MIGRATIONS.find((m) => m.version === Number(row.version));
    if (!known) throw new HubSchemaError(`the database was written by a newer hub (schema ${row.version} > ${latest})`);
    if (migrationChecksum(db, known) !== row.checksum)
      throw new HubSchemaError(`migration ${row.version} (${row.name}) differs from the one this database recorded`);
  }
  const done = new Set(applied.map((r) => Number(r.version)));
  for (const m of HUB_MIGRATIONS) {
    if (done.has(m.version)) continue;
    await db.transaction().execute(async (trx) => {
      for (const statement of m.statements(trx)) await statement.execute();
      await trx
        .insertInto('hub_migrations')
        .values({ version: m.version, name: m.name, checksum: migrationChecksum(trx, m), applied_at: now() })
        .execute();
    });
  }
  return latest;
}

/** Used by tests and the CLI: the tables that exist (both dialects). */
export async function tableNames(db: Kysely<HubDatabase>): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables.map((t) => t.name).sort();
}
