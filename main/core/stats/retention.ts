import { CoreError } from '../../../shared/errors';
import type { Clock } from '../../../shared/ids';
import type { RetentionPolicy, RetentionRun, RetentionState } from '../../../shared/stats/schema';
import type { Db } from '../storage/database';
import type { StoredRow } from '../journal/session-row';
import { createTermCodes } from '../journal/term-codes';
import { dayNumber, isoOfDay } from './cells';
import type { Rollups } from './rollups';

export const RETENTION_PHASE = 'jobs.phase.erasing';
/** Sessions per transaction: short enough that a save waiting behind a batch is never held long. */
const BATCH = 500;
const RUNS_SHOWN = 10;

/** The day `months` calendar months before `today` (a session dated before it is due). */
export function cutoffDay(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const ty = Math.floor(total / 12);
  const tm = total % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${ty}-${String(tm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Retention: once a session is older than the policy's months, its details (notes, procedure name, the person's
 * brackets and commune, a workshop's counts by bracket) are erased, and what they added to the statistics moves to
 * stats_frozen (rollups.freeze) in the same transaction: every count of past periods stays exact. The session is
 * then frozen (the rollups refuse edits, deletion and restore of it). Notes alone may be erased sooner.
 */
export function createRetention(db: Db, clock: Clock, rollups: Rollups) {
  const codes = createTermCodes(db);
  const s = {
    policy: db.prepare('SELECT enabled, months, notes_months FROM retention_policy WHERE id = 1'),
    setPolicy: db.prepare('UPDATE retention_policy SET enabled = ?, months = ?, notes_months = ? WHERE id = 1'),
    runs: db.prepare(`SELECT * FROM retention_runs ORDER BY at DESC, rowid DESC LIMIT ${RUNS_SHOWN}`),
    logRun: db.prepare('INSERT INTO retention_runs VALUES (?, ?, ?, ?, ?)'),
    // Due sessions, oldest first, by the date index and the index of deleted sessions.
    dueDetails: db.prepare(`SELECT * FROM sessions WHERE date < ? AND details_erased_at IS NULL AND seq > ?
      ORDER BY seq LIMIT ${BATCH}`),
    dueNotes: db.prepare(`SELECT seq FROM sessions WHERE date < ? AND notes <> '' AND seq > ?
      ORDER BY seq LIMIT ${BATCH}`),
    countDetails: db.prepare('SELECT count(*) FROM sessions WHERE date < ? AND details_erased_at IS NULL').pluck(),
    eraseDetails: db.prepare(`UPDATE sessions SET notes = '', procedure_name = '', commune_code = NULL,
      age_bracket = CASE WHEN kind = 0 THEN @age END, gender = CASE WHEN kind = 0 THEN @gender END,
      status = CASE WHEN kind = 0 THEN @status END,
      by_gender = CASE WHEN kind = 1 THEN x'' END, by_age = CASE WHEN kind = 1 THEN x'' END,
      by_status = CASE WHEN kind = 1 THEN x'' END,
      details_erased_at = @now, notes_erased_at = coalesce(notes_erased_at, @now) WHERE seq = @seq RETURNING *`),
    eraseNotes: db.prepare(`UPDATE sessions SET notes = '', notes_erased_at = ? WHERE seq = ?`),
  };

  function policy(): RetentionPolicy {
    const r = s.policy.get() as { enabled: number; months: number; notes_months: number | null };
    return { enabled: r.enabled === 1, months: r.months, notesMonths: r.notes_months };
  }

  function state(): RetentionState {
    const runs = (s.runs.all() as Array<Record<string, number | null>>).map((r): RetentionRun => ({
      at: new Date(r.at!).toISOString(),
      detailsErased: r.details_erased!,
      notesErased: r.notes_erased!,
      detailsBefore: r.details_before === null ? null : isoOfDay(r.details_before!),
      notesBefore: r.notes_before === null ? null : isoOfDay(r.notes_before!),
    }));
    return { policy: policy(), runs };
  }

  const eraseDetailsBatch = db.transaction((rows: StoredRow[], now: number) => {
    const unknown = {
      age: codes.code('age_bracket', 'non_communique'),
      gender: codes.code('gender', 'non_communique'),
      status: codes.code('status', 'non_communique'),
    };
    for (const row of rows) {
      const erased = s.eraseDetails.get({ ...unknown, now, seq: row.seq }) as StoredRow;
      // A deleted session counts for nothing: only a live one has counts to keep.
      if (row.deleted_at === null) rollups.freeze(rollups.toStats(row), rollups.toStats(erased));
    }
  });
  const eraseNotesBatch = db.transaction((seqs: number[], now: number) => {
    for (const seq of seqs) s.eraseNotes.run(now, seq);
  });

  /** Erases what is due, in batches (one transaction each), reporting progress; stops between batches on abort. */
  async function run(
    progress: (done: number, total: number | null) => void = () => undefined,
    signal?: AbortSignal,
  ): Promise<RetentionRun> {
    const p = policy();
    const today = clock.now().toISOString().slice(0, 10);
    const detailsBefore = p.enabled ? dayNumber(cutoffDay(today, p.months)) : null;
    const notesBefore = p.enabled ? dayNumber(cutoffDay(today, p.notesMonths ?? p.months)) : null;
    let detailsErased = 0;
    let notesErased = 0;
    if (detailsBefore !== null && notesBefore !== null) {
      const total = s.countDetails.get(detailsBefore) as number;
      progress(0, total);
      let last = 0;
      for (;;) {
        if (signal?.aborted) throw new CoreError('conflict', 'jobs.cancelled');
        const rows = s.dueDetails.all(detailsBefore, last) as StoredRow[];
        if (rows.length === 0) break;
        eraseDetailsBatch(rows, clock.now().getTime());
        detailsErased += rows.length;
        last = rows[rows.length - 1]!.seq;
        progress(detailsErased, Math.max(total, detailsErased));
        await new Promise((r) => setImmediate(r));
      }
      last = 0;
      for (;;) {
        if (signal?.aborted) throw new CoreError('conflict', 'jobs.cancelled');
        const seqs = (s.dueNotes.all(notesBefore, last) as Array<{ seq: number }>).map((r) => r.seq);
        if (seqs.length === 0) break;
        eraseNotesBatch(seqs, clock.now().getTime());
        notesErased += seqs.length;
        last = seqs[seqs.length - 1]!;
        await new Promise((r) => setImmediate(r));
      }
    }
    const at = clock.now();
    s.logRun.run(at.getTime(), detailsErased, notesErased, detailsBefore, notesBefore);
    return {
      at: at.toISOString(),
      detailsErased,
      notesErased,
      detailsBefore: detailsBefore === null ? null : isoOfDay(detailsBefore),
      notesBefore: notesBefore === null ? null : isoOfDay(notesBefore),
    };
  }

  return {
    policy,
    state,
    setPolicy(p: RetentionPolicy): RetentionState {
      s.setPolicy.run(p.enabled ? 1 : 0, p.months, p.notesMonths);
      return state();
    },
    run,
  };
}

export type Retention = ReturnType<typeof createRetention>;
