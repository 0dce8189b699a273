import type { Commune } from '../../../shared/communes/schema';
import { SessionInput, type Session } from '../../../shared/journal/schema';
import {
  ADMIN_TOPIC_TRIGGER,
  DURATION_PRESETS,
  type AdminTopic,
  type AgeBracket,
  type Autonomy,
  type Channel,
  type Equipment,
  type Gender,
  type Orientation,
  type Outcome,
  type SessionKind,
  type Status,
  type Topic,
  type WorkshopLevel,
} from '../../../shared/taxonomy';

// The editor's form state and the pure functions around it: defaults, loading a stored session, client-side checks
// and building the SessionInput sent to the core. Kept out of the components so the rules read in one place.

export type EditorMode =
  | {
      type: 'new';
      kind: SessionKind;
      timerId?: string | null;
      durationMin?: number | null;
      sourceId?: string | null;
      startTime?: string | null;
    }
  | { type: 'edit'; id: string };

export type FirstVisit = 'yes' | 'no' | 'unknown';
export type DurationChoice = number | 'other' | null;

/** Counts of the workshop breakdowns, as typed (strings): the "non communiqué" remainder is computed, never typed. */
export type Counts<K extends string> = Partial<Record<K, string>>;

export interface FormState {
  kind: SessionKind;
  date: string;
  startTime: string;
  duration: DurationChoice;
  durationOther: string;
  channel: Channel;
  equipment: Equipment[];
  topics: Topic[];
  adminTopics: AdminTopic[];
  operators: string[];
  procedureName: string;
  autonomy: Autonomy | null;
  outcome: Outcome | null;
  orientation: Orientation | '';
  followUpOn: boolean;
  followUpDue: string;
  followUpReason: string;
  person: {
    ageBracket: AgeBracket;
    gender: Gender;
    status: Status;
    commune: Commune | null;
    firstVisit: FirstVisit;
  };
  workshop: {
    title: string;
    level: WorkshopLevel | null;
    participants: string;
    byGender: Counts<Gender>;
    byAge: Counts<AgeBracket>;
    byStatus: Counts<Status>;
  };
  notes: string;
}

/** A problem found before calling the core: the field path the core would use, and an i18n key with its namespace. */
export interface ClientIssue {
  path: string;
  key: string;
}

export function durationFields(minutes: number | null | undefined): Pick<FormState, 'duration' | 'durationOther'> {
  if (minutes == null) return { duration: null, durationOther: '' };
  if ((DURATION_PRESETS as readonly number[]).includes(minutes)) return { duration: minutes, durationOther: '' };
  return { duration: 'other', durationOther: String(minutes) };
}

export function emptyForm(kind: SessionKind, today: string, durationMin?: number | null): FormState {
  return {
    kind,
    date: today,
    startTime: '',
    ...durationFields(durationMin),
    channel: 'lieu_activite',
    equipment: [],
    topics: [],
    adminTopics: [],
    operators: [],
    procedureName: '',
    autonomy: null,
    outcome: null,
    orientation: '',
    followUpOn: false,
    followUpDue: '',
    followUpReason: '',
    person: {
      ageBracket: 'non_communique',
      gender: 'non_communique',
      status: 'non_communique',
      commune: null,
      firstVisit: 'unknown',
    },
    workshop: { title: '', level: null, participants: '', byGender: {}, byAge: {}, byStatus: {} },
    notes: '',
  };
}

function countsToText<K extends string>(counts: Partial<Record<K, number>>): Counts<K> {
  const out: Counts<K> = {};
  for (const [k, v] of Object.entries(counts) as Array<[K, number | undefined]>) {
    // The remainder is recomputed from the total, so a stored "non communiqué" count is not shown as typed.
    if (k !== 'non_communique' && v) out[k] = String(v);
  }
  return out;
}

/** The form state for a stored session; `commune` is the person's commune resolved from its code, if any. */
export function formFromSession(s: Session, commune: Commune | null): FormState {
  const base = emptyForm(s.kind, s.date, s.durationMin);
  const form: FormState = {
    ...base,
    startTime: s.startTime ?? '',
    channel: s.channel,
    equipment: [...s.equipment],
    topics: [...s.topics],
    adminTopics: [...s.adminTopics],
    operators: [...s.operators],
    procedureName: s.procedureName,
    outcome: s.outcome,
    orientation: s.orientation ?? '',
    followUpOn: s.followUp !== null,
    followUpDue: s.followUp?.dueDate ?? '',
    followUpReason: s.followUp?.reason ?? '',
    notes: s.notes,
  };
  if (s.kind === 'individuel') {
    form.autonomy = s.autonomy;
    form.person = {
      ageBracket: s.person.ageBracket,
      gender: s.person.gender,
      status: s.person.status,
      commune,
      firstVisit: s.person.firstVisit === null ? 'unknown' : s.person.firstVisit ? 'yes' : 'no',
    };
  } else {
    form.workshop = {
      title: s.workshop.title,
      level: s.workshop.level,
      participants: String(s.workshop.participants),
      byGender: countsToText(s.workshop.byGender),
      byAge: countsToText(s.workshop.byAge),
      byStatus: countsToText(s.workshop.byStatus),
    };
  }
  return form;
}

/**
 * A new session prefilled from a stored one ("Dupliquer"): nothing is written until the editor is saved, so cancelling
 * leaves the journal as it was. The copy keeps the what, dated today with no time, without the notes or the follow-up.
 */
export function duplicateForm(source: Session, commune: Commune | null, today: string): FormState {
  return {
    ...formFromSession(source, commune),
    date: today,
    startTime: '',
    notes: '',
    followUpOn: false,
    followUpDue: '',
    followUpReason: '',
  };
}

/**
 * The follow-up date offered when "Prévoir une relance" is ticked: a week from today, whatever the session's date (a
 * back-dated session must not get a follow-up already overdue), and never before the session itself.
 */
export function defaultFollowUpDue(sessionDate: string, today: string): string {
  const inAWeek = addDays(today, 7);
  return sessionDate > inAWeek ? sessionDate : inAWeek;
}

/** A whole number typed in a field, or null when the field is empty or not a whole number. */
export function parseCount(text: string | undefined): number | null {
  const t = (text ?? '').trim();
  if (!/^\d+$/.test(t)) return null;
  return Number(t);
}

export function durationOf(form: FormState): number | null {
  if (form.duration === null) return null;
  if (form.duration === 'other') {
    const t = form.durationOther.trim();
    return /^\d+$/.test(t) ? Number(t) : Number.NaN;
  }
  return form.duration;
}

export function sumCounts(counts: Counts<string>): number {
  return Object.entries(counts).reduce((sum, [k, v]) => (k === 'non_communique' ? sum : sum + (parseCount(v) ?? 0)), 0);
}

/** What is left for "non communiqué": the total minus the typed counts (negative when they exceed the total). */
export function remainderOf(form: FormState, counts: Counts<string>): number | null {
  const total = parseCount(form.workshop.participants);
  return total === null ? null : total - sumCounts(counts);
}

function countsToInput<K extends string>(counts: Counts<K>, total: number): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const [k, v] of Object.entries(counts) as Array<[K, string | undefined]>) {
    const n = parseCount(v);
    if (k !== 'non_communique' && n) out[k] = n;
  }
  // Make "non communiqué" explicit so that each breakdown adds up to the number of participants.
  const rest = total - sumCounts(counts);
  if (rest > 0) (out as Record<string, number>).non_communique = rest;
  return out;
}

export type Breakdown = 'byGender' | 'byAge' | 'byStatus';

// Where each field path of a refusal lives in the form, for the links of the error summary and its order.
// The first matching prefix wins, so the precise paths come before the groups that hold them.
export const FIELD_ANCHORS: ReadonlyArray<{ path: string; id: string; label: string }> = [
  { path: 'workshop.title', id: 'session-workshop-title', label: 'editor.workshop.title' },
  { path: 'workshop.participants', id: 'session-workshop-participants', label: 'editor.workshop.participants' },
  { path: 'workshop.level', id: 'session-workshop-level', label: 'editor.workshop.level' },
  { path: 'operators', id: 'session-operators', label: 'editor.admin.operators' },
  { path: 'topics', id: 'session-topics', label: 'editor.topics.legend' },
  { path: 'adminTopics', id: 'session-admin-topics', label: 'editor.admin.topics' },
  { path: 'procedureName', id: 'session-procedure', label: 'editor.admin.procedureName' },
  { path: 'durationMin', id: 'session-duration', label: 'editor.duration.legend' },
  { path: 'outcome', id: 'session-outcome', label: 'editor.outcome.legend' },
  { path: 'orientation', id: 'session-orientation', label: 'editor.outcome.orientation' },
  { path: 'date', id: 'session-date', label: 'editor.when.date' },
  { path: 'startTime', id: 'session-start-time', label: 'editor.when.startTime' },
  { path: 'channel', id: 'session-channel', label: 'editor.channel.legend' },
  { path: 'equipment', id: 'session-equipment', label: 'editor.equipment.legend' },
  { path: 'autonomy', id: 'session-autonomy', label: 'editor.autonomy.legend' },
  { path: 'followUp.dueDate', id: 'session-followup-due', label: 'editor.followUp.dueDate' },
  { path: 'followUp.reason', id: 'session-followup-reason', label: 'editor.followUp.reason' },
  { path: 'followUp', id: 'session-followup', label: 'editor.followUp.legend' },
  { path: 'person.ageBracket', id: 'session-person-age', label: 'editor.person.ageBracket' },
  { path: 'person.gender', id: 'session-person-gender', label: 'editor.person.gender' },
  { path: 'person.status', id: 'session-person-status', label: 'editor.person.status' },
  { path: 'person.communeCode', id: 'session-person-commune', label: 'editor.person.commune' },
  { path: 'person.firstVisit', id: 'session-person-first-visit', label: 'editor.person.firstVisit' },
  { path: 'person', id: 'session-person', label: 'editor.person.legend' },
  { path: 'workshop.byGender', id: 'session-workshop-byGender', label: 'editor.workshop.byGender' },
  { path: 'workshop.byAge', id: 'session-workshop-byAge', label: 'editor.workshop.byAge' },
  { path: 'workshop.byStatus', id: 'session-workshop-byStatus', label: 'editor.workshop.byStatus' },
  { path: 'workshop', id: 'session-workshop', label: 'editor.workshop.legend' },
  { path: 'notes', id: 'session-notes', label: 'editor.notes.label' },
];

export function anchorOf(path: string) {
  return FIELD_ANCHORS.find((a) => isUnder(path, [a.path]));
}

/** Position of a path in the form, for listing problems top to bottom (unknown paths last). */
function formOrder(path: string): number {
  const i = FIELD_ANCHORS.findIndex((a) => isUnder(path, [a.path]));
  return i < 0 ? FIELD_ANCHORS.length : i;
}

/**
 * What only the form knows: a choice not made yet, which the schema would report as a malformed value. Everything
 * else is the shared SessionInput schema's (see checkForm).
 */
function formOnlyIssues(form: FormState, context: CheckContext): ClientIssue[] {
  const issues: ClientIssue[] = [];
  if (form.duration === null) issues.push({ path: 'durationMin', key: 'journal:editor.check.durationRequired' });
  if (form.followUpOn && form.followUpDue.trim() === '')
    issues.push({ path: 'followUp.dueDate', key: 'journal:editor.check.followUpDateRequired' });
  // Only the editor knows today and whether the session is new: the shared schema cannot refuse a past due date, since
  // an older session being edited (or one from another computer) legitimately keeps the follow-up it had.
  else if (
    form.followUpOn &&
    context.isNew &&
    context.today &&
    /^\d{4}-\d{2}-\d{2}$/.test(form.followUpDue) &&
    form.followUpDue < context.today
  ) {
    issues.push({ path: 'followUp.dueDate', key: 'journal:editor.check.followUpInPast' });
  }
  if (form.kind === 'collectif' && !form.workshop.level)
    issues.push({ path: 'workshop.level', key: 'journal:editor.check.levelRequired' });
  return issues;
}

/**
 * Problems found before calling the core, in the order of the form: the form-only checks, then the shared
 * SessionInput schema run on the value the form would send (its messages are i18n keys of "errors"; zod's own
 * defaults become a generic key, as at the boundary). The core still checks everything and has the last word.
 */
export interface CheckContext {
  /** Today's local date (ISO), for the checks that depend on it. */
  today?: string;
  /** A new session (or a copy), as opposed to an edit of a stored one. */
  isNew?: boolean;
}

export function checkForm(form: FormState, context: CheckContext = {}): ClientIssue[] {
  const issues = formOnlyIssues(form, context);
  const parsed = SessionInput.safeParse(buildInput(form, null));
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    if (issues.some((i) => i.path === path)) continue;
    const message = /^[a-z]+\.[A-Za-z.]+$/.test(issue.message) ? issue.message : `invalid.${issue.code}`;
    issues.push({ path, key: `errors:${message}` });
  }
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => formOrder(a.issue.path) - formOrder(b.issue.path) || a.i - b.i)
    .map(({ issue }) => issue);
}

/** The SessionInput for the core: kind-specific shape, admin details only with the admin topic, liveId when timed. */
export function buildInput(form: FormState, liveId: string | null): SessionInput {
  const admin = form.topics.includes(ADMIN_TOPIC_TRIGGER);
  const minutes = durationOf(form);
  const common = {
    date: form.date,
    startTime: form.startTime || null,
    durationMin: minutes ?? Number.NaN,
    channel: form.channel,
    equipment: form.equipment,
    topics: form.topics,
    adminTopics: admin ? form.adminTopics : [],
    operators: admin ? form.operators : [],
    procedureName: admin ? form.procedureName.trim() : '',
    outcome: form.outcome,
    orientation: form.outcome === 'oriente_vers_structure' && form.orientation ? form.orientation : null,
    followUp: form.followUpOn ? { dueDate: form.followUpDue, reason: form.followUpReason.trim() } : null,
    notes: form.notes,
    ...(liveId ? { liveId } : {}),
  };
  if (form.kind === 'individuel') {
    const p = form.person;
    return {
      kind: 'individuel',
      ...common,
      autonomy: form.autonomy,
      person: {
        ageBracket: p.ageBracket,
        gender: p.gender,
        status: p.status,
        communeCode: p.commune?.code ?? null,
        firstVisit: p.firstVisit === 'unknown' ? null : p.firstVisit === 'yes',
      },
    };
  }
  const w = form.workshop;
  const total = parseCount(w.participants) ?? 0;
  return {
    kind: 'collectif',
    ...common,
    workshop: {
      title: w.title.trim(),
      // A missing level is caught by checkForm before any call; the core would refuse it as well.
      level: w.level ?? ('' as WorkshopLevel),
      participants: total,
      byGender: countsToInput(w.byGender, total),
      byAge: countsToInput(w.byAge, total),
      byStatus: countsToInput(w.byStatus, total),
    },
  };
}

/** What every group of fields receives from the editor: the state, a way to change it, and the error of a path. */
export interface FieldsProps {
  form: FormState;
  update(patch: Partial<FormState>): void;
  error(path: string): string | undefined;
}

/** The day `days` after an ISO date, as an ISO date (calendar arithmetic, no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return '';
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// The error paths a change of the form may resolve: a field's message goes away as soon as it is edited.
const PATHS_OF_KEY: Partial<Record<keyof FormState, string[]>> = {
  kind: ['kind', 'person', 'workshop', 'autonomy'],
  date: ['date', 'followUp.dueDate'],
  duration: ['durationMin'],
  durationOther: ['durationMin'],
  topics: ['topics', 'adminTopics'],
  outcome: ['outcome', 'orientation'],
  followUpOn: ['followUp'],
  followUpDue: ['followUp.dueDate'],
  followUpReason: ['followUp.reason'],
};
const PATHS_OF_SUB: Record<string, string[]> = {
  'person.commune': ['person.communeCode'],
  'workshop.participants': ['workshop.participants', 'workshop.byGender', 'workshop.byAge', 'workshop.byStatus'],
};

/** The field paths whose errors a change (`patch` applied to `prev`) may have resolved. */
export function touchedPaths(prev: FormState, patch: Partial<FormState>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(patch) as Array<keyof FormState>) {
    if (key === 'person' || key === 'workshop') {
      const before = prev[key] as unknown as Record<string, unknown>;
      const after = patch[key] as unknown as Record<string, unknown>;
      for (const sub of Object.keys(after)) {
        if (before[sub] !== after[sub]) out.push(...(PATHS_OF_SUB[`${key}.${sub}`] ?? [`${key}.${sub}`]));
      }
    } else {
      out.push(...(PATHS_OF_KEY[key] ?? [key]));
    }
  }
  return out;
}

export function isUnder(path: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => path === p || path.startsWith(`${p}.`));
}
