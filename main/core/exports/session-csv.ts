import type Database from 'better-sqlite3';
import {
  AGE_LABELS,
  GENDER_LABELS,
  KIND_LABELS,
  NO,
  STATUS_LABELS,
  YES,
} from '../../../shared/exports/national-labels';
import type { ExportScope } from '../../../shared/exports/schema';
import { KIND_CODES } from '../journal/session-row';
import type { TermDomain } from '../journal/term-codes';
import { csvField } from './csv-writer';
import { C, idOf, SESSION_NOTES, sessionReading, type SessionSourceOptions } from './session-rows';

// The session export straight to CSV text, for speed (a year of a busy network is millions of rows). It writes
// exactly the bytes the generic path writes (sessionRowSource's cells through createCsvWriter's row(); a golden
// test compares both), but:
// - every decoded value is cached already CSV-encoded (quoted where needed, formula-like text defused), so a row is
//   string concatenations only, with no per-field quoting test for coded values;
// - a workshop's rows differ only in "Participants" and the three person columns: the rest of the line is built
//   once per workshop, not once per participant;
// - lines are gathered into chunks of a few hundred kilobytes, each handed to the file as one write.

const CHUNK_CHARS = 256 * 1024;
const HOUR_MS = 3_600_000;

const frenchOfIso = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export interface CsvChunk {
  text: string;
  rows: number;
}

export function sessionCsvSource(db: Database.Database, scope: ExportScope, opts: SessionSourceOptions) {
  const r0 = sessionReading(db, scope, opts);

  const encodedByCode = new Map<TermDomain, string[]>();
  /** A coded value's label, CSV-encoded, by domain and code (null: empty). */
  const label = (domain: TermDomain, code: number | null): string => {
    if (code === null) return '';
    let arr = encodedByCode.get(domain);
    if (!arr) encodedByCode.set(domain, (arr = []));
    return (arr[code] ??= csvField(r0.label(domain, code)));
  };
  const encodedLists = new Map<string, string>();
  const listLabel = (domain: TermDomain, hex: string): string => {
    const key = `${domain}:${hex}`;
    let s = encodedLists.get(key);
    if (s === undefined) encodedLists.set(key, (s = csvField(r0.listLabel(domain, hex))));
    return s;
  };
  const encodedTopics = new Map<string, string>();
  const topicsLabel = (topics: string, admin: string): string => {
    const key = admin ? `${topics}|${admin}` : topics;
    let s = encodedTopics.get(key);
    if (s === undefined) encodedTopics.set(key, (s = csvField(r0.topicsLabel(topics, admin))));
    return s;
  };
  // "Commune;Code postal;Code Insee" of the person, as one piece of the line.
  const encodedCommunes = new Map<string, string>();
  const communeCells = (code: string | null): string => {
    if (!code) return ';;';
    let s = encodedCommunes.get(code);
    if (s === undefined) {
      const [name, postcode] = r0.commune(code);
      encodedCommunes.set(code, (s = `${csvField(name)};${csvField(postcode)};${csvField(code)}`));
    }
    return s;
  };
  const frenchDays: string[] = [];
  const frenchDay = (day: number | null): string =>
    day === null ? '' : (frenchDays[day] ??= frenchOfIso(r0.dayIso(day)!));
  const frenchByHour = new Map<number, string>();
  /** An instant (ms) as its day in France, JJ/MM/AAAA, memoised by hour. */
  const frenchInstant = (ms: number): string => {
    const hour = Math.floor(ms / HOUR_MS);
    let s = frenchByHour.get(hour);
    if (s === undefined) frenchByHour.set(hour, (s = frenchOfIso(r0.instantDay(ms))));
    return s;
  };
  const participantCells: string[][] = [];
  /** "1/8", "2/8"… for a workshop of n. */
  const participants = (n: number): string[] =>
    (participantCells[n] ??= Array.from({ length: n }, (_, i) => `${i + 1}/${n}`));
  const taxonomyVersions: string[] = [];
  const taxonomyVersion = (code: number): string =>
    (taxonomyVersions[code] ??= csvField(r0.codes.key('taxonomy_version', code)));

  const site = opts.site;
  // Columns 6 to 9 (the desk), between the ';' that follow "Canaux" and precede "Durée".
  const siteCells = `;${[site?.name ?? '', site?.communeName ?? '', site?.postcode ?? '', site?.communeCode ?? '']
    .map(csvField)
    .join(';')};`;
  const individualKind = csvField(KIND_LABELS.individuel);
  const workshopKind = csvField(KIND_LABELS.collectif);
  const yes = csvField(YES);
  const no = csvField(NO);
  const notGiven = {
    gender: csvField(GENDER_LABELS.non_communique),
    age: csvField(AGE_LABELS.non_communique),
    status: csvField(STATUS_LABELS.non_communique),
  };
  const includeNotes = opts.includeNotes;

  return {
    count: r0.count,
    /** The data lines, CRLF-ended, in chunks of about CHUNK_CHARS characters. */
    *chunks(): Generator<CsvChunk> {
      const guides = r0.guideTitles();
      let text = '';
      let rows = 0;
      for (const r of r0.raw()) {
        const workshop = r[C.kind] === KIND_CODES.collectif;
        const orientation = r[C.orientation] as number | null;
        const duration = r[C.duration_min] as number | null;
        const title = r[C.workshop_title] as string | null;
        const procedure = r[C.procedure_name] as string | null;
        const titles = guides(r[C.date] as number, r[C.seq] as number);
        // Columns 0 to 3, then 5 to 18 (each piece starts with its ';').
        const head = `${frenchDay(r[C.date] as number)};${frenchInstant(r[C.created_at] as number)};${frenchInstant(r[C.updated_at] as number)};${workshop ? workshopKind : individualKind}`;
        const middle = `;${label('channel', r[C.channel] as number)}${siteCells}${duration === null ? '' : duration};${title ? csvField(title) : ''};${listLabel('equipment', r[C.equipment] as string)};${topicsLabel(r[C.topics] as string, r[C.admin_topics] as string)};;${procedure ? csvField(procedure) : ''};${workshop ? label('workshop_level', r[C.workshop_level] as number | null) : label('autonomy', r[C.autonomy] as number | null)};${orientation === null ? no : yes};${label('orientation', orientation)};`;
        // Columns 25 to the end. The id is lowercase hex and dashes: nothing to quote.
        const notes = includeNotes ? `;${csvField((r[SESSION_NOTES] as string | null) ?? '')}` : '';
        const tail = `;${idOf(r[C.uid] as string)};${listLabel('operator', r[C.operators] as string)};${label('outcome', r[C.outcome] as number | null)};${frenchDay(r[C.follow_up_due] as number | null)};${titles ? csvField(titles) : ''};${taxonomyVersion(r[C.taxonomy_version] as number)}${notes}\r\n`;
        if (!workshop) {
          text += `${head};1${middle}${communeCells(r[C.commune_code] as string | null)};${label('gender', r[C.gender] as number)};${label('age_bracket', r[C.age_bracket] as number)};${label('status', r[C.status] as number)}${tail}`;
          rows++;
        } else {
          // One line per participant (the national tool's layout): the counts by gender, age and status are dealt
          // out over the lines, the participants not counted are "not given"; the person's commune stays empty.
          const n = r[C.participants] as number;
          const genders = r0.expand(r[C.by_gender] as string);
          const ages = r0.expand(r[C.by_age] as string);
          const statuses = r0.expand(r[C.by_status] as string);
          const numbers = participants(n);
          const shared = `${middle};;`;
          for (let i = 0; i < n; i++) {
            const g = i < genders.length ? label('gender', genders[i]!) : notGiven.gender;
            const a = i < ages.length ? label('age_bracket', ages[i]!) : notGiven.age;
            const s = i < statuses.length ? label('status', statuses[i]!) : notGiven.status;
            text += `${head};${numbers[i]}${shared};${g};${a};${s}${tail}`;
          }
          rows += n;
        }
        if (text.length >= CHUNK_CHARS) {
          yield { text, rows };
          text = '';
          rows = 0;
        }
      }
      if (text) yield { text, rows };
    },
  };
}
