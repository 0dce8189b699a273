import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openHubDb } from '../../hub/db/database';
import { HUB_MIGRATIONS, migrationChecksum, tableNames } from '../../hub/db/migrations';
import { DIALECTS, openTestDb } from './fixtures';

// Shipped migrations never change: their checksums (over the SQL each dialect runs) are pinned here and recorded in
// every hub's database; a hub refuses a database with a different history or from a newer hub.

const PINNED_SQLITE: Record<number, string> = {
  1: 'd715d357d7cb9bfac65005bb40d6177494ed823a7af36c4175dcaad8a5ebb37e',
  2: '1d3fdf6b23972c5f337ccc6fe2564d6a1b60b17c8ca1ff036fd45af6fbe54735',
  3: '544a3451108a79bdbf2ac5dbecd03d079083c461e8cc81d065224aa0315aed39',
};

const SITE = '0f0e0d0c-0b0a-4098-8765-43210fedcba9';
const DESK = '1f0e0d0c-0b0a-4098-8765-43210fedcba9';

describe.each(DIALECTS)('hub migrations on %s', (dialect) => {
  const disposals: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const d of disposals.splice(0)) await d();
  });

  it('bring an empty database to the latest schema, once', async () => {
    const test = await openTestDb(dialect);
    disposals.push(test.dispose);
    expect(await tableNames(test.opened.db)).toEqual(
      expect.arrayContaining([
        'audit_log',
        'coordinators',
        'desks',
        'enrollment_codes',
        'hub_migrations',
        'hub_settings',
        'packs',
        'peer_sums',
        'scopes',
        'sites',
        'snapshots',
        'uploads',
      ]),
    );
    const recorded = await test.opened.db.selectFrom('hub_migrations').selectAll().execute();
    expect(recorded.map((r) => Number(r.version))).toEqual(HUB_MIGRATIONS.map((m) => m.version));
    await test.opened.close();
    // Opening again applies nothing and keeps the data.
    const again = await openHubDb({
      databaseUrl: test.databaseUrl,
      dataDir: test.dataDir,
      now: () => '2026-12-07T10:00:00.000Z',
    });
    expect((await again.db.selectFrom('hub_migrations').selectAll().execute()).length).toBe(HUB_MIGRATIONS.length);
    await again.close();
  });

  it('bring a database without migration 2 up: its desks kept, with no signing key (their files refused until re-enrolled)', async () => {
    const test = await openTestDb(dialect);
    disposals.push(test.dispose);
    const db = test.opened.db;
    // Back to what a version 1 hub left: no signing_key column, migration 2 not recorded.
    await sql`ALTER TABLE desks DROP COLUMN signing_key`.execute(db);
    await db.deleteFrom('hub_migrations').where('version', '=', 2).execute();
    await db
      .insertInto('sites')
      .values({ id: SITE, name: 'Lunel', departement: '34', epci: null, created_at: 'x' })
      .execute();
    await sql`INSERT INTO desks (id, site_id, credential_hash, enrolled_at, revoked_at)
      VALUES (${DESK}, ${SITE}, 'h', 'x', NULL)`.execute(db);
    await test.opened.close();
    const again = await openHubDb({ databaseUrl: test.databaseUrl, dataDir: test.dataDir, now: () => 'x' });
    try {
      expect(
        (await again.db.selectFrom('hub_migrations').select('version').orderBy('version').execute()).map((r) =>
          Number(r.version),
        ),
      ).toEqual([1, 2, 3]);
      expect(await again.db.selectFrom('desks').select(['id', 'signing_key']).execute()).toEqual([
        { id: DESK, signing_key: null },
      ]);
    } finally {
      await again.close();
    }
  });

  it('bring a database of the first schema (before peer benchmarks) up, keeping its settings', async () => {
    const test = await openTestDb(dialect);
    disposals.push(test.dispose);
    const db = test.opened.db;
    // Back to schema 1: what a hub shipped before signed files and peer benchmarks left behind.
    await db.schema.dropTable('peer_sums').execute();
    await sql`ALTER TABLE desks DROP COLUMN signing_key`.execute(db);
    await db.deleteFrom('hub_migrations').where('version', '>', 1).execute();
    await db
      .insertInto('hub_settings')
      .values({ key: 'k', value: '7' })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: '7' }))
      .execute();
    await test.opened.close();
    const again = await openHubDb({ databaseUrl: test.databaseUrl, dataDir: test.dataDir, now: () => 'x' });
    try {
      expect(await tableNames(again.db)).toContain('peer_sums');
      const versions = await again.db.selectFrom('hub_migrations').select('version').orderBy('version').execute();
      expect(versions.map((r) => Number(r.version))).toEqual(HUB_MIGRATIONS.map((m) => m.version));
      const k = await again.db.selectFrom('hub_settings').select('value').where('key', '=', 'k').executeTakeFirst();
      expect(k?.value).toBe('7');
    } finally {
      await again.close();
    }
  });

  it('refuse a database whose recorded history differs, or that a newer hub wrote', async () => {
    const test = await openTestDb(dialect);
    disposals.push(test.dispose);
    await test.opened.db.updateTable('hub_migrations').set({ checksum: 'tampered' }).where('version', '=', 1).execute();
    await test.opened.close();
    const reopen = () => openHubDb({ databaseUrl: test.databaseUrl, dataDir: test.dataDir, now: () => 'x' });
    await expect(reopen()).rejects.toThrow(/differs/);
    const fix = await openTestDb(dialect);
    disposals.push(fix.dispose);
    await fix.opened.db
      .insertInto('hub_migrations')
      .values({ version: 999, name: 'from-the-future', checksum: 'x', applied_at: 'x' })
      .execute();
    await fix.opened.close();
    await expect(openHubDb({ databaseUrl: fix.databaseUrl, dataDir: fix.dataDir, now: () => 'x' })).rejects.toThrow(
      /newer hub/,
    );
  });
});

describe('hub migration checksums', () => {
  it('are pinned (a shipped migration is never edited)', async () => {
    const test = await openTestDb('sqlite');
    try {
      for (const m of HUB_MIGRATIONS)
        expect([m.version, migrationChecksum(test.opened.db, m)]).toEqual([m.version, PINNED_SQLITE[m.version]]);
    } finally {
      await test.dispose();
    }
  });
});
