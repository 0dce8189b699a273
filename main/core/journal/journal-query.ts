import { COUNT_CAP } from '../../../shared/journal/schema';
import type { ParsedInput } from '../../../shared/contract';

const ROW_COLUMNS = `s.id, s.kind, s.date, s.start_time, s.duration_min, s.topics, s.operators, s.procedure_name,
  s.workshop_title, s.participants, s.outcome, s.follow_up_due, s.follow_up_closed_at`;
const ROW_NAMES = `id, kind, date, start_time, duration_min, topics, operators, procedure_name,
  workshop_title, participants, outcome, follow_up_due, follow_up_closed_at`;

const OPEN_FOLLOW_UP = 'follow_up_due IS NOT NULL AND follow_up_closed_at IS NULL';

type ListInput = ParsedInput<'journal.list'>;
type Params = Record<string, string | number>;
type Filter = ListInput['filter'];

/**
 * How the filter's values are stored (session-row.ts: days and codes). The SQL names only columns and indexes, so
 * the same plans also run on schema 1's row, whose values were the keys themselves (the benchmark compares both).
 */
export interface ListEncoding {
  day(isoDate: string): string | number;
  kind(kind: NonNullable<Filter['kind']>): string | number;
  outcome(outcome: NonNullable<Filter['outcome']>): string | number;
  operator(key: string): string | number;
  topic(key: NonNullable<Filter['topic']>): string | number;
}

/**
 * About what share of a desk's sessions each condition keeps (France Services figures, see the team's reference
 * notes: ANTS, CAF, CPAM and DGFiP lead; administrative help is most of the work). Used only to pick a plan:
 * a wrong guess costs time, never a wrong result. An operator a coordinator added, or a topic not listed, counts
 * as rare.
 */
const SHARE = {
  operator: {
    ants: 0.14,
    caf: 0.13,
    cpam: 0.11,
    dgfip: 0.12,
    france_travail: 0.08,
    autre_operateur: 0.07,
    cnav: 0.05,
  } as Record<string, number>,
  topic: {
    aide_aux_demarches_administratives: 0.63,
    prendre_en_main_du_materiel: 0.1,
    email: 0.1,
    navigation_sur_internet: 0.07,
    securite_numerique: 0.06,
    bureautique: 0.06,
    gere_ses_contenus_numeriques: 0.04,
    sante: 0.04,
  } as Record<string, number>,
  outcome: {
    finalisee: 0.4,
    a_finaliser_en_autonomie: 0.12,
    doit_revenir: 0.11,
    oriente_vers_structure: 0.06,
  } as Record<string, number>,
  kind: { collectif: 0.15, individuel: 0.85 } as Record<string, number>,
  followUpDue: 0.01,
  rare: 0.02,
};
/** Below this share a condition drives the plan alone and the others are looked up per session (see below). */
const SMALL_SHARE = 0.03;

/** One condition of the filter, as a stream of keys (date, seq) in order and as a per-key check. */
interface Condition {
  share: number;
  /** `SELECT date, seq FROM <index> x WHERE ...`, read in (date, seq) order. */
  stream: (period: string) => string;
  /** True of a key (alias.date, alias.seq) that meets the condition: one index seek. */
  check: (alias: string) => string;
  /** Its index holds only live sessions (soft-deleted ones are in the link tables, not in the partial indexes). */
  live: boolean;
}

const linkCondition = (
  table: 'session_operators' | 'session_topics' | 'session_guides',
  col: string,
  param: string,
  share: number,
): Condition => ({
  share,
  live: false,
  stream: (period) => `SELECT x.date, x.seq FROM ${table} x WHERE x.${col} = @${param}${period}`,
  check: (a) =>
    `EXISTS (SELECT 1 FROM ${table} c WHERE c.${col} = @${param} AND c.date = ${a}.date AND c.seq = ${a}.seq)`,
});

const sessionCondition = (index: string, terms: string, share: number): Condition => ({
  share,
  live: true,
  stream: (period) =>
    `SELECT x.date, x.seq FROM sessions x INDEXED BY ${index} WHERE ${terms.replaceAll('@x.', 'x.')} AND x.deleted_at IS NULL${period}`,
  check: (a) =>
    `EXISTS (SELECT 1 FROM sessions c INDEXED BY ${index} WHERE ${terms.replaceAll('@x.', 'c.')} AND c.deleted_at IS NULL AND c.date = ${a}.date AND c.seq = ${a}.seq)`,
});

/**
 * Builds the journal's list query: the rows of the page, and the total counted up to COUNT_CAP + 1.
 *
 * Years of history at a busy desk reach a million sessions, so every plan reads indexes in the order of the page
 * and reads the sessions table only for the rows shown. The SQL is fixed for a given filter (no statistics):
 *
 * - No condition, or one condition on a column of sessions (kind, outcome, follow-up due), with or without a
 *   period: one partial index (deleted sessions are not in it) walked in date order; the count reads that index.
 * - Otherwise each condition is a stream of keys (date, seq) in date order from its own index, and:
 *   - a kind with an outcome is a single range of sessions_by_kind_outcome;
 *   - when one condition is rare (SHARE below SMALL_SHARE: justice, an open follow-up, a rare topic), it drives
 *     alone and each of its keys is checked against the other conditions by an index seek;
 *   - else the streams are intersected by SQLite's merge of a compound SELECT with ORDER BY (INTERSECT, and
 *     EXCEPT for "individual sessions": all but the workshops, and for deleted sessions): one sequential pass over
 *     each stream, which stops as soon as the page, or COUNT_CAP + 1 keys for the count, is found.
 *   Only the page's keys (after OFFSET) are then joined to the table.
 * - Sorting by duration: with no condition the duration index gives the page directly. Otherwise the matching keys
 *   are first collected up to COUNT_CAP + 1: when they all fit (a selective filter), the page is their top by
 *   duration; when there are more (a broad filter), the duration index is walked in order and each entry checked,
 *   which finds the page within a few thousand entries. The branch not taken gets LIMIT 0 and never runs.
 */
export function listQuery(query: ListInput, encode: ListEncoding) {
  const f = query.filter;
  const params: Params = { limit: query.limit, offset: query.offset };
  const dir = query.sort.endsWith('_desc') ? 'DESC' : 'ASC';

  const period = (col: string) => {
    const terms: string[] = [];
    if (f.from) {
      terms.push(`${col} >= @from`);
      params.from = encode.day(f.from);
    }
    if (f.to) {
      terms.push(`${col} <= @to`);
      params.to = encode.day(f.to);
    }
    return terms;
  };
  const andPeriod = (col: string) =>
    period(col)
      .map((t) => ` AND ${t}`)
      .join('');

  // Conditions on columns of sessions, as plain terms on the alias s (when one index serves the whole query).
  const scalar: string[] = [];
  if (f.kind) {
    scalar.push('s.kind = @kind');
    params.kind = encode.kind(f.kind);
  }
  if (f.outcome) {
    scalar.push('s.outcome = @outcome');
    params.outcome = encode.outcome(f.outcome);
  }
  if (f.followUpDue) scalar.push(`s.follow_up_due IS NOT NULL AND s.follow_up_closed_at IS NULL`);
  if (f.operator) params.operator = encode.operator(f.operator);
  if (f.topic) params.topic = encode.topic(f.topic);
  // Guides are stored by their id (feature guides, session_guides): no code to look up.
  if (f.guide) params.guide = f.guide;
  params.collectif = encode.kind('collectif');
  const direct = !f.operator && !f.topic && !f.guide && scalar.length <= 1;
  const directWhere = ['s.deleted_at IS NULL', ...scalar, ...period('s.date')].join(' AND ');

  // ---- the keys (date, seq) of the matching sessions, in date order -------------------------------------------
  let keysSql: string;
  if (direct) {
    keysSql = `SELECT s.date, s.seq FROM sessions s WHERE ${directWhere}`;
  } else {
    const conditions: Condition[] = [];
    if (f.operator)
      conditions.push(
        linkCondition('session_operators', 'operator', 'operator', SHARE.operator[f.operator] ?? SHARE.rare),
      );
    if (f.topic) conditions.push(linkCondition('session_topics', 'topic', 'topic', SHARE.topic[f.topic] ?? SHARE.rare));
    // One guide is a small share of a desk's sessions: it drives the plan, the other conditions are seeks.
    if (f.guide) conditions.push(linkCondition('session_guides', 'guide', 'guide', SHARE.rare));
    const outcomeShare = f.outcome ? (SHARE.outcome[f.outcome] ?? SHARE.rare) : 1;
    // A kind and an outcome together are one range of one index: no intersection at all.
    if (f.outcome && f.kind) {
      conditions.push(
        sessionCondition(
          'sessions_by_kind_outcome',
          '@x.kind = @kind AND @x.outcome = @outcome',
          SHARE.kind[f.kind]! * outcomeShare,
        ),
      );
    } else if (f.outcome)
      conditions.push(sessionCondition('sessions_by_outcome', '@x.outcome = @outcome', outcomeShare));
    if (f.followUpDue)
      conditions.push(
        sessionCondition(
          'sessions_follow_up_by_date',
          `@x.${OPEN_FOLLOW_UP.replace(' AND ', ' AND @x.')}`,
          SHARE.followUpDue,
        ),
      );
    const kind =
      f.kind && !f.outcome ? sessionCondition('sessions_by_kind', '@x.kind = @kind', SHARE.kind[f.kind]!) : null;
    const workshops = sessionCondition('sessions_by_kind', '@x.kind = @collectif', SHARE.kind.collectif!);
    const deleted = `SELECT x.date, x.seq FROM sessions x INDEXED BY sessions_deleted WHERE x.deleted_at IS NOT NULL${andPeriod('x.date')}`;
    const linkPeriod = andPeriod('x.date');

    conditions.sort((a, b) => a.share - b.share);
    const driver = conditions[0]!;
    if (driver.share < SMALL_SHARE) {
      const others = [...conditions.slice(1), ...(kind ? [kind] : [])];
      keysSql = `${driver.stream(linkPeriod)}${others.map((c) => ` AND ${c.check('x')}`).join('')}`;
      if (!driver.live && !others.some((c) => c.live)) keysSql += ` EXCEPT ${deleted}`;
    } else {
      if (kind && f.kind === 'collectif') conditions.push(workshops);
      const live = conditions.some((c) => c.live);
      keysSql = [
        conditions.map((c) => c.stream(linkPeriod)).join(' INTERSECT '),
        ...(kind && f.kind === 'individuel' ? [workshops.stream(linkPeriod)] : []),
        ...(live ? [] : [deleted]),
      ].join(' EXCEPT ');
    }
  }
  const keyOrder = `1 ${dir}, 2 ${dir}`;
  const countSql = direct
    ? `SELECT count(*) AS n FROM (SELECT 1 FROM sessions s WHERE ${directWhere} LIMIT ${COUNT_CAP + 1})`
    : `SELECT count(*) AS n FROM (${keysSql} ORDER BY ${keyOrder} LIMIT ${COUNT_CAP + 1})`;

  // ---- the page -------------------------------------------------------------------------------------------------
  let rowsSql: string;
  if (query.sort === 'date_desc' || query.sort === 'date_asc') {
    rowsSql = direct
      ? `SELECT ${ROW_COLUMNS} FROM sessions s WHERE ${directWhere}
         ORDER BY s.date ${dir}, s.seq ${dir} LIMIT @limit OFFSET @offset`
      : `SELECT ${ROW_COLUMNS} FROM (${keysSql} ORDER BY ${keyOrder} LIMIT @limit OFFSET @offset) k
         CROSS JOIN sessions s ON s.seq = k.seq ORDER BY k.date ${dir}, k.seq ${dir}`;
  } else if (!f.operator && !f.topic && !f.guide && scalar.length === 0 && !f.from && !f.to) {
    rowsSql = `SELECT ${ROW_COLUMNS} FROM sessions s INDEXED BY sessions_by_duration WHERE s.deleted_at IS NULL
      ORDER BY s.duration_min ${dir}, s.date ${dir}, s.seq ${dir} LIMIT @limit OFFSET @offset`;
  } else {
    const order = (a: string) => `${a}duration_min ${dir}, ${a}date ${dir}, ${a}seq ${dir}`;
    // Every condition as a check of one entry of the duration index (the period, kind, outcome and follow-up are
    // in the entry; an operator or a topic is one seek in its link table).
    const checks = ['s.deleted_at IS NULL', ...scalar, ...period('s.date')];
    if (f.operator) checks.push(linkCondition('session_operators', 'operator', 'operator', 0).check('s'));
    if (f.topic) checks.push(linkCondition('session_topics', 'topic', 'topic', 0).check('s'));
    if (f.guide) checks.push(linkCondition('session_guides', 'guide', 'guide', 0).check('s'));
    const few = `(SELECT count(*) FROM m) <= ${COUNT_CAP}`;
    rowsSql = `WITH m(date, seq) AS MATERIALIZED (SELECT * FROM (${keysSql} ORDER BY ${keyOrder} LIMIT ${COUNT_CAP + 1}))
      SELECT ${ROW_NAMES} FROM (
        SELECT * FROM (
          SELECT ${ROW_COLUMNS}, s.seq FROM (
            SELECT d.seq, d.date, d.duration_min FROM m CROSS JOIN sessions d INDEXED BY sessions_by_date
              ON d.date = m.date AND d.seq = m.seq AND d.deleted_at IS NULL
            ORDER BY ${order('d.')} LIMIT CASE WHEN ${few} THEN @limit ELSE 0 END OFFSET @offset
          ) k CROSS JOIN sessions s ON s.seq = k.seq
        )
        UNION ALL
        SELECT * FROM (
          SELECT ${ROW_COLUMNS}, s.seq FROM sessions s INDEXED BY sessions_by_duration WHERE ${checks.join(' AND ')}
          ORDER BY ${order('s.')} LIMIT CASE WHEN ${few} THEN 0 ELSE @limit END OFFSET @offset
        )
      ) ORDER BY ${order('')}`;
  }
  return { rowsSql, countSql, params };
}
