import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { UploadReceipt } from '../../shared/sync/api';
import type { Snapshot } from '../../shared/sync/snapshot';
import {
  drainOutbox,
  outboxKey,
  type Outbox,
  type OutboxItem,
  type SnapshotTransport,
} from '../../main/core/sync/uploader';
import { DIALECTS, enrolledDesk, expectRunningSumsMatchSnapshots, month, startTestHub, type TestHub } from './fixtures';

// Several desks and the hub in one process, behind a transport that drops requests, commits then loses the reply,
// duplicates, reorders, delays and answers 5xx, over many random schedules. Once the faults stop, every snapshot is
// acknowledged, and the hub's figures equal what the desks released (latest version of each period), never more.

const SCHEDULES = Number(process.env.CHAOS_SCHEDULES ?? 1000);
// PostgreSQL commits to disk: fewer schedules there (the property is the same; SQLite runs the full count).
const SCHEDULES_PG = Number(process.env.CHAOS_SCHEDULES_PG ?? 100);

type Fault = 'ok' | 'drop' | 'lose_reply' | 'duplicate' | 'delay' | 'server_error';
const FAULTS: Fault[] = ['ok', 'drop', 'lose_reply', 'duplicate', 'delay', 'server_error'];

class MemoryOutbox implements Outbox {
  items: Array<OutboxItem & { state: 'pending' | 'acked' | 'quarantined' }> = [];
  add(snapshot: Snapshot) {
    this.items.push({ key: outboxKey(snapshot), snapshot, state: 'pending' });
  }
  pending() {
    return this.items.filter((i) => i.state === 'pending');
  }
  acknowledge(key: string, receipt: UploadReceipt) {
    const item = this.items.find((i) => i.key === key)!;
    expect(receipt.hash).toMatch(/^[0-9a-f]{64}$/);
    item.state = 'acked';
  }
  quarantine(key: string) {
    this.items.find((i) => i.key === key)!.state = 'quarantined';
  }
}

/** A transport to the in-process hub whose faults follow a seeded script; delayed requests land later, in any order. */
function faultyTransport(hub: TestHub, faults: () => Fault, later: Array<() => Promise<unknown>>) {
  const deliver = (snapshot: Snapshot, credential: string) =>
    hub.app.inject({
      method: 'POST',
      url: '/v1/snapshots',
      headers: { authorization: `Bearer ${credential}` },
      payload: snapshot,
    });
  const send: SnapshotTransport = async (snapshot, credential) => {
    switch (faults()) {
      case 'drop':
        throw new Error('connection reset');
      case 'lose_reply':
        await deliver(snapshot, credential);
        throw new Error('reply lost');
      case 'duplicate': {
        const [first] = await Promise.all([deliver(snapshot, credential), deliver(snapshot, credential)]);
        return { status: first.statusCode, body: first.json() };
      }
      case 'delay':
        later.push(() => deliver(snapshot, credential));
        throw new Error('timed out');
      case 'server_error':
        return { status: 503, body: { error: 'unavailable' } };
      default: {
        const r = await deliver(snapshot, credential);
        return { status: r.statusCode, body: r.json() };
      }
    }
  };
  return send;
}

const deskPlan = fc.record({
  months: fc.uniqueArray(fc.constantFrom('2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'), {
    minLength: 1,
    maxLength: 4,
  }),
  people: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 4, maxLength: 4 }),
  corrected: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 2 }),
});

describe.each(DIALECTS)('sync under a faulty network (chaos) on %s', (dialect) => {
  const schedules = dialect === 'sqlite' ? SCHEDULES : SCHEDULES_PG;
  it(`every snapshot is acknowledged once faults stop, and the hub counts each released figure exactly once (${schedules} schedules)`, async () => {
    const hub = await startTestHub(dialect);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(deskPlan, { minLength: 2, maxLength: 3 }),
          fc.array(fc.constantFrom(...FAULTS), { minLength: 5, maxLength: 40 }),
          fc.integer({ min: 1, max: 6 }),
          async (plans, script, faultyRounds) => {
            const desks = await Promise.all(plans.map((_, i) => enrolledDesk(hub, '69', `Chaos ${i}`)));
            const released = new Map<string, Snapshot>(); // desk:period → the latest version the desk released
            const outboxes = plans.map((plan, i) => {
              const outbox = new MemoryOutbox();
              plan.months.forEach((period, m) => {
                let snap = month(desks[i]!.deskId, period, plan.people[m]!);
                outbox.add(snap);
                // Corrections of the first month after closing: the next versions of the same period.
                if (m === 0)
                  for (const people of plan.corrected) {
                    snap = month(desks[i]!.deskId, period, people, snap.version + 1, snap);
                    outbox.add(snap);
                  }
                released.set(`${desks[i]!.deskId}:${period}`, snap);
              });
              return outbox;
            });
            let step = 0;
            const later: Array<() => Promise<unknown>> = [];
            const faulty = faultyTransport(hub, () => script[step++ % script.length]!, later);
            for (let round = 0; round < faultyRounds; round++) {
              await Promise.all(outboxes.map((o, i) => drainOutbox(o, faulty, desks[i]!.credential)));
              // Some delayed requests land now, out of order.
              const landing = later.splice(0, Math.ceil(later.length / 2)).reverse();
              await Promise.all(landing.map((f) => f()));
            }
            const clean = faultyTransport(hub, () => 'ok', later);
            for (let round = 0; round < 3; round++)
              await Promise.all(outboxes.map((o, i) => drainOutbox(o, clean, desks[i]!.credential)));
            // Stragglers from the faulty period arrive last of all: they must change nothing.
            await Promise.all(later.splice(0).map((f) => f()));

            for (const o of outboxes) expect(o.items.every((i) => i.state === 'acked')).toBe(true);
            const rows = await hub.opened.db
              .selectFrom('snapshots')
              .select(['desk_id', 'period_key', 'version', 'body'])
              .where(
                'desk_id',
                'in',
                desks.map((d) => d.deskId),
              )
              .execute();
            expect(rows).toHaveLength(released.size);
            let hubSessions = 0;
            for (const row of rows) {
              const expected = released.get(`${row.desk_id}:${row.period_key}`)!;
              expect(Number(row.version)).toBe(expected.version);
              expect(JSON.parse(row.body)).toEqual(expected);
              hubSessions += expected.totals.sessions;
            }
            const desksReleased = [...released.values()].reduce((sum, s) => sum + s.totals.sessions, 0);
            expect(hubSessions).toBe(desksReleased);
          },
        ),
        { numRuns: schedules, seed: 20261207 },
      );
      // The running sums that coordinators read, after every schedule's uploads: the sums of the stored versions.
      await expectRunningSumsMatchSnapshots(hub);
    } finally {
      await hub.close();
    }
  }, 600_000);
});
