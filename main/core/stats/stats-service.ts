import type { Clock } from '../../../shared/ids';
import {
  BREAKDOWNS,
  BREAKDOWN_DIMENSIONS,
  NOT_GIVEN,
  TOTAL_KEYS,
  sumContributions,
  type Base,
  type BreakdownDimension,
  type StatsSession,
  type TotalKey,
} from '../../../shared/stats/indicators';
import { monthsOf, yearEarlier } from '../../../shared/stats/period';
import type {
  Breakdown,
  BreakdownRow,
  Dashboard,
  DashboardQuery,
  KeyFigures,
  TrendMonth,
} from '../../../shared/stats/schema';
import { DashboardQuery as DashboardQuerySchema } from '../../../shared/stats/schema';
import type { z } from 'zod';
import type { Db } from '../storage/database';
import type { StoredRow } from '../journal/session-row';
import { createAreas, type PlaceOfCommune } from './areas';
import { DAY, KIND_CODE, MONTH, YEAR, dayNumber, monthKey, monthNumber, operatorSlice, topicSlice } from './cells';
import { eachSum } from './key-codes';
import type { Rollups } from './rollups';

export type ParsedDashboardQuery = z.output<typeof DashboardQuerySchema>;
type Filters = ParsedDashboardQuery['filters'];
/** Sums per `dimension\tkey`. */
type Sums = Map<string, number>;

export interface StatsDeps {
  db: Db;
  clock: Clock;
  rollups: Rollups;
  communeOf(code: string): PlaceOfCommune | null;
}

/**
 * The ranges of a period: its whole years (level 2), its whole months outside them (level 1) and its leftover days
 * at both ends (level 0). With `years` false (the year-earlier trend, which needs months), no year is used.
 * An empty range has its start after its end.
 */
export function splitRange(from: string, to: string, years = true) {
  const d1 = dayNumber(from);
  const d2 = dayNumber(to);
  const firstFull = from.endsWith('-01') ? monthNumber(from) : monthNumber(from) + 1;
  const next = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const lastFull = next.endsWith('-01') ? monthNumber(to) : monthNumber(to) - 1;
  const none = { y1: 1, y2: 0 };
  if (firstFull > lastFull) return { ...none, m1: 1, m2: 0, m3: 1, m4: 0, d1, d2, d3: 1, d4: 0 };
  const startOfFull = dayNumber(`${monthKey(firstFull)}-01`);
  const endOfFull = dayNumber(`${monthKey(lastFull + 1)}-01`) - 1;
  const days = { d1, d2: startOfFull - 1, d3: endOfFull + 1, d4: d2 };
  const y1 = Math.ceil(firstFull / 12);
  const y2 = Math.floor((lastFull + 1) / 12) - 1;
  if (!years || y1 > y2) return { ...none, m1: firstFull, m2: lastFull, m3: 1, m4: 0, ...days };
  return { y1, y2, m1: firstFull, m2: y1 * 12 - 1, m3: (y2 + 1) * 12, m4: lastFull, ...days };
}

/** Whether a rollup row read for a period adds to its sums, to its month-by-month trend, or both. */
const SUMS = 1;
const TREND = 2;

/**
 * The one query layer of the statistics: the dashboard, the aggregated exports and the reports all call
 * `dashboard(period, filters)`, so their figures can never disagree.
 *
 * Most filters read the rollups (one slice; kind and outcome are columns of every cell). Two cases have no
 * rollup and are counted session by session with the same definitions: an operator and a topic together, and
 * "open follow-ups only" (a live state, not a fact of the day). In those counts, a session whose details the
 * retention erased counts its people as "not communicated" (its frozen counts belong to no session).
 */
export function createStatsService({ db, clock, rollups, communeOf }: StatsDeps) {
  const areas = createAreas(communeOf);
  const filterTerms = `(@kind IS NULL OR kind = @kind) AND (@outcome IS NULL OR outcome = @outcome)`;
  const guideTerm = `(@guide IS NULL OR EXISTS (SELECT 1 FROM session_guides gf
    WHERE gf.guide = @guide AND gf.date = s.date AND gf.seq = s.seq))`;
  // A session `s` the journal's filters keep (values are the journal's codes; -1 for a key never stored).
  const sessionTerms = `s.deleted_at IS NULL
    AND (@kind IS NULL OR s.kind = @kind) AND (@outcome IS NULL OR s.outcome = @outcome)
    AND (@operator IS NULL OR EXISTS (SELECT 1 FROM session_operators o
      WHERE o.operator = @operator AND o.date = s.date AND o.seq = s.seq))
    AND (@topic IS NULL OR EXISTS (SELECT 1 FROM session_topics t
      WHERE t.topic = @topic AND t.date = s.date AND t.seq = s.seq))
    AND (@followUpDue = 0 OR (s.follow_up_due IS NOT NULL AND s.follow_up_closed_at IS NULL))
    AND ${guideTerm}`;
  const s = {
    // Whole years from the yearly rows, the whole months outside them from the monthly rows, the days before and
    // after them from the daily rows. The months inside the whole years are read too, but only for the trend (each
    // row up to the codes of its two sums): a yearly row has no months.
    rows: db.prepare(
      [
        `SELECT ${SUMS} AS role, level, period, counts FROM stats_rollups WHERE slice = @slice AND level = ${YEAR} AND period BETWEEN @y1 AND @y2 AND ${filterTerms}`,
        `SELECT ${TREND} AS role, level, period, counts FROM stats_rollups WHERE slice = @slice AND level = ${MONTH} AND period BETWEEN @y1 * 12 AND @y2 * 12 + 11 AND ${filterTerms}`,
        `SELECT ${SUMS | TREND} AS role, level, period, counts FROM stats_rollups WHERE slice = @slice AND level = ${MONTH} AND period BETWEEN @m1 AND @m2 AND ${filterTerms}`,
        `SELECT ${SUMS | TREND} AS role, level, period, counts FROM stats_rollups WHERE slice = @slice AND level = ${MONTH} AND period BETWEEN @m3 AND @m4 AND ${filterTerms}`,
        `SELECT ${SUMS | TREND} AS role, level, period, counts FROM stats_rollups WHERE slice = @slice AND level = ${DAY} AND period BETWEEN @d1 AND @d2 AND ${filterTerms}`,
        `SELECT ${SUMS | TREND} AS role, level, period, counts FROM stats_rollups WHERE slice = @slice AND level = ${DAY} AND period BETWEEN @d3 AND @d4 AND ${filterTerms}`,
      ].join(' UNION ALL '),
    ),
    openFollowUps: db.prepare(`SELECT * FROM sessions INDEXED BY sessions_follow_up_by_date
      WHERE follow_up_due IS NOT NULL AND follow_up_closed_at IS NULL AND deleted_at IS NULL AND date BETWEEN ? AND ?`),
    // Counted in SQL, without unpacking the rows (the journal's own columns and link tables; values are its codes).
    countFollowUps: db.prepare(`SELECT count(*) AS open, coalesce(sum(s.follow_up_due < @today), 0) AS overdue
      FROM sessions s INDEXED BY stats_open_follow_ups
      WHERE s.follow_up_due IS NOT NULL AND s.follow_up_closed_at IS NULL AND s.deleted_at IS NULL
        AND s.date BETWEEN @from AND @to
        AND (@kind IS NULL OR s.kind = @kind) AND (@outcome IS NULL OR s.outcome = @outcome)
        AND (@operator IS NULL OR EXISTS (SELECT 1 FROM session_operators o
          WHERE o.operator = @operator AND o.date = s.date AND o.seq = s.seq))
        AND (@topic IS NULL OR EXISTS (SELECT 1 FROM session_topics t
          WHERE t.topic = @topic AND t.date = s.date AND t.seq = s.seq))
        AND ${guideTerm}`),
    // Guided mode: the sessions' guides (session_guides, one row per session and guide used), counted in SQL with
    // the same filters. Guides are a fraction of the sessions, so these read only that fraction of rows.
    // With other filters: one pass over the period's guide rows (by date), per guide and, last, the sessions
    // that used at least one (guide NULL).
    guideCounts: db.prepare(`WITH kept AS MATERIALIZED (
        SELECT g.guide AS guide, g.seq AS seq FROM session_guides g INDEXED BY stats_session_guides_by_date
        CROSS JOIN sessions s ON s.seq = g.seq
        WHERE g.date BETWEEN @from AND @to AND ${sessionTerms})
      SELECT guide, count(*) AS n,
        (SELECT t.title FROM session_guides t WHERE t.guide = kept.guide ORDER BY t.date DESC LIMIT 1) AS title
      FROM kept GROUP BY guide
      UNION ALL SELECT NULL, count(DISTINCT seq), NULL FROM kept`),
    // Without other filters, the per-guide daily counts the triggers of migration 11 keep (stats_guides).
    guidesUsedFast: db
      .prepare(`SELECT coalesce(sum(n), 0) FROM stats_guides WHERE guide = @key AND date BETWEEN @from AND @to`)
      .pluck(),
    guideCountsFast: db.prepare(`SELECT g.guide AS guide, sum(g.n) AS n,
        (SELECT t.title FROM session_guides t WHERE t.guide = g.guide ORDER BY t.date DESC LIMIT 1) AS title
      FROM stats_guides g WHERE g.guide <> '' AND g.date BETWEEN @from AND @to GROUP BY g.guide HAVING sum(g.n) <> 0`),
    // The guides used together with one guide: driven by that guide's own rows.
    guideCountsWith: db.prepare(`SELECT o.guide AS guide, count(*) AS n,
        (SELECT t.title FROM session_guides t WHERE t.guide = o.guide ORDER BY t.date DESC LIMIT 1) AS title
      FROM session_guides g CROSS JOIN sessions s ON s.seq = g.seq CROSS JOIN session_guides o ON o.seq = g.seq
      WHERE g.guide = @guide AND g.date BETWEEN @from AND @to AND ${sessionTerms} GROUP BY o.guide`),
    sessionsOfGuide: db.prepare(`SELECT s.* FROM session_guides g CROSS JOIN sessions s ON s.seq = g.seq
      WHERE g.guide = ? AND g.date BETWEEN ? AND ? AND s.deleted_at IS NULL`),
    sessionsByDate: db.prepare(`SELECT * FROM sessions INDEXED BY sessions_by_date
      WHERE deleted_at IS NULL AND date BETWEEN ? AND ?`),
  };

  const matches = (f: Filters) => (x: StatsSession) =>
    (f.kind === null || x.kind === f.kind) &&
    (f.outcome === null || x.outcome === f.outcome) &&
    (f.operator === null || x.operators.includes(f.operator)) &&
    (f.topic === null || (x.topics as readonly string[]).includes(f.topic));

  const byRollups = (f: Filters) => !f.followUpDue && !(f.operator && f.topic) && !f.guide;
  const sliceOf = (f: Filters) => (f.operator ? operatorSlice(f.operator) : f.topic ? topicSlice(f.topic) : '');

  function rollupParams(f: Filters, from: string, to: string, years: boolean) {
    return {
      slice: sliceOf(f),
      kind: f.kind === null ? null : KIND_CODE[f.kind],
      outcome: f.outcome,
      ...splitRange(from, to, years),
    };
  }

  type Monthly = Map<string, { sessions: number; peopleHelped: number }>;
  const bucket = (months: Monthly, m: string) => {
    let v = months.get(m);
    if (!v) months.set(m, (v = { sessions: 0, peopleHelped: 0 }));
    return v;
  };

  /**
   * The sums of a period from the rollups, and its sessions and people per month (for the trend). With
   * `trendOnly` (the year-earlier months), only the trend is read, each row up to the codes of those two sums.
   */
  function fromRollups(f: Filters, from: string, to: string, trendOnly = false): { sums: Sums; months: Monthly } {
    rollups.revalidate();
    // Codes are small dense integers: a plain array sums faster than a Map.
    const byCode: number[] = [];
    const months: Monthly = new Map();
    const sessionsCode = rollups.codeOf('total\tsessions');
    const peopleCode = rollups.codeOf('total\tpeopleHelped');
    const trendStop = Math.max(sessionsCode, peopleCode);
    const rows = s.rows.all(rollupParams(f, from, to, !trendOnly)) as Array<{
      role: number;
      level: number;
      period: number;
      counts: Buffer;
    }>;
    for (const r of rows) {
      if (r.role === SUMS && !trendOnly) {
        eachSum(r.counts, (code, n) => {
          byCode[code] = (byCode[code] ?? 0) + n;
        });
        continue;
      }
      const m = r.level === MONTH ? monthKey(r.period) : isoOfDayNumber(r.period).slice(0, 7);
      const month = bucket(months, m);
      const withSums = r.role & SUMS && !trendOnly;
      eachSum(
        r.counts,
        (code, n) => {
          if (withSums) byCode[code] = (byCode[code] ?? 0) + n;
          if (code === sessionsCode) month.sessions += n;
          else if (code === peopleCode) month.peopleHelped += n;
        },
        withSums ? Infinity : trendStop,
      );
    }
    const sums: Sums = new Map();
    byCode.forEach((n, code) => {
      if (n) sums.set(rollups.keyOf(code), n);
    });
    return { sums, months };
  }

  function fromSessions(f: Filters, from: string, to: string): { sums: Sums; months: Monthly } {
    const list = [...sessionsOf(f, from, to)];
    const months: Monthly = new Map();
    for (const x of list) {
      const v = bucket(months, x.date.slice(0, 7));
      v.sessions += 1;
      v.peopleHelped += x.kind === 'individuel' ? 1 : (x.workshop?.participants ?? 0);
    }
    return { sums: sumContributions(list), months };
  }

  /** The sessions a filter keeps in a period, read row by row (the paths no rollup covers). */
  function* sessionsOf(f: Filters, from: string, to: string): Generator<StatsSession> {
    const keep = matches(f);
    // The guide's own rows drive when it is set (the fewest rows); open follow-ups are then checked on each row.
    const rows = f.guide
      ? (s.sessionsOfGuide.iterate(f.guide, dayNumber(from), dayNumber(to)) as Iterable<StoredRow>)
      : ((f.followUpDue ? s.openFollowUps : s.sessionsByDate).iterate(
          dayNumber(from),
          dayNumber(to),
        ) as Iterable<StoredRow>);
    for (const row of rows) {
      if (f.followUpDue && (row.follow_up_due === null || row.follow_up_closed_at !== null)) continue;
      const x = rollups.toStats(row);
      if (keep(x)) yield x;
    }
  }

  const figures = (f: Filters, from: string, to: string, trendOnly = false) =>
    byRollups(f) ? fromRollups(f, from, to, trendOnly) : fromSessions(f, from, to);

  /** The parameters of the SQL counts (the journal's codes; a key never stored has none and matches nothing: -1). */
  function sqlParams(f: Filters, from: string, to: string) {
    const code = (domain: 'outcome' | 'operator' | 'topic', key: string | null) =>
      key === null ? null : (rollups.termCode(domain, key) ?? -1);
    return {
      from: dayNumber(from),
      to: dayNumber(to),
      kind: f.kind === null ? null : KIND_CODE[f.kind],
      outcome: code('outcome', f.outcome),
      operator: code('operator', f.operator),
      topic: code('topic', f.topic),
      guide: f.guide ?? null,
    };
  }

  function followUps(f: Filters, from: string, to: string) {
    return s.countFollowUps.get({
      ...sqlParams(f, from, to),
      today: dayNumber(clock.now().toISOString().slice(0, 10)),
    }) as { open: number; overdue: number };
  }

  /** Sessions that used a guide, and sessions per guide (with the title it was last used under). */
  function guides(f: Filters, from: string, to: string) {
    const p = { ...sqlParams(f, from, to), followUpDue: f.followUpDue ? 1 : 0 };
    type Row = { guide: string; n: number; title: string };
    const dateOnly = !f.kind && !f.outcome && !f.operator && !f.topic && !f.followUpDue;
    if (dateOnly && !f.guide) {
      const used = s.guidesUsedFast.get({ key: '', from: p.from, to: p.to }) as number;
      return { used, counts: s.guideCountsFast.all({ from: p.from, to: p.to }) as Row[] };
    }
    if (f.guide) {
      const used = dateOnly
        ? (s.guidesUsedFast.get({ key: f.guide, from: p.from, to: p.to }) as number)
        : (s.guideCounts.all(p) as Array<Row | { guide: null; n: number }>).find((r) => r.guide === null)!.n;
      return { used, counts: s.guideCountsWith.all(p) as Row[] };
    }
    const rows = s.guideCounts.all(p) as Array<Row | { guide: null; n: number }>;
    return {
      used: rows.find((r) => r.guide === null)!.n,
      counts: rows.filter((r): r is Row => r.guide !== null),
    };
  }

  function breakdown(
    dimension: BreakdownDimension,
    all: Sums,
    base: Base,
    baseCount: number,
    guideRows: Array<{ guide: string; n: number; title: string }>,
  ): Breakdown {
    const def = BREAKDOWNS[dimension];
    const counts = new Map<string, number>();
    const names = new Map<string, string | null>();
    for (const g of dimension === 'guide' ? guideRows : []) {
      counts.set(g.guide, g.n);
      names.set(g.guide, g.title);
    }
    const stored = dimension === 'epci' || dimension === 'departement' ? 'commune' : dimension;
    for (const [id, n] of all) {
      const [d, key] = id.split('\t') as [string, string];
      if (d !== stored) continue;
      let k = key;
      if (dimension === 'commune') names.set(k, areas.communeName(key));
      else if (dimension === 'epci') {
        k = areas.epciOf(key);
        if (!names.has(k)) names.set(k, areas.epciName(k));
      } else if (dimension === 'departement') {
        k = areas.departementOf(key);
        if (!names.has(k)) names.set(k, areas.departementName(k, key));
      }
      counts.set(k, (counts.get(k) ?? 0) + n);
    }
    const share = (n: number) => (baseCount > 0 ? n / baseCount : 0);
    const row = (key: string): BreakdownRow => {
      const count = counts.get(key) ?? 0;
      return { key, name: names.get(key) ?? null, count, share: share(count) };
    };
    let rows: BreakdownRow[];
    if (def.order === 'keys') {
      const known = def.keys as readonly string[];
      rows = [...known, ...[...counts.keys()].filter((k) => !known.includes(k)).sort()].map(row);
    } else {
      rows = [...counts.keys()].map(row).sort((a, b) => {
        const last = Number(a.key === NOT_GIVEN) - Number(b.key === NOT_GIVEN);
        return last || b.count - a.count || a.key.localeCompare(b.key);
      });
    }
    return { dimension, base, baseCount, rows };
  }

  function dashboard(query: ParsedDashboardQuery): Dashboard {
    const { period, filters: f } = query;
    const { sums: all, months: now } = figures(f, period.from, period.to);
    const total = (k: TotalKey) => all.get(`total\t${k}`) ?? 0;
    const totals = Object.fromEntries(TOTAL_KEYS.map((k) => [k, total(k)])) as Record<TotalKey, number>;
    const fu = followUps(f, period.from, period.to);
    const used = guides(f, period.from, period.to);
    const keyFigures: KeyFigures = {
      ...totals,
      adminHelpShare: totals.sessions > 0 ? totals.adminHelpSessions / totals.sessions : 0,
      followUpsOpen: fu.open,
      followUpsOverdue: fu.overdue,
      guidesUsed: used.used,
    };
    const bases: Record<Base, number> = {
      sessions: totals.sessions,
      individualSessions: totals.individualSessions,
      adminHelpSessions: totals.adminHelpSessions,
      people: totals.peopleHelped,
    };
    const breakdowns = BREAKDOWN_DIMENSIONS.map((d) =>
      breakdown(d, all, BREAKDOWNS[d].base, bases[BREAKDOWNS[d].base], used.counts),
    );

    const before = figures(f, yearEarlier(period.from), yearEarlier(period.to), true).months;
    const trend: TrendMonth[] = monthsOf(period.from, period.to).map((m) => {
      const earlier = `${Number(m.slice(0, 4)) - 1}${m.slice(4)}`;
      return {
        month: m,
        sessions: now.get(m)?.sessions ?? 0,
        peopleHelped: now.get(m)?.peopleHelped ?? 0,
        previousSessions: before.get(earlier)?.sessions ?? 0,
        previousPeopleHelped: before.get(earlier)?.peopleHelped ?? 0,
      };
    });
    return {
      period,
      filters: f,
      keyFigures,
      breakdowns,
      trend,
      source: byRollups(f) ? 'rollups' : 'sessions',
    };
  }

  return {
    /** The figures of a period for the journal's filters (input as the contract's `stats.dashboard`). */
    dashboard(period: DashboardQuery['period'], filters: DashboardQuery['filters'] = undefined): Dashboard {
      return dashboard(DashboardQuerySchema.parse({ period, filters }));
    },
    /** The same, from an input the contract already parsed. */
    dashboardParsed: dashboard,
    rollups,
  };
}

const EPOCH_2000 = Date.UTC(2000, 0, 1);
const isoOfDayNumber = (day: number) => new Date(EPOCH_2000 + day * 86_400_000).toISOString().slice(0, 10);

export type StatsService = ReturnType<typeof createStatsService>;
