import type { Session } from '../../../shared/journal/schema';
import {
  MAX_SUGGESTIONS,
  SUGGESTION_WEEKS,
  sameCombination,
  type Suggestion,
  type TemplateFields,
} from '../../../shared/journal/templates';
import type { Db } from '../storage/database';
import { KIND_CODES, dayOf, sessionOf, type StoredRow } from './session-row';
import { decodeCodes, type TermCodes } from './term-codes';

/** The reusable fields of a session: what a template keeps, and what "same as the last session" fills in. */
export function fieldsOfSession(s: Session): TemplateFields {
  return {
    kind: s.kind,
    durationMin: s.durationMin,
    channel: s.channel,
    equipment: [...s.equipment],
    topics: [...s.topics],
    adminTopics: [...s.adminTopics],
    operators: [...s.operators],
    procedureName: s.procedureName,
    outcome: s.outcome,
    orientation: s.orientation,
    autonomy: s.kind === 'individuel' ? s.autonomy : null,
    workshopTitle: s.kind === 'collectif' ? s.workshop.title : null,
    workshopLevel: s.kind === 'collectif' ? s.workshop.level : null,
  };
}

/** The first day of the suggestions' period ending on `today` (inclusive), as a stored day number. */
export function suggestionsFrom(today: string): number {
  return dayOf(today) - SUGGESTION_WEEKS * 7 + 1;
}

type Group = {
  topics: Buffer;
  admin_topics: Buffer;
  operators: Buffer;
  duration_min: number;
  outcome: number | null;
  n: number;
  latest: number;
};

/**
 * The desk's usual individual sessions: the most frequent (topics, admin topics, operators, duration, outcome) of
 * the last weeks, most frequent first (the most recent first among equals). Computed in SQLite on the stored codes,
 * through the (kind, date) index: only the period's rows are read, and nothing is decoded but the few groups kept.
 * Each suggestion takes the channel of its group's latest session; nothing personal is ever part of one.
 */
export function createSuggestions(db: Db, codes: TermCodes) {
  const groups =
    db.prepare(`SELECT topics, admin_topics, operators, duration_min, outcome, count(*) AS n, max(seq) AS latest
    FROM sessions INDEXED BY sessions_by_kind
    WHERE kind = ${KIND_CODES.individuel} AND deleted_at IS NULL AND date >= ? AND date <= ?
    GROUP BY topics, admin_topics, operators, duration_min, outcome
    ORDER BY n DESC, latest DESC LIMIT ?`);
  const channelOf = db.prepare('SELECT channel FROM sessions WHERE seq = ?').pluck();
  const keys = (domain: 'topic' | 'admin_topic' | 'operator', blob: Buffer) =>
    decodeCodes(blob).map((c) => codes.key(domain, c));

  return (today: string, exclude: readonly TemplateFields[] = []): Suggestion[] => {
    // Enough groups to still have a full list once those equal to a template are left out.
    const rows = groups.all(suggestionsFrom(today), dayOf(today), MAX_SUGGESTIONS + exclude.length) as Group[];
    const out: Suggestion[] = [];
    for (const g of rows) {
      const fields: TemplateFields = {
        kind: 'individuel',
        durationMin: g.duration_min,
        channel: codes.key('channel', channelOf.get(g.latest) as number) as TemplateFields['channel'],
        equipment: [],
        topics: keys('topic', g.topics) as TemplateFields['topics'],
        adminTopics: keys('admin_topic', g.admin_topics) as TemplateFields['adminTopics'],
        operators: keys('operator', g.operators),
        procedureName: '',
        outcome: g.outcome === null ? null : (codes.key('outcome', g.outcome) as TemplateFields['outcome']),
        orientation: null,
        autonomy: null,
        workshopTitle: null,
        workshopLevel: null,
      };
      if (exclude.some((t) => sameCombination(t, fields))) continue;
      out.push({ fields, count: g.n });
      if (out.length === MAX_SUGGESTIONS) break;
    }
    return out;
  };
}

/** The last session logged on the desk (not the latest date: the one just typed), if any. */
export function createLastSession(db: Db, codes: TermCodes) {
  const last = db.prepare('SELECT * FROM sessions WHERE deleted_at IS NULL ORDER BY seq DESC LIMIT 1');
  return (): TemplateFields | null => {
    const row = last.get() as StoredRow | undefined;
    return row ? fieldsOfSession(sessionOf(row, codes)) : null;
  };
}
