import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppStatus } from '../../shared/app/schema';
import type { SessionInput } from '../../shared/journal/schema';
import { DB_FILE, RUNNING_MARKER } from '../../main/core/storage/names';
import { LYON_SITE, individual, removeTempDirs, tempDir, workshop } from '../core/helpers';
import { credential, rpcClient, startHostProcess, type HostProcess } from '../fixtures/web-host';

// Crash-safety acceptance test: the browser-mode host is killed (SIGKILL, no chance to clean up) while several
// clients are saving sessions. After each kill: the database file passes integrity_check, every save the host
// acknowledged is there after a restart, and the next start knows the last run ended uncleanly.
//
// The host runs from source (tests/fixtures/web-host.ts, node --import tsx main/web/cli.ts) so this test does not
// depend on a renderer build: it serves a minimal index.html of its own.
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 8);
const CLIENTS = 4;

const children = new Set<ChildProcess>();

interface Host extends HostProcess {
  rpc: ReturnType<typeof rpcClient>;
}

async function startHost(dataDir: string, rendererDir: string): Promise<Host> {
  const host = await startHostProcess({ dataDir, sourceWithRenderer: rendererDir });
  children.add(host.process);
  void host.exited.then(() => children.delete(host.process));
  return { ...host, rpc: rpcClient(host.url, await credential(host.launchUrl)) };
}

async function rpc<T>(
  host: Host,
  method: string,
  input: unknown,
): Promise<{ ok: true; value: T } | { ok: false; error: { code: string } }> {
  const r = await host.rpc(method, input);
  expect(r.status).toBe(200);
  return r.body as { ok: true; value: T } | { ok: false; error: { code: string } };
}

async function value<T>(host: Host, method: string, input: unknown): Promise<T> {
  const r = await rpc<T>(host, method, input);
  if (!r.ok) throw new Error(`${method} refused: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** A varied stream of valid sessions, as a busy desk would save them. */
function sessionNumber(n: number): SessionInput {
  const day = `2026-03-${String((n % 28) + 1).padStart(2, '0')}`;
  switch (n % 4) {
    case 0:
      return individual({ date: day, notes: `Session ${n}: dossier transmis, attestation à fournir. `.repeat(5) });
    case 1:
      return individual({
        date: day,
        operators: ['cpam', 'caf'],
        followUp: { dueDate: '2026-04-15', reason: 'Relancer' },
        person: { communeCode: '69123' },
      });
    case 2:
      return workshop({ date: day });
    default:
      return individual({
        date: day,
        topics: ['email', 'navigation_sur_internet'],
        adminTopics: [],
        operators: [],
        outcome: null,
        durationMin: 15 + (n % 100),
      });
  }
}

/** Copies the database (and its WAL, which holds the last commits) aside and checks the copy, leaving the original as the crash left it. */
function inspectAfterCrash(dataDir: string, scratch: string): { integrity: string; ids: Set<string> } {
  mkdirSync(scratch, { recursive: true });
  const src = join(dataDir, DB_FILE);
  const dst = join(scratch, DB_FILE);
  copyFileSync(src, dst);
  if (existsSync(`${src}-wal`)) copyFileSync(`${src}-wal`, `${dst}-wal`);
  const db = new Database(dst);
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const ids = new Set((db.prepare('SELECT id FROM sessions').all() as Array<{ id: string }>).map((r) => r.id));
    return { integrity, ids };
  } finally {
    db.close();
  }
}

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  removeTempDirs();
});

describe('crash safety', () => {
  it(`every acknowledged save survives ${ROUNDS} SIGKILLs during concurrent saving, and the file stays intact`, async () => {
    const base = tempDir('mediane-crash-');
    const dataDir = join(base, 'data');
    const rendererDir = join(base, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(
      join(rendererDir, 'index.html'),
      '<!doctype html><html lang="fr"><head><title>Médiane</title></head><body></body></html>',
    );

    const acknowledged: string[] = [];
    const log: string[] = [];
    let n = 0;

    for (let round = 1; round <= ROUNDS; round++) {
      const host = await startHost(dataDir, rendererDir);
      const status = await value<AppStatus>(host, 'app.status', {});
      if (round === 1) {
        expect(status.storage.uncleanShutdown).toBe(false);
        await value(host, 'site.save', LYON_SITE);
      } else {
        expect(
          status.storage.uncleanShutdown,
          `round ${round}: the previous kill must be seen as an unclean shutdown`,
        ).toBe(true);
        expect(status.storage.recoveredFrom).toBeNull(); // a kill loses nothing: no restore was needed
        expect(status.setupDone).toBe(true);
      }
      // Everything acknowledged in earlier rounds is still there.
      for (const id of acknowledged) {
        const r = await rpc<{ id: string }>(host, 'journal.get', { id });
        expect(r.ok, `round ${round}: acknowledged session ${id} is missing`).toBe(true);
      }

      // Several clients save as fast as they can; the host is killed at a random moment.
      let killed = false;
      const refusals: unknown[] = [];
      const thisRound: string[] = [];
      const client = async () => {
        while (!killed) {
          let r;
          try {
            r = await rpc<{ id: string }>(host, 'journal.create', sessionNumber(n++));
          } catch {
            return; // the connection died with the host: not acknowledged
          }
          if (r.ok) thisRound.push(r.value.id);
          else refusals.push(r.error);
        }
      };
      const clients = Array.from({ length: CLIENTS }, client);
      const delay = 50 + Math.floor(Math.random() * 350);
      await new Promise((r) => setTimeout(r, delay));
      killed = true;
      host.process.kill('SIGKILL');
      const exit = await host.exited;
      await Promise.all(clients);
      acknowledged.push(...thisRound);
      log.push(`round ${round}: killed after ${delay} ms, ${thisRound.length} acknowledged`);
      expect(exit.signal).toBe('SIGKILL');
      expect(refusals).toEqual([]);
      expect(host.output()).not.toContain('[mediane]');

      // The process is dead: the file as it left it must be intact and hold every acknowledged save.
      const { integrity, ids } = inspectAfterCrash(dataDir, join(base, `inspect-${round}`));
      expect(integrity).toBe('ok');
      const missing = acknowledged.filter((id) => !ids.has(id));
      expect(missing, `round ${round}: acknowledged but not in the file`).toEqual([]);
    }

    // A last start sees the unclean end and every acknowledged save; a clean stop then clears the marker.
    const last = await startHost(dataDir, rendererDir);
    expect((await value<AppStatus>(last, 'app.status', {})).storage.uncleanShutdown).toBe(true);
    for (const id of acknowledged) expect((await rpc(last, 'journal.get', { id })).ok).toBe(true);
    const total = await value<{ total: number }>(last, 'journal.list', { limit: 1 });
    expect(total.total).toBeGreaterThanOrEqual(acknowledged.length);
    last.process.kill('SIGTERM');
    expect((await last.exited).code).toBe(0);
    expect(existsSync(join(dataDir, RUNNING_MARKER))).toBe(false);

    expect(acknowledged.length, log.join('\n')).toBeGreaterThan(ROUNDS);
    console.info(`[crash] ${log.join('; ')}; ${acknowledged.length} acknowledged in all`);
  }, 300_000);
});
