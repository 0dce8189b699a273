import { CoreError } from '../../../shared/errors';
import type { Clock } from '../../../shared/ids';
import type { Holder, SessionGuides, Site, UsedGuide } from '../../../shared/guides/api';
import { suggestOutcome } from '../../../shared/guides/outcome';
import type { Guide } from '../../../shared/guides/schema';
import type { JournalRow } from '../../../shared/journal/schema';
import type { Db } from '../storage/database';

// Guided mode: the guides a running timer or a saved session follows, and which steps are ticked. A timer's guides
// move to its session in the transaction that saves it (`written`, called by the journal service), and go with the
// timer when it is cancelled (ON DELETE CASCADE). The journal's list shows them (`listed`) and filters by guide.

export interface SessionGuidesDeps {
  db: Db;
  clock: Clock;
  /** The guide as the desk reads it now (shipped or local), or null. */
  findGuide(id: string): Guide | null;
}

type GuideRow = { guide: string; title: string; steps_total: number; steps_done: string; blocked: number };

/** The 16 bytes of a session id (the sessions table keeps its ids as BLOBs: see journal/session-row.ts). */
const uidOf = (id: string) => Buffer.from(id.replaceAll('-', ''), 'hex');

const stepsOf = (row: GuideRow): number[] =>
  (JSON.parse(row.steps_done) as number[]).filter((n) => n <= row.steps_total);

export function createSessionGuides({ db, clock, findGuide }: SessionGuidesDeps) {
  const s = {
    session: db.prepare('SELECT seq, date FROM sessions WHERE uid = ? AND deleted_at IS NULL'),
    timer: db.prepare('SELECT id FROM live_timers WHERE id = ?'),
    ofTimer: db.prepare(
      'SELECT guide, title, steps_total, steps_done, blocked FROM timer_guides WHERE timer_id = ? ORDER BY position',
    ),
    ofSession: db.prepare(
      'SELECT guide, title, steps_total, steps_done, blocked FROM session_guides WHERE seq = ? ORDER BY position',
    ),
    addTimer:
      db.prepare(`INSERT INTO timer_guides (timer_id, guide, title, steps_total, steps_done, blocked, position, updated_at)
      VALUES (?, ?, ?, ?, '[]', 0, (SELECT coalesce(max(position), -1) + 1 FROM timer_guides WHERE timer_id = ?), ?)
      ON CONFLICT DO NOTHING`),
    addSession:
      db.prepare(`INSERT INTO session_guides (guide, date, seq, title, steps_total, steps_done, blocked, position, updated_at)
      VALUES (?, ?, ?, ?, ?, '[]', 0, (SELECT coalesce(max(position), -1) + 1 FROM session_guides WHERE seq = ?), ?)
      ON CONFLICT DO NOTHING`),
    setTimer: db.prepare(
      'UPDATE timer_guides SET steps_done = ?, blocked = ?, updated_at = ? WHERE timer_id = ? AND guide = ?',
    ),
    setSession: db.prepare(
      'UPDATE session_guides SET steps_done = ?, blocked = ?, updated_at = ? WHERE seq = ? AND guide = ?',
    ),
    dropTimer: db.prepare('DELETE FROM timer_guides WHERE timer_id = ? AND guide = ?'),
    dropSession: db.prepare('DELETE FROM session_guides WHERE seq = ? AND guide = ?'),
    moveFromTimer:
      db.prepare(`INSERT INTO session_guides (guide, date, seq, title, steps_total, steps_done, blocked, position, updated_at)
      SELECT t.guide, @day, @seq, t.title, t.steps_total, t.steps_done, t.blocked,
        t.position + (SELECT coalesce(max(position), -1) + 1 FROM session_guides WHERE seq = @seq), t.updated_at
      FROM timer_guides t WHERE t.timer_id = @timer
      ON CONFLICT DO UPDATE SET steps_done = excluded.steps_done, blocked = excluded.blocked, updated_at = excluded.updated_at`),
    redate: db.prepare('UPDATE session_guides SET date = ? WHERE seq = ? AND date <> ?'),
    listed: db.prepare(`SELECT s.id AS id, g.guide, g.title, g.steps_total, g.steps_done, g.blocked
      FROM json_each(?) j CROSS JOIN sessions s ON s.uid = unhex(replace(j.value, '-', ''))
      CROSS JOIN session_guides g ON g.seq = s.seq ORDER BY g.seq, g.position`),
    used: db.prepare(`SELECT g.guide AS id, (SELECT title FROM session_guides t WHERE t.guide = g.guide ORDER BY t.date DESC LIMIT 1) AS title
      FROM (SELECT DISTINCT guide FROM session_guides) g ORDER BY title`),
  };

  type Resolved = { kind: 'timer'; timerId: string } | { kind: 'session'; seq: number; day: number };
  function resolve(holder: Holder): Resolved {
    if ('timerId' in holder) {
      if (!s.timer.get(holder.timerId)) throw new CoreError('not_found', 'guides.timerNotFound');
      return { kind: 'timer', timerId: holder.timerId };
    }
    const row = s.session.get(uidOf(holder.sessionId)) as { seq: number; date: number } | undefined;
    if (!row) throw new CoreError('not_found', 'guides.sessionNotFound');
    return { kind: 'session', seq: row.seq, day: row.date };
  }

  const rowsOf = (h: Resolved) =>
    (h.kind === 'timer' ? s.ofTimer.all(h.timerId) : s.ofSession.all(h.seq)) as GuideRow[];

  function rowOf(h: Resolved, id: string): GuideRow {
    const row = rowsOf(h).find((r) => r.guide === id);
    if (!row) throw new CoreError('not_found', 'guides.notOpen');
    return row;
  }

  function sitesOf(ids: readonly string[]): Site[] {
    const sites = new Map<string, Site>();
    for (const id of ids) {
      for (const link of findGuide(id)?.entryPoints ?? []) {
        const host = new URL(link.url).hostname;
        if (!sites.has(host)) sites.set(host, { label: link.label, host });
      }
    }
    return [...sites.values()];
  }

  function state(h: Resolved): SessionGuides {
    const guides: UsedGuide[] = rowsOf(h).map((r) => ({
      id: r.guide,
      title: r.title,
      total: r.steps_total,
      done: stepsOf(r),
      blocked: r.blocked === 1,
      available: findGuide(r.guide) !== null,
    }));
    return {
      guides,
      suggestedOutcome: suggestOutcome(
        guides.map((g) => ({ total: g.total, done: g.done.length, blocked: g.blocked })),
      ),
      sites: sitesOf(guides.map((g) => g.id)),
    };
  }

  function set(h: Resolved, id: string, done: number[], blocked: boolean): void {
    const now = clock.now().getTime();
    const steps = JSON.stringify([...new Set(done)].sort((a, b) => a - b));
    if (h.kind === 'timer') s.setTimer.run(steps, blocked ? 1 : 0, now, h.timerId, id);
    else s.setSession.run(steps, blocked ? 1 : 0, now, h.seq, id);
  }

  const openTx = db.transaction((holder: Holder, id: string) => {
    const h = resolve(holder);
    const guide = findGuide(id);
    if (!guide) throw new CoreError('not_found', 'guides.notFound');
    const now = clock.now().getTime();
    if (h.kind === 'timer') s.addTimer.run(h.timerId, id, guide.title, guide.steps.length, h.timerId, now);
    else s.addSession.run(id, h.day, h.seq, guide.title, guide.steps.length, h.seq, now);
    return state(h);
  });

  const tickTx = db.transaction((holder: Holder, id: string, step: number, done: boolean) => {
    const h = resolve(holder);
    const row = rowOf(h, id);
    if (step > row.steps_total) throw new CoreError('invalid_input', 'guides.stepUnknown');
    const steps = stepsOf(row).filter((n) => n !== step);
    set(h, id, done ? [...steps, step] : steps, row.blocked === 1);
    return state(h);
  });

  const blockTx = db.transaction((holder: Holder, id: string, blocked: boolean) => {
    const h = resolve(holder);
    set(h, id, stepsOf(rowOf(h, id)), blocked);
    return state(h);
  });

  const closeTx = db.transaction((holder: Holder, id: string) => {
    const h = resolve(holder);
    rowOf(h, id);
    if (h.kind === 'timer') s.dropTimer.run(h.timerId, id);
    else s.dropSession.run(h.seq, id);
    return state(h);
  });

  return {
    state: (holder: Holder) => state(resolve(holder)),
    open: (holder: Holder, id: string) => openTx(holder, id),
    tick: (holder: Holder, id: string, step: number, done: boolean) => tickTx(holder, id, step, done),
    block: (holder: Holder, id: string, blocked: boolean) => blockTx(holder, id, blocked),
    close: (holder: Holder, id: string) => closeTx(holder, id),
    used: () => s.used.all() as Array<{ id: string; title: string }>,

    /** The journal's port (journal-service.ts, SessionLinks): called inside the session's write transaction. */
    links: {
      written(seq: number, day: number, liveId: string | null): void {
        s.redate.run(day, seq, day);
        if (liveId) s.moveFromTimer.run({ day, seq, timer: liveId });
      },
      listed(rows: JournalRow[]): JournalRow[] {
        if (rows.length === 0) return rows;
        const found = s.listed.all(JSON.stringify(rows.map((r) => r.id))) as Array<GuideRow & { id: string }>;
        if (found.length === 0) return rows;
        const byId = new Map<string, NonNullable<JournalRow['guides']>>();
        for (const r of found) {
          const list = byId.get(r.id) ?? [];
          list.push({ id: r.guide, title: r.title, done: stepsOf(r).length, total: r.steps_total });
          byId.set(r.id, list);
        }
        return rows.map((row) => {
          const guides = byId.get(row.id);
          return guides ? { ...row, guides } : row;
        });
      },
    },
  };
}

export type SessionGuidesService = ReturnType<typeof createSessionGuides>;
