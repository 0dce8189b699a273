import type { FollowUpItem, JournalRow, Session, SessionData } from '../../../shared/journal/schema';
import { TAXONOMY_VERSION } from '../../../shared/taxonomy';
import type { ListEncoding } from './journal-query';
import { decodeCodes, encodeCodes, type TermCodes, type TermDomain } from './term-codes';

/**
 * The sessions row (schema 2): every field of the record once, in a typed column. Keys are codes of `term_codes`,
 * lists of keys are BLOBs of codes (term-codes.ts), dates are days since 2000-01-01 (the earliest date a session
 * may have), times of day are minutes, instants are milliseconds since 1970 (UTC) and the id is its 16 bytes (the
 * text form is the virtual column `id`). The notes keep their own column so no export or sync reads them by
 * accident; the timer id is an action, not a fact, and is not stored.
 */

export const KIND_CODES = { individuel: 0, collectif: 1 } as const;
const KINDS = ['individuel', 'collectif'] as const;

const EPOCH_2000 = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;

export const dayOf = (isoDate: string): number => (Date.parse(`${isoDate}T00:00:00.000Z`) - EPOCH_2000) / DAY_MS;
export const isoDateOf = (day: number): string => new Date(EPOCH_2000 + day * DAY_MS).toISOString().slice(0, 10);
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmmOf = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
export const msOf = (iso: string): number => Date.parse(iso);
export const isoOf = (ms: number): string => new Date(ms).toISOString();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The 16 bytes of an id in its canonical (lowercase) text form; null for anything else, which no session has. */
export function uidOf(id: string): Buffer | null {
  return UUID.test(id) ? Buffer.from(id.replaceAll('-', ''), 'hex') : null;
}

/** How the journal list's filter values are stored; a key never stored has no code and matches nothing (-1). */
export function storedEncoding(codes: TermCodes): ListEncoding {
  return {
    day: dayOf,
    kind: (k) => KIND_CODES[k],
    outcome: (k) => codes.find('outcome', k) ?? -1,
    operator: (k) => codes.find('operator', k) ?? -1,
    topic: (k) => codes.find('topic', k) ?? -1,
  };
}

type Breakdown = Partial<Record<string, number>>;

/** A workshop's counts by gender, age or status: (code, count) pairs as varints, in the record's key order. */
function encodeBreakdown(codes: TermCodes, domain: TermDomain, counts: Breakdown): Buffer {
  return encodeCodes(Object.entries(counts).flatMap(([key, n]) => [codes.code(domain, key), n!]));
}
function decodeBreakdown(codes: TermCodes, domain: TermDomain, blob: Uint8Array): Breakdown {
  const pairs = decodeCodes(blob);
  const out: Breakdown = {};
  for (let i = 0; i < pairs.length; i += 2) out[codes.key(domain, pairs[i]!)] = pairs[i + 1]!;
  return out;
}

const codeOrNull = (codes: TermCodes, domain: TermDomain, key: string | null) =>
  key === null ? null : codes.code(domain, key);
const keyOrNull = (codes: TermCodes, domain: TermDomain, code: number | null) =>
  code === null ? null : codes.key(domain, code);
const listOf = (codes: TermCodes, domain: TermDomain, keys: readonly string[]) =>
  encodeCodes(keys.map((k) => codes.code(domain, k)));
const keysOf = (codes: TermCodes, domain: TermDomain, blob: Uint8Array) =>
  decodeCodes(blob).map((c) => codes.key(domain, c));

/** The stored columns of a record (all but the id, the instants and the follow-up's closing, which are the service's). */
export function sessionColumns(data: SessionData, codes: TermCodes) {
  const individual = data.kind === 'individuel' ? data : null;
  const workshop = data.kind === 'collectif' ? data.workshop : null;
  return {
    kind: KIND_CODES[data.kind],
    date: dayOf(data.date),
    start_time: data.startTime === null ? null : minutesOf(data.startTime),
    duration_min: data.durationMin,
    channel: codes.code('channel', data.channel),
    equipment: listOf(codes, 'equipment', data.equipment),
    topics: listOf(codes, 'topic', data.topics),
    admin_topics: listOf(codes, 'admin_topic', data.adminTopics),
    operators: listOf(codes, 'operator', data.operators),
    procedure_name: data.procedureName,
    outcome: codeOrNull(codes, 'outcome', data.outcome),
    orientation: codeOrNull(codes, 'orientation', data.orientation),
    follow_up_due: data.followUp ? dayOf(data.followUp.dueDate) : null,
    follow_up_reason: data.followUp?.reason ?? null,
    autonomy: individual ? codeOrNull(codes, 'autonomy', individual.autonomy) : null,
    age_bracket: individual ? codes.code('age_bracket', individual.person.ageBracket) : null,
    gender: individual ? codes.code('gender', individual.person.gender) : null,
    status: individual ? codes.code('status', individual.person.status) : null,
    commune_code: individual?.person.communeCode ?? null,
    first_visit: individual?.person.firstVisit == null ? null : individual.person.firstVisit ? 1 : 0,
    workshop_title: workshop?.title ?? null,
    workshop_level: workshop ? codes.code('workshop_level', workshop.level) : null,
    participants: workshop?.participants ?? 1,
    by_gender: workshop ? encodeBreakdown(codes, 'gender', workshop.byGender) : null,
    by_age: workshop ? encodeBreakdown(codes, 'age_bracket', workshop.byAge) : null,
    by_status: workshop ? encodeBreakdown(codes, 'status', workshop.byStatus) : null,
    notes: data.notes,
    taxonomy_version: codes.code('taxonomy_version', TAXONOMY_VERSION),
  };
}
export type SessionColumns = ReturnType<typeof sessionColumns>;

/** The names of those columns, for the INSERT and UPDATE statements (the type keeps both lists equal). */
export const STORED_COLUMNS = [
  'kind',
  'date',
  'start_time',
  'duration_min',
  'channel',
  'equipment',
  'topics',
  'admin_topics',
  'operators',
  'procedure_name',
  'outcome',
  'orientation',
  'follow_up_due',
  'follow_up_reason',
  'autonomy',
  'age_bracket',
  'gender',
  'status',
  'commune_code',
  'first_visit',
  'workshop_title',
  'workshop_level',
  'participants',
  'by_gender',
  'by_age',
  'by_status',
  'notes',
  'taxonomy_version',
] as const satisfies ReadonlyArray<keyof SessionColumns>;
type Missing = Exclude<keyof SessionColumns, (typeof STORED_COLUMNS)[number]>;
const _everyColumnListed: Missing extends never ? true : Missing = true;
void _everyColumnListed;

/** A row as SQLite returns it (BLOBs as Buffers). */
export type StoredRow = Omit<SessionColumns, 'kind'> & {
  seq: number;
  id: string;
  kind: number;
  follow_up_closed_at: number | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
};

/** The full record of a row: what the journal service returns (get, create, update...). */
export function sessionOf(row: StoredRow, codes: TermCodes): Session {
  const common = {
    date: isoDateOf(row.date),
    startTime: row.start_time === null ? null : hhmmOf(row.start_time),
    durationMin: row.duration_min,
    channel: codes.key('channel', row.channel),
    equipment: keysOf(codes, 'equipment', row.equipment),
    topics: keysOf(codes, 'topic', row.topics),
    adminTopics: keysOf(codes, 'admin_topic', row.admin_topics),
    operators: keysOf(codes, 'operator', row.operators),
    procedureName: row.procedure_name,
    outcome: keyOrNull(codes, 'outcome', row.outcome),
    orientation: keyOrNull(codes, 'orientation', row.orientation),
    followUp:
      row.follow_up_due === null ? null : { dueDate: isoDateOf(row.follow_up_due), reason: row.follow_up_reason! },
    notes: row.notes,
    id: row.id,
    taxonomyVersion: codes.key('taxonomy_version', row.taxonomy_version),
    createdAt: isoOf(row.created_at),
    updatedAt: isoOf(row.updated_at),
    followUpClosedAt: row.follow_up_closed_at === null ? null : isoOf(row.follow_up_closed_at),
  };
  if (KINDS[row.kind] === 'collectif') {
    const workshop = {
      title: row.workshop_title!,
      level: codes.key('workshop_level', row.workshop_level!),
      participants: row.participants,
      byGender: decodeBreakdown(codes, 'gender', row.by_gender!),
      byAge: decodeBreakdown(codes, 'age_bracket', row.by_age!),
      byStatus: decodeBreakdown(codes, 'status', row.by_status!),
    };
    return { kind: 'collectif', ...common, workshop } as Session;
  }
  const person = {
    ageBracket: codes.key('age_bracket', row.age_bracket!),
    gender: codes.key('gender', row.gender!),
    status: codes.key('status', row.status!),
    communeCode: row.commune_code,
    firstVisit: row.first_visit === null ? null : row.first_visit === 1,
  };
  return { kind: 'individuel', ...common, autonomy: keyOrNull(codes, 'autonomy', row.autonomy), person } as Session;
}

/** The columns a line of the journal list reads (see journal-query.ts), and the line. */
export type ListedRow = Pick<
  StoredRow,
  | 'id'
  | 'kind'
  | 'date'
  | 'start_time'
  | 'duration_min'
  | 'topics'
  | 'operators'
  | 'procedure_name'
  | 'workshop_title'
  | 'participants'
  | 'outcome'
  | 'follow_up_due'
  | 'follow_up_closed_at'
>;

export function journalRowOf(r: ListedRow, codes: TermCodes): JournalRow {
  return {
    id: r.id,
    kind: KINDS[r.kind]!,
    date: isoDateOf(r.date),
    startTime: r.start_time === null ? null : hhmmOf(r.start_time),
    durationMin: r.duration_min,
    topics: keysOf(codes, 'topic', r.topics),
    operators: keysOf(codes, 'operator', r.operators),
    procedureName: r.procedure_name,
    workshopTitle: r.workshop_title,
    participants: r.participants,
    outcome: keyOrNull(codes, 'outcome', r.outcome) as JournalRow['outcome'],
    followUpDue: r.follow_up_due === null ? null : isoDateOf(r.follow_up_due),
    followUpClosed: r.follow_up_closed_at !== null,
  };
}

export type FollowUpRow = Pick<
  StoredRow,
  'id' | 'date' | 'follow_up_due' | 'follow_up_reason' | 'kind' | 'operators' | 'procedure_name' | 'workshop_title'
>;

export function followUpOf(r: FollowUpRow, codes: TermCodes): FollowUpItem {
  return {
    id: r.id,
    date: isoDateOf(r.date),
    dueDate: isoDateOf(r.follow_up_due!),
    reason: r.follow_up_reason ?? '',
    kind: KINDS[r.kind]!,
    operators: keysOf(codes, 'operator', r.operators),
    procedureName: r.procedure_name,
    workshopTitle: r.workshop_title,
  };
}
