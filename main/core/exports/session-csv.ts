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
import { sessionReading, type SessionSourceOptions } from './session-rows';

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

// The row read for the CSV: few values, because fetching a value (above all a string) from SQLite into V8 is most
// of an export's time. The coded columns come as a handful of keys built by SQLite ('|'-separated codes and BLOB
// hex, NULL as empty), each the key of a cache of CSV pieces: a period repeats the same few thousand combinations.
const SELECT = `s.date, s.seq, s.created_at, s.updated_at, s.kind, s.id, s.participants, s.duration_min,
  s.workshop_title, s.procedure_name, s.follow_up_due,
  ifnull(s.channel, '') || '|' || hex(s.equipment) || '|' || ifnull(s.autonomy, '') || '|' || ifnull(s.workshop_level, '') || '|' || ifnull(s.orientation, ''),
  hex(s.topics) || '|' || hex(s.admin_topics),
  hex(s.operators) || '|' || ifnull(s.outcome, '') || '|' || ifnull(s.taxonomy_version, ''),
  CASE WHEN s.kind = ${KIND_CODES.collectif}
    THEN hex(s.by_gender) || '|' || hex(s.by_age) || '|' || hex(s.by_status)
    ELSE ifnull(s.gender, '') || '|' || ifnull(s.age_bracket, '') || '|' || ifnull(s.status, '') || '|' || ifnull(s.commune_code, '') END`;
type CsvRow = [
  date: number,
  seq: number,
  createdAt: number,
  updatedAt: number,
  kind: number,
  id: string,
  participants: number,
  duration: number | null,
  workshopTitle: string | null,
  procedure: string | null,
  followUpDue: number | null,
  activity: string,
  topics: string,
  outcome: string,
  person: string,
  notes?: string | null,
];

const code = (s: string | undefined): number | null => (s ? Number(s) : null);

export function sessionCsvSource(db: Database.Database, scope: ExportScope, opts: SessionSourceOptions) {
  const r0 = sessionReading(db, scope, opts);
  const iterate = db
    .prepare(
      `SELECT ${SELECT}${opts.includeNotes ? ', s.notes' : ''} FROM sessions s WHERE ${r0.where} ORDER BY s.date, s.seq`,
    )
    .raw(true);

  const encodedByCode = new Map<TermDomain, string[]>();
  /** A coded value's label, CSV-encoded, by domain and code (null: empty). */
  const label = (domain: TermDomain, c: number | null): string => {
    if (c === null) return '';
    let arr = encodedByCode.get(domain);
    if (!arr) encodedByCode.set(domain, (arr = []));
    return (arr[c] ??= csvField(r0.label(domain, c)));
  };

  const site = opts.site;
  // Columns 6 to 9 (the desk), between the ';' that follow "Canaux" and precede "Durée".
  const siteCells = `;${[site?.name ?? '', site?.communeName ?? '', site?.postcode ?? '', site?.communeCode ?? '']
    .map(csvField)
    .join(';')};`;
  const yes = csvField(YES);
  const no = csvField(NO);

  /** [";Canaux;<site>;", "Matériel", "Autonomie;Réorienté;Structure;"] of a session, by its activity key. */
  const activities = new Map<string, [string, string, string]>();
  const activity = (key: string, workshop: boolean): [string, string, string] => {
    const cacheKey = workshop ? `w${key}` : key;
    let a = activities.get(cacheKey);
    if (!a) {
      const [channel, equipment, autonomy, level, orientation] = key.split('|');
      const o = code(orientation);
      a = [
        `;${label('channel', code(channel))}${siteCells}`,
        csvField(r0.listLabel('equipment', equipment!)),
        `${workshop ? label('workshop_level', code(level)) : label('autonomy', code(autonomy))};${o === null ? no : yes};${label('orientation', o)};`,
      ];
      activities.set(cacheKey, a);
    }
    return a;
  };
  const topicCells = new Map<string, string>();
  const topics = (key: string): string => {
    let t = topicCells.get(key);
    if (t === undefined) {
      const [topicsHex, adminHex] = key.split('|');
      topicCells.set(key, (t = csvField(r0.topicsLabel(topicsHex!, adminHex!))));
    }
    return t;
  };
  /** [";Opérateurs;Issue;", "Version"] by the outcome key. */
  const outcomes = new Map<string, [string, string]>();
  const outcome = (key: string): [string, string] => {
    let o = outcomes.get(key);
    if (!o) {
      const [operators, outcomeCode, version] = key.split('|');
      o = [
        `;${csvField(r0.listLabel('operator', operators!))};${label('outcome', code(outcomeCode))};`,
        csvField(r0.codes.key('taxonomy_version', Number(version))),
      ];
      outcomes.set(key, o);
    }
    return o;
  };
  /** "Commune;Code postal;Code Insee;Genre;Âge;Statut" of a person, by the person key. */
  const people = new Map<string, string>();
  const person = (key: string): string => {
    let p = people.get(key);
    if (p === undefined) {
      const [gender, age, status, commune] = key.split('|');
      const [name, postcode] = r0.commune(commune || null);
      const place = commune ? `${csvField(name)};${csvField(postcode)};${csvField(commune)}` : ';;';
      p = `${place};${label('gender', code(gender))};${label('age_bracket', code(age))};${label('status', code(status))}`;
      people.set(key, p);
    }
    return p;
  };
  const notGiven = {
    gender: csvField(GENDER_LABELS.non_communique),
    age: csvField(AGE_LABELS.non_communique),
    status: csvField(STATUS_LABELS.non_communique),
  };
  /**
   * A workshop's "Participants" and person cells, one per participant ("1/8;;;;Féminin;…"): the counts by gender,
   * age and status are dealt out over the lines, the participants not counted are "not given"; no commune.
   */
  const attendances = new Map<string, string[]>();
  const attendance = (key: string, n: number): string[] => {
    const cacheKey = `${n}|${key}`;
    let lines = attendances.get(cacheKey);
    if (!lines) {
      const [byGender, byAge, byStatus] = key.split('|');
      const genders = r0.expand(byGender || null);
      const ages = r0.expand(byAge || null);
      const statuses = r0.expand(byStatus || null);
      lines = [];
      for (let i = 0; i < n; i++) {
        const g = i < genders.length ? label('gender', genders[i]!) : notGiven.gender;
        const a = i < ages.length ? label('age_bracket', ages[i]!) : notGiven.age;
        const st = i < statuses.length ? label('status', statuses[i]!) : notGiven.status;
        lines.push(`${i + 1}/${n}`, `;;;${g};${a};${st}`);
      }
      attendances.set(cacheKey, lines);
    }
    return lines;
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
  const individualKind = csvField(KIND_LABELS.individuel);
  const workshopKind = csvField(KIND_LABELS.collectif);
  const includeNotes = opts.includeNotes;

  return {
    count: r0.count,
    /** The data lines, CRLF-ended, in chunks of about CHUNK_CHARS characters. */
    *chunks(): Generator<CsvChunk> {
      const guides = r0.guideTitles();
      let text = '';
      let rows = 0;
      for (const r of iterate.iterate(r0.params) as IterableIterator<CsvRow>) {
        const workshop = r[4] === KIND_CODES.collectif;
        const [channelAndSite, equipment, autonomy] = activity(r[11], workshop);
        const [operatorsAndOutcome, version] = outcome(r[13]);
        const duration = r[7];
        const title = r[8];
        const procedure = r[9];
        const titles = guides(r[0], r[1]);
        // Columns 0 to 3 then 4 (below), 5 to 18, 19 to 24 (below), 25 to the end. The id is lowercase hex and
        // dashes: nothing to quote.
        const head = `${frenchDay(r[0])};${frenchInstant(r[2])};${frenchInstant(r[3])};${workshop ? workshopKind : individualKind};`;
        const middle = `${channelAndSite}${duration === null ? '' : duration};${title ? csvField(title) : ''};${equipment};${topics(r[12])};;${procedure ? csvField(procedure) : ''};${autonomy}`;
        const notes = includeNotes ? `;${csvField(r[15] ?? '')}` : '';
        const tail = `;${r[5]}${operatorsAndOutcome}${frenchDay(r[10])};${titles ? csvField(titles) : ''};${version}${notes}\r\n`;
        if (!workshop) {
          text += `${head}1${middle}${person(r[14])}${tail}`;
          rows++;
        } else {
          const n = r[6];
          const lines = attendance(r[14], n);
          for (let i = 0; i < 2 * n; i += 2) text += `${head}${lines[i]}${middle}${lines[i + 1]}${tail}`;
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
