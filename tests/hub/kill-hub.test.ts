import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../hub/admin';
import { openHubDb } from '../../hub/db/database';
import type { UploadReceipt } from '../../shared/sync/api';
import type { Snapshot } from '../../shared/sync/snapshot';
import {
  drainOutbox,
  outboxKey,
  type Outbox,
  type OutboxItem,
  type SnapshotTransport,
} from '../../main/core/sync/uploader';
import { month } from './fixtures';

// The hub process killed with SIGKILL while desks upload, then restarted on the same data: once it stays up, every
// snapshot is acknowledged and stored exactly once, at its latest version.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'mediane-hub-kill-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function startHub(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'hub/cli.ts'), '--port', '0', '--data-dir', dataDir],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    const timer = setTimeout(() => reject(new Error(`hub did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /serves (http:\/\/[^\s]+)\/v1\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]! });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', () => reject(new Error(`hub exited before serving: ${out}`)));
  });
}

class MemoryOutbox implements Outbox {
  items: Array<OutboxItem & { acked: boolean }> = [];
  pending() {
    return this.items.filter((i) => !i.acked);
  }
  acknowledge(key: string, _receipt: UploadReceipt) {
    this.items.find((i) => i.key === key)!.acked = true;
  }
  quarantine(key: string, status: number, error: string) {
    throw new Error(`${key} quarantined: ${status} ${error}`);
  }
}

describe('the hub killed mid-upload', () => {
  it('loses nothing and counts nothing twice across SIGKILL and restart', async () => {
    const setup = await openHubDb({ dataDir, now: () => new Date().toISOString() });
    const admin = createAdmin(setup.db, { now: () => new Date() }, 'test');
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const site = await admin.createSite({ name: `Lieu ${i}`, departement: '69' });
      codes.push((await admin.issueEnrollmentCode({ siteId: site.id })).code);
    }
    await setup.close();

    let hub = await startHub();
    const desks: Array<{ deskId: string; credential: string; outbox: MemoryOutbox }> = [];
    for (const code of codes) {
      const res = await fetch(`${hub.url}/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      const body = (await res.json()) as { deskId: string; credential: string };
      const outbox = new MemoryOutbox();
      const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08'];
      months.forEach((period, m) => {
        const snap: Snapshot = month(body.deskId, period, 10 + m * 3);
        outbox.items.push({ key: outboxKey(snap), snapshot: snap, acked: false });
      });
      desks.push({ ...body, outbox });
    }
    const send: SnapshotTransport = async (snapshot, credential) => {
      const res = await fetch(`${hub.url}/v1/snapshots`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
        body: JSON.stringify(snapshot),
        signal: AbortSignal.timeout(10_000),
      });
      return { status: res.status, body: await res.json() };
    };

    for (let kill = 0; kill < 4; kill++) {
      const uploads = Promise.all(desks.map((d) => drainOutbox(d.outbox, send, d.credential)));
      // Kill it while uploads are in flight.
      await new Promise((r) => setTimeout(r, 30 + kill * 40));
      const exited = new Promise((r) => hub.child.once('exit', r));
      hub.child.kill('SIGKILL');
      await Promise.all([uploads, exited]);
      hub = await startHub();
    }
    for (let round = 0; round < 3; round++)
      await Promise.all(desks.map((d) => drainOutbox(d.outbox, send, d.credential)));
    const stopped = new Promise((r) => hub.child.once('exit', r));
    hub.child.kill('SIGTERM');
    await stopped;

    for (const d of desks) expect(d.outbox.pending()).toEqual([]);
    const check = await openHubDb({ dataDir, now: () => new Date().toISOString() });
    const rows = await check.db.selectFrom('snapshots').select(['desk_id', 'period_key', 'body']).execute();
    await check.close();
    expect(rows).toHaveLength(desks.length * 8);
    const stored = rows.reduce((sum, r) => sum + (JSON.parse(r.body) as Snapshot).totals.sessions, 0);
    const released = desks.flatMap((d) => d.outbox.items).reduce((sum, i) => sum + i.snapshot.totals.sessions, 0);
    expect(stored).toBe(released);
  }, 300_000);
});
