import type Database from 'better-sqlite3';
import { CoreError } from '../../../shared/errors';
import type { Clock, IdSource } from '../../../shared/ids';
import {
  COUNT_CAP,
  type FollowUpItem,
  type JournalPage,
  type JournalRow,
  type LiveTimer,
  type Session,
  type SessionData,
} from '../../../shared/journal/schema';
import type { ParsedInput } from '../../../shared/contract';
import type { Db } from '../storage/database';
import { listQuery } from './journal-query';
import {
  STORED_COLUMNS,
  dayOf,
  followUpOf,
  journalRowOf,
  sessionColumns,
  sessionOf,
  storedEncoding,
  uidOf,
  type FollowUpRow,
  type ListedRow,
  type StoredRow,
} from './session-row';
import { createTemplateService } from './template-service';
import { createTermCodes } from './term-codes';

/** A session brought from another tool: its id is derived from the source's own key, so it is the same each time. */
export interface ImportedSession {
  id: string;
  data: SessionData;
  /** When the source says it was recorded (ms); now when unknown. */
  createdAt: number | null;
}
/**
 * A change of what the journal counts, told inside the write's own transaction (so whatever the listener keeps,
 * such as the statistics' rollups, commits or rolls back with the session). `before` is the session as it was
 * counted (null when it was absent or deleted), `after` as it is now counted (null once deleted). A listener may
 * refuse the change by throwing (the transaction then rolls back).
 */
export interface SessionChange {
  action: 'create' | 'update' | 'delete' | 'restore' | 'import';
  before: Session | null;
  after: Session | null;
}
export type SessionWriteListener = (change: SessionChange) => void;

export interface JournalDeps {
  db: Db;
  clock: Clock;
  newId: IdSource;
  communeExists(code: string): boolean;
  /** Rows of other features that follow a session (the guides used): written in the session's own transaction. */
  links?: SessionLinks;
  /** Told of every change of a counted session, inside its transaction (see SessionChange). */
  onWrite?: SessionWriteListener;
}

/** What another feature keeps beside a session (see main/core/index.ts for the wiring). */
export interface SessionLinks {
  /** The session `seq`, dated `day`, was just written (created or updated); `liveId` is the timer it closes. */
  written(seq: number, day: number, liveId: string | null): void;
  /** Adds the feature's details to the rows of a list page. */
  listed(rows: JournalRow[]): JournalRow[];
}

export function createJournalService({ db, clock, newId, communeExists, links, onWrite }: JournalDeps) {
  const s = {
    insert: db.prepare(`INSERT INTO sessions (uid, ${STORED_COLUMNS.join(', ')}, created_at, updated_at)
      VALUES (@uid, ${STORED_COLUMNS.map((c) => `@${c}`).join(', ')}, @created_at, @updated_at)`),
    update: db.prepare(`UPDATE sessions SET ${STORED_COLUMNS.map((c) => `${c} = @${c}`).join(', ')},
      follow_up_closed_at = @follow_up_closed_at, updated_at = @updated_at WHERE seq = @seq`),
    byUid: db.prepare('SELECT * FROM sessions WHERE uid = ?'),
    insertOperator: db.prepare('INSERT INTO session_operators (operator, date, seq) VALUES (?, ?, ?)'),
    insertTopic: db.prepare('INSERT INTO session_topics (topic, date, seq) VALUES (?, ?, ?)'),
    clearOperators: db.prepare('DELETE FROM session_operators WHERE seq = ?'),
    clearTopics: db.prepare('DELETE FROM session_topics WHERE seq = ?'),
    softDelete: db.prepare('UPDATE sessions SET deleted_at = ?, updated_at = ? WHERE seq = ?'),
    restore: db.prepare('UPDATE sessions SET deleted_at = NULL, updated_at = ? WHERE seq = ?'),
    closeFollowUp: db.prepare('UPDATE sessions SET follow_up_closed_at = ?, updated_at = ? WHERE seq = ?'),
    followUps:
      db.prepare(`SELECT id, date, follow_up_due, follow_up_reason, kind, operators, procedure_name, workshop_title
      FROM sessions WHERE follow_up_due IS NOT NULL AND follow_up_closed_at IS NULL AND deleted_at IS NULL ORDER BY follow_up_due, seq`),
    activeOperators: db.prepare('SELECT key FROM operators WHERE active = 1 ORDER BY position'),
    insertTimer: db.prepare('INSERT INTO live_timers (id, started_at) VALUES (?, ?)'),
    deleteTimer: db.prepare('DELETE FROM live_timers WHERE id = ?'),
    timers: db.prepare('SELECT id, started_at, label FROM live_timers ORDER BY started_at'),
    labelTimer: db.prepare('UPDATE live_timers SET label = ? WHERE id = ? RETURNING id, started_at, label'),
  };
  const codes = createTermCodes(db);
  const toSession = (row: StoredRow) => sessionOf(row, codes);
  // A write that fails rolls back the codes it created: the cache must not keep them.
  const writing = <T>(write: () => T): T => {
    try {
      return write();
    } catch (e) {
      codes.forget();
      throw e;
    }
  };
  const encoding = storedEncoding(codes);

  // The list's SQL depends only on which filters and sort are set (a few dozen shapes), so each shape is prepared once.
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare(sql)));
    return st;
  };

  let operatorKeys: Set<string> | null = null;
  const knownOperators = () =>
    (operatorKeys ??= new Set((s.activeOperators.all() as Array<{ key: string }>).map((r) => r.key)));

  function checkReferences(data: SessionData): void {
    const issues = [];
    const known = knownOperators();
    data.operators.forEach((op, i) => {
      if (!known.has(op)) issues.push({ path: `operators.${i}`, message: 'journal.operatorUnknown' });
    });
    if (data.kind === 'individuel' && data.person.communeCode && !communeExists(data.person.communeCode)) {
      issues.push({ path: 'person.communeCode', message: 'journal.communeInvalid' });
    }
    if (issues.length) throw new CoreError('invalid_input', undefined, issues);
  }

  function writeLinks(seq: number, data: SessionData): void {
    const day = dayOf(data.date);
    for (const op of data.operators) s.insertOperator.run(codes.code('operator', op), day, seq);
    for (const topic of data.topics) s.insertTopic.run(codes.code('topic', topic), day, seq);
    links?.written(seq, day, data.liveId);
  }

  function rowById(id: string, includeDeleted = false): StoredRow {
    const uid = uidOf(id);
    const row = uid ? (s.byUid.get(uid) as StoredRow | undefined) : undefined;
    if (!row || (row.deleted_at && !includeDeleted)) throw new CoreError('not_found', 'journal.notFound');
    return row;
  }

  /** The one insert path: a new session and its index rows (creating a session, importing many). */
  function insertSession(id: string, data: SessionData, createdAt: number, updatedAt: number): void {
    checkReferences(data);
    const uid = uidOf(id);
    if (!uid) throw new Error('journal: the id source gave an id that is not a lowercase UUID');
    const info = s.insert.run({ ...sessionColumns(data, codes), uid, created_at: createdAt, updated_at: updatedAt });
    writeLinks(Number(info.lastInsertRowid), data);
  }

  // One write transaction per user action: the session, its index rows and the timer it closes commit together.
  const createTx = db.transaction((data: SessionData): Session => {
    const now = clock.now().getTime();
    const id = newId();
    insertSession(id, data, now, now);
    if (data.liveId) s.deleteTimer.run(data.liveId);
    const created = toSession(rowById(id));
    onWrite?.({ action: 'create', before: null, after: created });
    return created;
  });

  // An import is one user action: every session of the file, or none. An id already present (this file imported
  // before, even if since deleted) is skipped, which is what makes re-importing the same file create no duplicates.
  const importTx = db.transaction((entries: readonly ImportedSession[]) => {
    const now = clock.now().getTime();
    let inserted = 0;
    for (const e of entries) {
      const uid = uidOf(e.id);
      if (uid && s.byUid.get(uid) !== undefined) continue;
      insertSession(e.id, e.data, e.createdAt ?? now, now);
      // The statistics' rollups follow imports like any save (same transaction: all or nothing).
      if (onWrite) onWrite({ action: 'import', before: null, after: toSession(rowById(e.id)) });
      inserted++;
    }
    return { inserted, skipped: entries.length - inserted };
  });

  const updateTx = db.transaction((id: string, data: SessionData): Session => {
    checkReferences(data);
    const row = rowById(id);
    const before = onWrite ? toSession(row) : null;
    // A closed follow-up stays closed when something else is edited; a new due date or reason reopens it.
    const sameFollowUp =
      data.followUp !== null &&
      row.follow_up_due === dayOf(data.followUp.dueDate) &&
      row.follow_up_reason === data.followUp.reason;
    const follow_up_closed_at = sameFollowUp ? row.follow_up_closed_at : null;
    s.update.run({
      ...sessionColumns(data, codes),
      seq: row.seq,
      follow_up_closed_at,
      updated_at: clock.now().getTime(),
    });
    s.clearOperators.run(row.seq);
    s.clearTopics.run(row.seq);
    writeLinks(row.seq, data);
    if (data.liveId) s.deleteTimer.run(data.liveId);
    const updated = toSession(rowById(id));
    onWrite?.({ action: 'update', before, after: updated });
    return updated;
  });

  const deleteTx = db.transaction((id: string) => {
    const row = rowById(id);
    const now = clock.now().getTime();
    s.softDelete.run(now, now, row.seq);
    onWrite?.({ action: 'delete', before: toSession(row), after: null });
    return { id };
  });

  const restoreTx = db.transaction((id: string) => {
    const row = rowById(id, true);
    s.restore.run(clock.now().getTime(), row.seq);
    const restored = toSession(rowById(id));
    // Restoring a session that was not deleted changes nothing the statistics count.
    if (row.deleted_at !== null) onWrite?.({ action: 'restore', before: null, after: restored });
    return restored;
  });

  const closeFollowUpTx = db.transaction((id: string) => {
    const row = rowById(id);
    const now = clock.now().getTime();
    s.closeFollowUp.run(now, now, row.seq);
    return toSession(rowById(id));
  });

  const get = (id: string) => toSession(rowById(id));

  return {
    create: (data: SessionData) => writing(() => createTx(data)),
    /** Many sessions with ids chosen by the caller (a stable key per imported session), in one transaction. */
    importMany: (entries: readonly ImportedSession[]) => writing(() => importTx(entries)),
    /** True when a session with this id exists, deleted or not. */
    exists: (id: string) => {
      const uid = uidOf(id);
      return uid !== null && s.byUid.get(uid) !== undefined;
    },
    update: (id: string, data: SessionData) => writing(() => updateTx(id, data)),
    get,
    remove: (id: string) => deleteTx(id),
    restore: (id: string) => restoreTx(id),
    closeFollowUp: (id: string) => closeFollowUpTx(id),
    list(query: ParsedInput<'journal.list'>): JournalPage {
      const { rowsSql, countSql, params } = listQuery(query, encoding);
      const rows = (prepared(rowsSql).all(params) as ListedRow[]).map((r) => journalRowOf(r, codes));
      const total = (prepared(countSql).get(params) as { n: number }).n;
      return {
        rows: links ? links.listed(rows) : rows,
        total: Math.min(total, COUNT_CAP),
        totalCapped: total > COUNT_CAP,
      };
    },
    followUps: (): FollowUpItem[] => (s.followUps.all() as FollowUpRow[]).map((r) => followUpOf(r, codes)),
    startTimer(): LiveTimer {
      const timer = { id: newId(), startedAt: clock.now().toISOString(), label: '' };
      s.insertTimer.run(timer.id, timer.startedAt);
      return timer;
    },
    timers(): LiveTimer[] {
      return (s.timers.all() as TimerRow[]).map(timerOf);
    },
    labelTimer(id: string, label: string): LiveTimer {
      const row = s.labelTimer.get(label, id) as TimerRow | undefined;
      if (!row) throw new CoreError('not_found', 'journal.timerNotFound');
      return timerOf(row);
    },
    cancelTimer(id: string) {
      if (s.deleteTimer.run(id).changes === 0) throw new CoreError('not_found', 'journal.timerNotFound');
      return { id };
    },
    operators: () => [...knownOperators()],
    // Templates and the new session's memory read the journal: they live with it, behind the same handlers.
    templates: createTemplateService({ db, clock, newId, getSession: get }),
  };
}

type TimerRow = { id: string; started_at: string; label: string };
function timerOf(r: TimerRow): LiveTimer {
  return { id: r.id, startedAt: r.started_at, label: r.label };
}

export type JournalService = ReturnType<typeof createJournalService>;
