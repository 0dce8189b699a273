import { afterEach, describe, expect, it } from 'vitest';
import { snapshotHash } from '../../hub/snapshots';
import { createSnapshotFiles } from '../../hub/snapshot-file';
import { createSnapshots } from '../../hub/snapshots';
import type { Snapshot } from '../../shared/sync/snapshot';
import {
  newDeskKeyPair,
  signSnapshotFile,
  SIGNED_SNAPSHOT_FILE_FORMAT,
  type SnapshotFileContent,
} from '../../shared/sync/snapshot-file';
import { DIALECTS, month, startTestHub, type TestHub } from './fixtures';

// A desk that never reaches the hub: its signed snapshot file, imported by a coordinator (API) or the administrator
// (CLI's code path). Every refusal with its 4xx and nothing stored; replays and the same snapshots later over the
// network counted once. The same suite on SQLite and PostgreSQL.

interface KeyedDesk {
  deskId: string;
  siteId: string;
  privateKey: string;
  auth: { authorization: string };
}

async function keyedDesk(hub: TestHub, departement = '34', name = 'France Services de Lunel'): Promise<KeyedDesk> {
  const site = await hub.admin.createSite({ name, departement });
  const { code } = await hub.admin.issueEnrollmentCode({ siteId: site.id });
  const keys = newDeskKeyPair();
  const res = await hub.app.inject({ method: 'POST', url: '/v1/enroll', payload: { code, publicKey: keys.publicKey } });
  if (res.statusCode !== 200) throw new Error(`enroll failed: ${res.body}`);
  const body = res.json() as { deskId: string; credential: string };
  return {
    deskId: body.deskId,
    siteId: site.id,
    privateKey: keys.privateKey,
    auth: { authorization: `Bearer ${body.credential}` },
  };
}

async function coordinatorOf(hub: TestHub, departement = '34') {
  const scope = await hub.admin.createScope({
    name: `Coordination ${departement}`,
    kind: 'departement',
    codes: [departement],
  });
  const { id, credential } = await hub.admin.createCoordinator({ scopeId: scope.id, name: 'Coordination' });
  return { id, headers: { authorization: `Bearer ${credential}` } };
}

function content(deskId: string, snapshots: Snapshot[]): SnapshotFileContent {
  return {
    format: SIGNED_SNAPSHOT_FILE_FORMAT,
    hub: 'https://hub.example.fr',
    deskId,
    exportedAt: '2026-12-07T09:00:00.000Z',
    snapshots: snapshots.map((snapshot) => ({
      key: `${snapshot.deskId}:${snapshot.period.key}:${snapshot.version}`,
      hash: snapshotHash(snapshot),
      snapshot,
    })),
  };
}

async function counts(hub: TestHub) {
  const n = async (table: 'snapshots' | 'uploads' | 'departement_cells') =>
    Number(
      (
        await hub.opened.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const imports = await hub.opened.db
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', 'snapshots.import')
    .execute();
  return {
    snapshots: await n('snapshots'),
    uploads: await n('uploads'),
    cells: await n('departement_cells'),
    imports: imports.length,
  };
}

async function sessionsOf(hub: TestHub, headers: object, period: string) {
  const res = await hub.app.inject({
    method: 'GET',
    url: `/v1/coordinator/summary?from=${period}&to=${period}`,
    headers: headers as Record<string, string>,
  });
  return (res.json() as { total: { totals: { sessions: number } } }).total.totals.sessions;
}

describe.each(DIALECTS)('signed snapshot files on %s', (dialect) => {
  let hub: TestHub;
  afterEach(async () => hub?.close());

  const importFile = (headers: object, body: unknown) =>
    hub.app.inject({
      method: 'POST',
      url: '/v1/coordinator/snapshot-files',
      headers: { ...(headers as Record<string, string>), 'content-type': 'application/json' },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('imports a desk’s file through the upload path: receipts per snapshot, a replay counted once, then the network counted once', async () => {
    hub = await startTestHub(dialect);
    const desk = await keyedDesk(hub);
    const coordinator = await coordinatorOf(hub);
    const oct = month(desk.deskId, '2026-10', 20);
    const nov = month(desk.deskId, '2026-11', 12);
    const file = signSnapshotFile(content(desk.deskId, [oct, nov]), desk.privateKey);

    const first = await importFile(coordinator.headers, file);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      deskId: desk.deskId,
      site: { id: desk.siteId, name: 'France Services de Lunel', departement: '34' },
      receipts: [
        { status: 'stored', period: { key: '2026-10' }, version: 1, hash: snapshotHash(oct) },
        { status: 'stored', period: { key: '2026-11' }, version: 1, hash: snapshotHash(nov) },
      ],
    });
    expect(await sessionsOf(hub, coordinator.headers, '2026-11')).toBe(12);
    const afterFirst = await counts(hub);
    expect(afterFirst).toMatchObject({ snapshots: 2, uploads: 2, imports: 1 });

    // The same file again (a coordinator who is not sure it went through): "already had", nothing counted twice.
    const replay = await importFile(coordinator.headers, file);
    expect(replay.json().receipts.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate']);
    // The desk's network comes back: it sends the same snapshots, the hub already has them.
    for (const s of [oct, nov]) {
      const res = await hub.app.inject({ method: 'POST', url: '/v1/snapshots', headers: desk.auth, payload: s });
      expect(res.json()).toMatchObject({ status: 'duplicate', hash: snapshotHash(s) });
    }
    expect(await sessionsOf(hub, coordinator.headers, '2026-11')).toBe(12);
    expect(await sessionsOf(hub, coordinator.headers, '2026-10')).toBe(20);
    expect(await counts(hub)).toEqual({ ...afterFirst, imports: 2 });

    // December's correction (version 2) arrives over the network before its version 1 arrives in a file:
    // superseded, and version 2 stays.
    const dec1 = month(desk.deskId, '2026-12', 9);
    const dec2 = month(desk.deskId, '2026-12', 10, 2, dec1);
    await hub.app.inject({ method: 'POST', url: '/v1/snapshots', headers: desk.auth, payload: dec2 });
    const jan = { ...month(desk.deskId, '2027-01', 8) };
    // Version 1 of November with other figures than the one already received: the whole file is refused.
    const conflict = await importFile(
      coordinator.headers,
      signSnapshotFile(content(desk.deskId, [jan, month(desk.deskId, '2026-11', 11)]), desk.privateKey),
    );
    expect([conflict.statusCode, conflict.json().error]).toEqual([422, 'conflicting_version']);
    expect(await sessionsOf(hub, coordinator.headers, '2027-01')).toBe(0);
    const superseded = await importFile(
      coordinator.headers,
      signSnapshotFile(content(desk.deskId, [dec1, jan]), desk.privateKey),
    );
    expect(superseded.json().receipts.map((r: { status: string }) => r.status)).toEqual(['superseded', 'stored']);
    expect(await sessionsOf(hub, coordinator.headers, '2026-12')).toBe(10);
    expect(await sessionsOf(hub, coordinator.headers, '2027-01')).toBe(8);
  });

  it('refuses every bad file with its 4xx and stores nothing from it', async () => {
    hub = await startTestHub(dialect);
    const desk = await keyedDesk(hub);
    const coordinator = await coordinatorOf(hub);
    const elsewhere = await keyedDesk(hub, '69', 'France Services Lyon 3e');
    const stranger = newDeskKeyPair();
    const nov = month(desk.deskId, '2026-11', 12);
    const good = content(desk.deskId, [month(desk.deskId, '2026-10', 20), nov]);
    const signed = signSnapshotFile(good, desk.privateKey);
    const before = await counts(hub);

    const refusals: Array<[string, unknown, number, string, object?]> = [
      ['no signature', { format: signed.format, content: signed.content }, 422, 'unsigned_file'],
      [
        'an unsigned file of an earlier desk',
        { format: 'mediane-snapshots/1', hub: 'https://hub.example.fr', exportedAt: good.exportedAt, snapshots: [] },
        422,
        'unsigned_file',
      ],
      ['signed by another key', signSnapshotFile(good, stranger.privateKey), 422, 'bad_signature'],
      [
        'a count changed after signing',
        { ...signed, content: signed.content.replace('"sessions":12', '"sessions":13') },
        422,
        'bad_signature',
      ],
      [
        'a snapshot not matching its hash (signed as such)',
        signSnapshotFile({ ...good, snapshots: [{ ...good.snapshots[1]!, hash: 'a'.repeat(64) }] }, desk.privateKey),
        422,
        'hash_mismatch',
      ],
      [
        'another desk’s snapshot inside',
        signSnapshotFile(content(desk.deskId, [{ ...nov, deskId: elsewhere.deskId }]), desk.privateKey),
        422,
        'wrong_desk',
      ],
      [
        'an unknown desk',
        signSnapshotFile(
          content('0f0e0d0c-0b0a-4098-8765-43210fedcba9', []).snapshots.length
            ? good
            : {
                ...good,
                deskId: '0f0e0d0c-0b0a-4098-8765-43210fedcba9',
              },
          desk.privateKey,
        ),
        404,
        'unknown_desk',
      ],
      [
        'a desk outside the scope',
        signSnapshotFile(content(elsewhere.deskId, [month(elsewhere.deskId, '2026-11', 12)]), elsewhere.privateKey),
        403,
        'outside_scope',
      ],
      ['not JSON', '{"format":', 400, 'bad_request'],
      ['a signed file with no content', { format: signed.format, signature: signed.signature }, 400, 'malformed_file'],
      [
        'content that is not a snapshot file',
        signSnapshotFile({ ...good, snapshots: [] } as unknown as SnapshotFileContent, desk.privateKey),
        400,
        'malformed_file',
      ],
      [
        'a snapshot with a free-text field',
        signSnapshotFile(
          { ...good, snapshots: [{ ...good.snapshots[0]!, snapshot: { ...nov, note: 'Mme Martin' } as Snapshot }] },
          desk.privateKey,
        ),
        400,
        'malformed_file',
      ],
    ];
    for (const [why, body, status, error] of refusals) {
      const res = await importFile(coordinator.headers, body);
      expect([why, res.statusCode, res.json().error]).toEqual([why, status, error]);
    }
    // A snapshot that breaks the disclosure rule (a released cell below k) after a good one: 422, nothing stored.
    const leaky = structuredClone(nov);
    leaky.population.gender = { total: 12, cells: { feminin: { n: 10 }, masculin: { n: 2 } } };
    const broken = await importFile(
      coordinator.headers,
      signSnapshotFile(content(desk.deskId, [month(desk.deskId, '2026-10', 20), leaky]), desk.privateKey),
    );
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({ error: 'disclosure_rule' });
    // Oversized.
    const huge = await importFile(coordinator.headers, { ...signed, padding: 'x'.repeat(9 * 1024 * 1024) });
    expect(huge.statusCode).toBe(413);
    // No credential, a desk's credential.
    expect((await importFile({}, signed)).statusCode).toBe(401);
    expect((await importFile(desk.auth, signed)).statusCode).toBe(403);
    expect(await counts(hub)).toEqual(before);

    // Revoked desk: refused, even with a good signature.
    await hub.admin.revokeDesk(desk.deskId);
    const revoked = await importFile(coordinator.headers, signed);
    expect([revoked.statusCode, revoked.json().error]).toEqual([403, 'revoked_desk']);
    expect(await counts(hub)).toEqual(before);
  });

  it('refuses the files of a desk enrolled without a key (before signing existed) until it enrolls again', async () => {
    hub = await startTestHub(dialect);
    const coordinator = await coordinatorOf(hub);
    const site = await hub.admin.createSite({ name: 'Médiathèque de Sète', departement: '34' });
    const { code } = await hub.admin.issueEnrollmentCode({ siteId: site.id });
    const old = (await hub.app.inject({ method: 'POST', url: '/v1/enroll', payload: { code } })).json() as {
      deskId: string;
    };
    const anyKey = newDeskKeyPair();
    const res = await importFile(
      coordinator.headers,
      signSnapshotFile(content(old.deskId, [month(old.deskId, '2026-11', 12)]), anyKey.privateKey),
    );
    expect([res.statusCode, res.json().error]).toEqual([422, 'desk_without_key']);
    // A key that is not an Ed25519 public key is refused at enrollment, and the code is not spent.
    const second = await hub.admin.issueEnrollmentCode({ siteId: site.id });
    const bad = await hub.app.inject({
      method: 'POST',
      url: '/v1/enroll',
      payload: { code: second.code, publicKey: 'bm90IGEga2V5' },
    });
    expect([bad.statusCode, bad.json().error]).toEqual([400, 'invalid_public_key']);
    const retry = await hub.app.inject({
      method: 'POST',
      url: '/v1/enroll',
      payload: { code: second.code, publicKey: anyKey.publicKey },
    });
    expect(retry.statusCode).toBe(200);
    expect(await counts(hub)).toMatchObject({ snapshots: 0, imports: 0 });
  });

  it('the administrator’s import (CLI path) takes a desk of any scope, audited under its name', async () => {
    hub = await startTestHub(dialect);
    const desk = await keyedDesk(hub, '69', 'France Services Lyon 3e');
    const files = createSnapshotFiles(hub.opened.db, hub.clock, createSnapshots(hub.opened.db, hub.clock));
    const file = signSnapshotFile(content(desk.deskId, [month(desk.deskId, '2026-11', 12)]), desk.privateKey);
    const receipt = await files.importFile(JSON.parse(JSON.stringify(file)), { actor: 'cli:admin', scopeId: null });
    expect(receipt.receipts.map((r) => r.status)).toEqual(['stored']);
    const audit = await hub.opened.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'snapshots.import')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'cli:admin' });
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ deskId: desk.deskId, stored: 1, duplicate: 0 });
  });
});
