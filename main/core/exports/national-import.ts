import { createHash } from 'node:crypto';
import {
  ADMIN_TOPIC_LABELS,
  AGE_LABELS,
  AUTONOMY_LABELS,
  CHANNEL_LABELS,
  EQUIPMENT_LABELS,
  GENDER_LABELS,
  KIND_LABELS,
  OPERATOR_LABELS,
  ORIENTATION_LABELS,
  OUTCOME_LABELS,
  STATUS_LABELS,
  TOPIC_LABELS,
  WORKSHOP_LEVEL_LABELS,
} from '../../../shared/exports/national-labels';
import type { UnmappedValue, UnreadableRow } from '../../../shared/exports/schema';
import { SessionInput, type SessionData } from '../../../shared/journal/schema';
import { ADMIN_TOPIC_TRIGGER } from '../../../shared/taxonomy';
import type { SheetRow } from './spreadsheet-reader';

// The national tool's session export back into sessions: its labels mapped to taxonomy keys, a workshop's
// per-participant rows folded back into one workshop, and a stable id per session (derived from the tool's own ID),
// so importing the same file twice finds the sessions already there. Every row is checked by the journal's own
// schema; a row that cannot be read is listed with its line and the reason, never half-imported.

/** Folds accents, case and spacing so that "Lieu d’activité" and "lieu d'activite" match the same label. */
export function labelKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/…/g, '...')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function reverse<K extends string>(labels: Record<K, string>): Map<string, K> {
  const m = new Map<string, K>();
  for (const [key, label] of Object.entries(labels) as Array<[K, string]>) {
    m.set(labelKey(label), key);
    m.set(labelKey(key), key); // a file carrying keys rather than labels
  }
  return m;
}

const MAPS = {
  kind: reverse(KIND_LABELS),
  channel: reverse(CHANNEL_LABELS),
  equipment: reverse(EQUIPMENT_LABELS),
  topic: reverse(TOPIC_LABELS),
  adminTopic: reverse(ADMIN_TOPIC_LABELS),
  autonomy: reverse(AUTONOMY_LABELS),
  level: reverse(WORKSHOP_LEVEL_LABELS),
  orientation: reverse(ORIENTATION_LABELS),
  gender: reverse(GENDER_LABELS),
  age: reverse(AGE_LABELS),
  status: reverse(STATUS_LABELS),
  operator: reverse(OPERATOR_LABELS),
  outcome: reverse(OUTCOME_LABELS),
};
// Short forms the national tool's exports have used for the kind.
MAPS.kind.set('individuel', 'individuel');
MAPS.kind.set('collectif', 'collectif');
MAPS.kind.set('atelier', 'collectif');

const H = {
  date: 'Date',
  created: 'Enregistré le',
  kind: 'Type',
  participants: 'Participants',
  channel: "Canaux d'accompagnement",
  duration: 'Durée (min)',
  title: "Nom de l'atelier",
  equipment: 'Matériel numérique utilisé',
  topics: "Thématique(s) d'accompagnement",
  procedure: 'Nom de la démarche administrative',
  autonomy: "Niveau d'autonomie (ou de l'atelier)",
  orientation: 'Structure de redirection',
  communeCode: 'Code Insee du bénéficiaire',
  gender: 'Genre du bénéficiaire',
  age: "Tranche d'âge du bénéficiaire",
  status: 'Statut du bénéficiaire',
  id: 'ID',
  operators: 'Opérateur(s)',
  outcome: 'Issue de la démarche',
} as const;
type Field = keyof typeof H;
const REQUIRED: Field[] = ['date', 'kind', 'duration', 'id'];

/** An error key (namespace errors) for a row that cannot be read. */
export const REASONS = {
  date: 'exports.rowDate',
  kind: 'exports.rowKind',
  duration: 'exports.rowDuration',
  topics: 'exports.rowTopics',
  participants: 'exports.rowParticipants',
  workshopMismatch: 'exports.rowWorkshopMismatch',
  invalid: 'exports.rowInvalid',
} as const;

export interface ImportedPlanSession {
  id: string;
  line: number;
  data: SessionData;
  createdAt: number | null;
}

export interface ImportPlan {
  rows: number;
  sessions: ImportedPlanSession[];
  workshops: number;
  unmapped: UnmappedValue[];
  unreadable: UnreadableRow[];
}

export interface ImportContext {
  communeExists(code: string): boolean;
  operators: ReadonlySet<string>;
}

export class MissingColumnsError extends Error {
  constructor(readonly missing: string[]) {
    super(`missing columns: ${missing.join(', ')}`);
  }
}

/** A stable session id from the national tool's ID: the same file always gives the same ids (UUID form, version 8). */
export function importedId(sourceKey: string): string {
  const h = createHash('sha256').update(`coop-mediation-numerique:${sourceKey}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function isoOfFrench(s: string): string | null {
  const v = s.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s.*)?$/.exec(v);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s].*)?$/.exec(v);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  return null;
}

const splitList = (s: string) =>
  s
    .split(/\s*[,|]\s*/)
    .map((x) => x.trim())
    .filter(Boolean);

class RowError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

interface ParsedRow {
  line: number;
  sourceId: string;
  kind: 'individuel' | 'collectif';
  index: number | null;
  of: number | null;
  base: Record<string, unknown>;
  person: { gender: string; ageBracket: string; status: string };
  workshop: { title: string; level: string } | null;
  createdAt: number | null;
}

export function planImport(rows: readonly SheetRow[], ctx: ImportContext): ImportPlan {
  // The header: the first row holding the required columns (a file may start with an information block).
  const headerIndex = rows.findIndex((r) => {
    const keys = new Set(r.cells.map(labelKey));
    return REQUIRED.every((f) => keys.has(labelKey(H[f])));
  });
  if (headerIndex < 0) {
    const found = new Set(rows.slice(0, 20).flatMap((r) => r.cells.map(labelKey)));
    throw new MissingColumnsError(REQUIRED.filter((f) => !found.has(labelKey(H[f]))).map((f) => H[f]));
  }
  const header = rows[headerIndex]!.cells.map(labelKey);
  const col = Object.fromEntries((Object.keys(H) as Field[]).map((f) => [f, header.indexOf(labelKey(H[f]))])) as Record<
    Field,
    number
  >;

  const unmappedCounts = new Map<string, UnmappedValue>();
  const unmapped = (column: Field, value: string) => {
    const k = `${column}\u0000${value}`;
    const u = unmappedCounts.get(k);
    if (u) u.count++;
    else unmappedCounts.set(k, { column: H[column], value, count: 1 });
  };
  const unreadable: UnreadableRow[] = [];

  const parsed: ParsedRow[] = [];
  let dataRows = 0;
  for (const row of rows.slice(headerIndex + 1)) {
    const cell = (f: Field) => (col[f] >= 0 ? (row.cells[col[f]] ?? '').trim() : '');
    if (row.cells.every((c) => c.trim() === '')) continue;
    dataRows++;
    try {
      parsed.push(parseRow(row.line, cell, ctx, unmapped));
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      unreadable.push({ line: row.line, reason: e.reason });
    }
  }

  // Fold: an individual row is a session; a workshop's rows share its ID and become one workshop.
  const sessions: ImportedPlanSession[] = [];
  const groups = new Map<string, ParsedRow[]>();
  const order: Array<ParsedRow | string> = [];
  for (const r of parsed) {
    if (r.kind === 'individuel') {
      order.push(r);
      continue;
    }
    const g = groups.get(r.sourceId);
    if (g) g.push(r);
    else {
      groups.set(r.sourceId, [r]);
      order.push(r.sourceId);
    }
  }
  let workshops = 0;
  const seenIndividual = new Set<string>();
  for (const item of order) {
    const rowsOf = typeof item === 'string' ? groups.get(item)! : [item];
    const first = rowsOf[0]!;
    let data: Record<string, unknown>;
    if (first.kind === 'individuel') {
      // The same ID twice for an individual session: the second is a duplicate line of the file.
      if (seenIndividual.has(first.sourceId)) continue;
      seenIndividual.add(first.sourceId);
      data = {
        ...first.base,
        kind: 'individuel',
        person: {
          ageBracket: first.person.ageBracket,
          gender: first.person.gender,
          status: first.person.status,
          communeCode: first.base.communeCode ?? null,
          firstVisit: null,
        },
      };
      delete data.communeCode;
    } else {
      const of = first.of ?? rowsOf.length;
      if (rowsOf.some((r) => (r.of ?? of) !== of || r.base.date !== first.base.date)) {
        for (const r of rowsOf) unreadable.push({ line: r.line, reason: REASONS.workshopMismatch });
        continue;
      }
      const tally = (pick: (r: ParsedRow) => string) => {
        const out: Record<string, number> = {};
        for (const r of rowsOf) {
          const k = pick(r);
          if (k !== 'non_communique') out[k] = (out[k] ?? 0) + 1;
        }
        return out;
      };
      const { communeCode: _ignored, ...base } = first.base;
      void _ignored;
      data = {
        ...base,
        kind: 'collectif',
        workshop: {
          title: first.workshop!.title,
          level: first.workshop!.level,
          participants: Math.max(of, rowsOf.length),
          byGender: tally((r) => r.person.gender),
          byAge: tally((r) => r.person.ageBracket),
          byStatus: tally((r) => r.person.status),
        },
      };
      delete (data as { autonomy?: unknown }).autonomy;
    }
    const checked = SessionInput.safeParse(data);
    if (!checked.success) {
      const reason = checked.error.issues[0]?.message ?? REASONS.invalid;
      for (const r of rowsOf)
        unreadable.push({ line: r.line, reason: reason.startsWith('journal.') ? reason : REASONS.invalid });
      continue;
    }
    if (first.kind === 'collectif') workshops++;
    sessions.push({
      id: importedId(first.sourceId),
      line: first.line,
      data: checked.data,
      createdAt: first.createdAt,
    });
  }
  unreadable.sort((a, b) => a.line - b.line);
  return {
    rows: dataRows,
    sessions,
    workshops,
    unmapped: [...unmappedCounts.values()].sort((a, b) => b.count - a.count),
    unreadable,
  };
}

function parseRow(
  line: number,
  cell: (f: Field) => string,
  ctx: ImportContext,
  unmapped: (column: Field, value: string) => void,
): ParsedRow {
  const date = isoOfFrench(cell('date'));
  if (!date) throw new RowError(REASONS.date);
  const kind = MAPS.kind.get(labelKey(cell('kind')));
  if (!kind) throw new RowError(REASONS.kind);
  const duration = Number(cell('duration').replace(',', '.'));
  if (!Number.isInteger(duration) || duration < 1) throw new RowError(REASONS.duration);
  const sourceId = cell('id');
  if (!sourceId) throw new RowError(REASONS.invalid);

  const mapOne = <K extends string>(f: Field, map: Map<string, K>): K | null => {
    const v = cell(f);
    if (!v) return null;
    const k = map.get(labelKey(v));
    if (!k) unmapped(f, v);
    return k ?? null;
  };
  const mapList = <K extends string>(f: Field, ...maps: Array<Map<string, K>>): K[] => {
    const out: K[] = [];
    for (const v of splitList(cell(f))) {
      const k = maps.map((m) => m.get(labelKey(v))).find((x) => x !== undefined);
      if (k === undefined) unmapped(f, v);
      else if (!out.includes(k)) out.push(k);
    }
    return out;
  };

  const channel = mapOne('channel', MAPS.channel) ?? 'autre';
  const equipment = mapList('equipment', MAPS.equipment);
  const mixed = mapList<string>('topics', MAPS.topic, MAPS.adminTopic);
  const adminTopics = mixed.filter((k) => MAPS.adminTopic.has(k) && !MAPS.topic.has(k));
  const topics = mixed.filter((k) => MAPS.topic.has(k));
  if (adminTopics.length && !topics.includes(ADMIN_TOPIC_TRIGGER)) topics.push(ADMIN_TOPIC_TRIGGER);
  if (topics.length === 0) throw new RowError(REASONS.topics);
  const orientation = mapOne('orientation', MAPS.orientation);
  const operators = mapList('operators', MAPS.operator).filter((op) => {
    if (ctx.operators.has(op)) return true;
    unmapped('operators', op);
    return false;
  });
  let outcome = mapOne('outcome', MAPS.outcome);
  if (outcome === 'oriente_vers_structure' && !orientation) outcome = null;

  let communeCode: string | null = cell('communeCode').toUpperCase() || null;
  if (communeCode && !ctx.communeExists(communeCode)) {
    unmapped('communeCode', communeCode);
    communeCode = null;
  }
  const participants = cell('participants');
  const share = /^(\d+)\s*\/\s*(\d+)$/.exec(participants);
  if (kind === 'collectif' && participants && !share && !/^\d+$/.test(participants))
    throw new RowError(REASONS.participants);

  const createdIso = isoOfFrench(cell('created'));
  const created = createdIso ? Date.parse(`${createdIso}T12:00:00.000Z`) : NaN;
  const procedure = cell('procedure').slice(0, 200);
  return {
    line,
    sourceId,
    kind,
    index: share ? Number(share[1]) : null,
    of: share ? Number(share[2]) : kind === 'collectif' && /^\d+$/.test(participants) ? Number(participants) : null,
    base: {
      date,
      durationMin: duration,
      channel,
      equipment,
      topics,
      adminTopics,
      operators,
      procedureName: procedure,
      outcome,
      orientation,
      communeCode,
      ...(kind === 'individuel' ? { autonomy: mapOne('autonomy', MAPS.autonomy) } : {}),
    },
    person: {
      gender: mapOne('gender', MAPS.gender) ?? 'non_communique',
      ageBracket: mapOne('age', MAPS.age) ?? 'non_communique',
      status: mapOne('status', MAPS.status) ?? 'non_communique',
    },
    workshop:
      kind === 'collectif'
        ? {
            title: (cell('title') || 'Atelier').slice(0, 160).padEnd(2, '.'),
            level: mapOne('autonomy', MAPS.level) ?? 'debutant',
          }
        : null,
    createdAt: Number.isNaN(created) ? null : created,
  };
}
