import type Database from 'better-sqlite3';
import {
  ADMIN_TOPIC_LABELS,
  AGE_LABELS,
  AUTONOMY_LABELS,
  CHANNEL_LABELS,
  EQUIPMENT_LABELS,
  GENDER_LABELS,
  KIND_LABELS,
  LIST_SEPARATOR,
  NO,
  NOTES_COLUMN,
  OPERATOR_LABELS,
  ORIENTATION_LABELS,
  OUTCOME_LABELS,
  SESSION_COLUMNS,
  STATUS_LABELS,
  TOPIC_LABELS,
  WORKSHOP_LEVEL_LABELS,
  YES,
} from '../../../shared/exports/national-labels';
import type { ExportScope } from '../../../shared/exports/schema';
import type { SiteProfile } from '../../../shared/site/schema';
import { dayOf, isoDateOf, KIND_CODES } from '../journal/session-row';
import { createTermCodes, decodeCodes, type TermDomain } from '../journal/term-codes';
import type { Cell, ColumnType } from './sheet-writer';

// The session-level export: one row per session, and per participant for a workshop ("Participants" i/N), in the
// national tool's columns then Médiane's. Rows are read with an iterator (never the whole period at once) and
// decoded through small caches: a period repeats the same few hundred combinations of codes.

export interface CommuneLookup {
  get(code: string): { name: string; postcodes: string[] } | null;
}

export const SESSION_COLUMN_TYPES: readonly ColumnType[] = SESSION_COLUMNS.map((c) =>
  c === 'Date' || c === 'Enregistré le' || c === 'Dernière modification le' || c === 'Relance prévue le'
    ? 'date'
    : c === 'Durée (min)'
      ? 'number'
      : 'text',
);

export function sessionHeaders(includeNotes: boolean): string[] {
  return includeNotes ? [...SESSION_COLUMNS, NOTES_COLUMN] : [...SESSION_COLUMNS];
}
export function sessionColumnTypes(includeNotes: boolean): ColumnType[] {
  return includeNotes ? [...SESSION_COLUMN_TYPES, 'text'] : [...SESSION_COLUMN_TYPES];
}

/** The WHERE clause of a scope over `sessions s`, and its parameters (codes: a key never stored matches nothing). */
export function scopeWhere(scope: ExportScope, find: (domain: TermDomain, key: string) => number | undefined) {
  const terms = ['s.deleted_at IS NULL', 's.date >= @from', 's.date <= @to'];
  const params: Record<string, number> = { from: dayOf(scope.from), to: dayOf(scope.to) };
  if (scope.kind) {
    terms.push('s.kind = @kind');
    params.kind = KIND_CODES[scope.kind];
  }
  if (scope.outcome) {
    terms.push('s.outcome = @outcome');
    params.outcome = find('outcome', scope.outcome) ?? -1;
  }
  if (scope.operator) {
    terms.push('EXISTS (SELECT 1 FROM session_operators o WHERE o.seq = s.seq AND o.operator = @operator)');
    params.operator = find('operator', scope.operator) ?? -1;
  }
  if (scope.topic) {
    terms.push('EXISTS (SELECT 1 FROM session_topics t WHERE t.seq = s.seq AND t.topic = @topic)');
    params.topic = find('topic', scope.topic) ?? -1;
  }
  return { where: terms.join(' AND '), params };
}

// Column positions of the raw rows read below.
const COLS = [
  'seq',
  'uid',
  'kind',
  'date',
  'created_at',
  'updated_at',
  'participants',
  'channel',
  'duration_min',
  'workshop_title',
  'equipment',
  'topics',
  'admin_topics',
  'procedure_name',
  'autonomy',
  'workshop_level',
  'orientation',
  'commune_code',
  'gender',
  'age_bracket',
  'status',
  'by_gender',
  'by_age',
  'by_status',
  'operators',
  'outcome',
  'follow_up_due',
  'taxonomy_version',
] as const;
const BLOB_COLUMNS = new Set<string>([
  'uid',
  'equipment',
  'topics',
  'admin_topics',
  'by_gender',
  'by_age',
  'by_status',
  'operators',
]);
export const C = Object.fromEntries(COLS.map((c, i) => [c, i])) as Record<(typeof COLS)[number], number>;
export type Raw = unknown[];

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** An instant (ms) as its day in France, memoised by hour. */
function parisDayFormatter(): (ms: number) => string {
  const byHour = new Map<number, string>();
  return (ms) => {
    const hour = Math.floor(ms / 3_600_000);
    let s = byHour.get(hour);
    if (s === undefined) {
      s = PARIS_DAY.format(new Date(hour * 3_600_000 + 1_800_000));
      byHour.set(hour, s);
    }
    return s;
  };
}

const COUNT_SLICE_DAYS = 31;

/** The titles of the guides a session used, in one cell, in the order they were opened. */
export const GUIDE_SEPARATOR = ', ';

export interface SessionRowSource {
  /** How many rows (sessions, and participants of workshops) and sessions the scope holds. */
  count(pause: () => Promise<void>): Promise<{ rows: number; sessions: number }>;
  /** The data rows, in date order, one array each (reused: copy it to keep it). */
  rows(): Generator<Cell[]>;
}

export interface SessionSourceOptions {
  includeNotes: boolean;
  site: SiteProfile | null;
  communes: CommuneLookup;
}

/**
 * What both export paths share: the statements over a scope (one raw row per session, in `ORDER BY date, seq`) and
 * the decoding of stored codes into the national tool's labels, each memoised (a period repeats the same few
 * hundred combinations of codes).
 */
export function sessionReading(db: Database.Database, scope: ExportScope, opts: SessionSourceOptions) {
  const codes = createTermCodes(db);
  const { where, params } = scopeWhere(scope, codes.find);
  // BLOBs come as hex text: a string is far cheaper for V8 than a Buffer per BLOB per row (allocation and GC), and
  // the hex is directly the key of the decoding caches below.
  const select =
    COLS.map((c) => (BLOB_COLUMNS.has(c) ? `hex(s.${c})` : `s.${c}`)).join(', ') +
    (opts.includeNotes ? ', s.notes' : '');
  const iterate = db.prepare(`SELECT ${select} FROM sessions s WHERE ${where} ORDER BY s.date, s.seq`).raw(true);
  const countSlice = db.prepare(
    `SELECT count(*) AS sessions, coalesce(sum(CASE WHEN s.kind = ${KIND_CODES.collectif} THEN s.participants ELSE 1 END), 0) AS rows FROM sessions s WHERE ${where}`,
  );
  const count = async (pause: () => Promise<void>) => {
    const total = { rows: 0, sessions: 0 };
    for (let sliceFrom = params.from!; sliceFrom <= params.to!; sliceFrom += COUNT_SLICE_DAYS) {
      // The slice replaces the scope's own bounds (two bounds on one column would let SQLite walk the whole scope).
      const sliceTo = Math.min(sliceFrom + COUNT_SLICE_DAYS - 1, params.to!);
      const c = countSlice.get({ ...params, from: sliceFrom, to: sliceTo }) as typeof total;
      total.rows += c.rows;
      total.sessions += c.sessions;
      await pause();
    }
    return total;
  };
  // The guides a session used, read in the same order as the sessions (then by their position in the session) so
  // that one pass merges them: no query per row.
  const guides = db
    .prepare(
      `SELECT s.date, s.seq, g.title FROM session_guides g JOIN sessions s ON s.seq = g.seq WHERE ${where} ORDER BY s.date, s.seq, g.position`,
    )
    .raw(true);

  const anyGuide = db.prepare('SELECT 1 FROM session_guides LIMIT 1').pluck();
  const labelMaps: Partial<Record<TermDomain, Record<string, string>>> = {
    channel: CHANNEL_LABELS,
    equipment: EQUIPMENT_LABELS,
    topic: TOPIC_LABELS,
    admin_topic: ADMIN_TOPIC_LABELS,
    operator: OPERATOR_LABELS,
    outcome: OUTCOME_LABELS,
    orientation: ORIENTATION_LABELS,
    autonomy: AUTONOMY_LABELS,
    age_bracket: AGE_LABELS,
    gender: GENDER_LABELS,
    status: STATUS_LABELS,
    workshop_level: WORKSHOP_LEVEL_LABELS,
  };
  const byCode = new Map<TermDomain, string[]>();
  /** The export label of a stored code (a key with no label, such as an operator a coordinator added, as its key). */
  const label = (domain: TermDomain, code: number | null): string => {
    if (code === null) return '';
    let arr = byCode.get(domain);
    if (!arr) byCode.set(domain, (arr = []));
    let s = arr[code];
    if (s === undefined) {
      const key = codes.key(domain, code);
      s = arr[code] = labelMaps[domain]?.[key] ?? key;
    }
    return s;
  };
  const lists = new Map<TermDomain, Map<string, string>>();
  const listLabel = (domain: TermDomain, hex: string): string => {
    let cache = lists.get(domain);
    if (!cache) lists.set(domain, (cache = new Map()));
    let s = cache.get(hex);
    if (s === undefined) {
      s = decodeCodes(Buffer.from(hex, 'hex'))
        .map((c) => label(domain, c))
        .join(LIST_SEPARATOR);
      cache.set(hex, s);
    }
    return s;
  };
  const topicCells = new Map<string, string>();
  /** The topics and the administrative topics in one cell, as the national tool's "Thématique(s)". */
  const topicsLabel = (topics: string, admin: string): string => {
    const key = admin ? `${topics}|${admin}` : topics;
    let s = topicCells.get(key);
    if (s === undefined) {
      const t = listLabel('topic', topics);
      const a = admin ? listLabel('admin_topic', admin) : '';
      s = t && a ? `${t}${LIST_SEPARATOR}${a}` : t || a;
      topicCells.set(key, s);
    }
    return s;
  };
  const breakdowns = new Map<string, number[]>();
  /** A workshop's counts by key as a list of codes, one per participant counted (the rest are "not given"). */
  const expand = (hex: string | null): number[] => {
    if (!hex) return [];
    let out = breakdowns.get(hex);
    if (!out) {
      const pairs = decodeCodes(Buffer.from(hex, 'hex'));
      out = [];
      for (let i = 0; i < pairs.length; i += 2) for (let n = 0; n < pairs[i + 1]!; n++) out.push(pairs[i]!);
      breakdowns.set(hex, out);
    }
    return out;
  };
  const communeCells = new Map<string, [string, string]>();
  const commune = (code: string | null): [string, string] => {
    if (!code) return ['', ''];
    let c = communeCells.get(code);
    if (!c) {
      const found = opts.communes.get(code);
      c = found ? [found.name, found.postcodes[0] ?? ''] : ['', ''];
      communeCells.set(code, c);
    }
    return c;
  };
  const days: string[] = [];
  const dayIso = (day: number | null) => (day === null ? null : (days[day] ??= isoDateOf(day)));

  /** A cursor to call with each session's (date, seq) in the export's order: the titles of the guides it used. */
  const guideTitles = (): ((date: number, seq: number) => string) => {
    // A desk that never used guided mode pays nothing for the column.
    if (!anyGuide.get()) return () => '';
    const it = guides.iterate(params) as IterableIterator<[number, number, string]>;
    let next = it.next();
    return (date, seq) => {
      // Rows before this session cannot happen (same scope, same order); skipped rather than trusted.
      while (!next.done && (next.value[0] < date || (next.value[0] === date && next.value[1] < seq))) next = it.next();
      if (next.done || next.value[1] !== seq) return '';
      let s = next.value[2];
      for (next = it.next(); !next.done && next.value[1] === seq; next = it.next())
        s += GUIDE_SEPARATOR + next.value[2];
      return s;
    };
  };

  return {
    codes,
    where,
    params,
    count,
    raw: () => iterate.iterate(params) as IterableIterator<Raw>,
    guideTitles,
    label,
    listLabel,
    topicsLabel,
    expand,
    commune,
    dayIso,
    instantDay: parisDayFormatter(),
  };
}

export function sessionRowSource(
  db: Database.Database,
  scope: ExportScope,
  opts: SessionSourceOptions,
): SessionRowSource {
  const r0 = sessionReading(db, scope, opts);
  const { label, listLabel, topicsLabel, expand, commune, dayIso, instantDay, codes } = r0;
  const site = opts.site;
  const notGiven = {
    gender: GENDER_LABELS.non_communique,
    age: AGE_LABELS.non_communique,
    status: STATUS_LABELS.non_communique,
  };
  const width = SESSION_COLUMNS.length + (opts.includeNotes ? 1 : 0);

  return {
    count: r0.count,
    *rows() {
      const out: Cell[] = new Array(width).fill(null);
      out[6] = site?.name ?? '';
      out[7] = site?.communeName ?? '';
      out[8] = site?.postcode ?? '';
      out[9] = site?.communeCode ?? '';
      out[14] = ''; // Tags: Médiane has none.
      const guides = r0.guideTitles();
      for (const r of r0.raw()) {
        const workshop = r[C.kind] === KIND_CODES.collectif;
        out[0] = dayIso(r[C.date] as number);
        out[1] = instantDay(r[C.created_at] as number);
        out[2] = instantDay(r[C.updated_at] as number);
        out[3] = workshop ? KIND_LABELS.collectif : KIND_LABELS.individuel;
        out[5] = label('channel', r[C.channel] as number);
        out[10] = r[C.duration_min] as number;
        out[11] = (r[C.workshop_title] as string | null) ?? '';
        out[12] = listLabel('equipment', r[C.equipment] as string);
        out[13] = topicsLabel(r[C.topics] as string, r[C.admin_topics] as string);
        out[15] = r[C.procedure_name] as string;
        out[16] = workshop
          ? label('workshop_level', r[C.workshop_level] as number | null)
          : label('autonomy', r[C.autonomy] as number | null);
        const orientation = r[C.orientation] as number | null;
        out[17] = orientation === null ? NO : YES;
        out[18] = label('orientation', orientation);
        out[25] = idOf(r[C.uid] as string);
        out[26] = listLabel('operator', r[C.operators] as string);
        out[27] = label('outcome', r[C.outcome] as number | null);
        out[28] = dayIso(r[C.follow_up_due] as number | null);
        out[29] = guides(r[C.date] as number, r[C.seq] as number);
        out[30] = codes.key('taxonomy_version', r[C.taxonomy_version] as number);
        if (opts.includeNotes) out[31] = (r[SESSION_NOTES] as string) ?? '';
        if (!workshop) {
          out[4] = '1';
          const [name, postcode] = commune(r[C.commune_code] as string | null);
          out[19] = name;
          out[20] = postcode;
          out[21] = (r[C.commune_code] as string | null) ?? '';
          out[22] = label('gender', r[C.gender] as number);
          out[23] = label('age_bracket', r[C.age_bracket] as number);
          out[24] = label('status', r[C.status] as number);
          yield out;
          continue;
        }
        // A workshop: one row per participant, as the national tool writes it; the counts by gender, age and
        // status are dealt out over the rows, the participants not counted are "not given".
        const n = r[C.participants] as number;
        const genders = expand(r[C.by_gender] as string);
        const ages = expand(r[C.by_age] as string);
        const statuses = expand(r[C.by_status] as string);
        out[19] = out[20] = out[21] = '';
        for (let i = 0; i < n; i++) {
          out[4] = `${i + 1}/${n}`;
          out[22] = i < genders.length ? label('gender', genders[i]!) : notGiven.gender;
          out[23] = i < ages.length ? label('age_bracket', ages[i]!) : notGiven.age;
          out[24] = i < statuses.length ? label('status', statuses[i]!) : notGiven.status;
          yield out;
        }
      }
    },
  };
}
export const SESSION_NOTES = COLS.length;

/** The id's text form from the hex of its 16 bytes (the table's `id` column computes the same, with five hex() calls). */
export function idOf(hex: string): string {
  const h = hex.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
