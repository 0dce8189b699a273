import { z } from 'zod';
import {
  ADMIN_TOPICS,
  ADMIN_TOPIC_TRIGGER,
  AGE_BRACKETS,
  AUTONOMY,
  CHANNELS,
  EQUIPMENT,
  GENDERS,
  MAX_DURATION_MIN,
  ORIENTATIONS,
  OUTCOMES,
  STATUSES,
  TOPICS,
  WORKSHOP_LEVELS,
} from '../taxonomy';
import { findPersonalData } from '../notes/personal-data';

// Error messages are i18n keys (namespace "errors"): the renderer translates them, the boundary never sends prose.
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'journal.dateInvalid' })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '2000-01-01';
    },
    { message: 'journal.dateInvalid' },
  );

export const operatorKey = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'journal.operatorUnknown' });
/** A guide's id (resources/guides/<id>.json): lowercase words joined by hyphens. */
export const guideKey = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'guides.idInvalid' })
  .max(80);
const inseeCode = z.string().regex(/^(?:\d{2}|2A|2B)\d{3}$/, { message: 'journal.communeInvalid' });

export const FollowUpInput = z
  .object({
    dueDate: isoDate,
    reason: z
      .string()
      .trim()
      .min(1, { message: 'journal.followUpReasonRequired' })
      .max(140, { message: 'journal.followUpReasonTooLong' }),
  })
  .strict();

export const PersonInput = z
  .object({
    ageBracket: z.enum(AGE_BRACKETS).default('non_communique'),
    gender: z.enum(GENDERS).default('non_communique'),
    status: z.enum(STATUSES).default('non_communique'),
    communeCode: inseeCode.nullable().default(null),
    firstVisit: z.boolean().nullable().default(null),
  })
  .strict();

const count = z.number().int().min(0).max(500);
const countsOf = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.partialRecord(z.enum(keys), count).default({});

export const WorkshopInput = z
  .object({
    title: z
      .string()
      .trim()
      .min(2, { message: 'journal.workshopTitleRequired' })
      .max(160, { message: 'journal.workshopTitleTooLong' }),
    level: z.enum(WORKSHOP_LEVELS),
    participants: z
      .number()
      .int()
      .min(1, { message: 'journal.participantsRequired' })
      .max(500, { message: 'journal.participantsTooMany' }),
    byGender: countsOf(GENDERS),
    byAge: countsOf(AGE_BRACKETS),
    byStatus: countsOf(STATUSES),
  })
  .strict();

const common = {
  date: isoDate,
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'journal.timeInvalid' })
    .nullable()
    .default(null),
  durationMin: z
    .number({ message: 'journal.durationInvalid' })
    .int({ message: 'journal.durationInvalid' })
    .min(1, { message: 'journal.durationInvalid' })
    .max(MAX_DURATION_MIN, { message: 'journal.durationTooLong' }),
  channel: z.enum(CHANNELS),
  equipment: z.array(z.enum(EQUIPMENT)).max(EQUIPMENT.length).default([]),
  topics: z.array(z.enum(TOPICS)).min(1, { message: 'journal.topicRequired' }).max(TOPICS.length),
  adminTopics: z.array(z.enum(ADMIN_TOPICS)).max(ADMIN_TOPICS.length).default([]),
  operators: z.array(operatorKey).max(20).default([]),
  procedureName: z.string().trim().max(200, { message: 'journal.procedureTooLong' }).default(''),
  outcome: z.enum(OUTCOMES).nullable().default(null),
  orientation: z.enum(ORIENTATIONS).nullable().default(null),
  followUp: FollowUpInput.nullable().default(null),
  notes: z.string().max(5000, { message: 'journal.notesTooLong' }).default(''),
  // When the session was timed live, the id of the running timer it closes.
  liveId: z.uuid().nullable().default(null),
};

const IndividualInput = z
  .object({
    kind: z.literal('individuel'),
    ...common,
    autonomy: z.enum(AUTONOMY).nullable().default(null),
    person: PersonInput.default({
      ageBracket: 'non_communique',
      gender: 'non_communique',
      status: 'non_communique',
      communeCode: null,
      firstVisit: null,
    }),
  })
  .strict();

const WorkshopSessionInput = z
  .object({
    kind: z.literal('collectif'),
    ...common,
    workshop: WorkshopInput,
  })
  .strict();

function sumOf(counts: Partial<Record<string, number>>): number {
  return Object.values(counts).reduce<number>((a, b) => a + (b ?? 0), 0);
}

export const SessionInput = z
  .discriminatedUnion('kind', [IndividualInput, WorkshopSessionInput])
  .superRefine((s, ctx) => {
    const unique = (arr: readonly string[]) => new Set(arr).size === arr.length;
    if (!unique(s.topics) || !unique(s.adminTopics) || !unique(s.operators) || !unique(s.equipment)) {
      ctx.addIssue({ code: 'custom', message: 'journal.duplicateValue', path: ['topics'] });
    }
    if (s.adminTopics.length > 0 && !s.topics.includes(ADMIN_TOPIC_TRIGGER)) {
      ctx.addIssue({ code: 'custom', message: 'journal.adminTopicsNeedAdminHelp', path: ['adminTopics'] });
    }
    if (s.outcome === 'oriente_vers_structure' && !s.orientation) {
      ctx.addIssue({ code: 'custom', message: 'journal.orientationRequired', path: ['orientation'] });
    }
    if (s.followUp && s.followUp.dueDate < s.date) {
      ctx.addIssue({ code: 'custom', message: 'journal.followUpBeforeSession', path: ['followUp', 'dueDate'] });
    }
    if (s.kind === 'collectif') {
      const w = s.workshop;
      for (const [key, counts] of [
        ['byGender', w.byGender],
        ['byAge', w.byAge],
        ['byStatus', w.byStatus],
      ] as const) {
        if (sumOf(counts) > w.participants) {
          ctx.addIssue({ code: 'custom', message: 'journal.breakdownExceedsTotal', path: ['workshop', key] });
        }
      }
    }
  });
export type SessionInput = z.input<typeof SessionInput>;
export type SessionData = z.output<typeof SessionInput>;

const meta = {
  id: z.string(),
  taxonomyVersion: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  followUpClosedAt: z.string().nullable(),
};
export const Session = z.discriminatedUnion('kind', [
  IndividualInput.omit({ liveId: true }).extend(meta),
  WorkshopSessionInput.omit({ liveId: true }).extend(meta),
]);
export type Session = z.infer<typeof Session>;

export const SESSION_SORTS = ['date_desc', 'date_asc', 'duration_desc', 'duration_asc'] as const;

export const JournalFilter = z
  .object({
    from: isoDate.nullable().default(null),
    to: isoDate.nullable().default(null),
    kind: z.enum(['individuel', 'collectif']).nullable().default(null),
    operator: operatorKey.nullable().default(null),
    topic: z.enum(TOPICS).nullable().default(null),
    outcome: z.enum(OUTCOMES).nullable().default(null),
    followUpDue: z.boolean().default(false),
    /** Sessions that used this guide (feature guides: guided mode). */
    guide: guideKey.nullable().optional(),
  })
  .strict();
export type JournalFilter = z.input<typeof JournalFilter>;

export const JournalQuery = z
  .object({
    filter: JournalFilter.default({
      from: null,
      to: null,
      kind: null,
      operator: null,
      topic: null,
      outcome: null,
      followUpDue: false,
    }),
    sort: z.enum(SESSION_SORTS).default('date_desc'),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type JournalQuery = z.input<typeof JournalQuery>;

// One line of the journal list: enough to scan and pick, not the whole record.
export const JournalRow = z.object({
  id: z.string(),
  kind: z.enum(['individuel', 'collectif']),
  date: z.string(),
  startTime: z.string().nullable(),
  durationMin: z.number(),
  topics: z.array(z.string()),
  operators: z.array(z.string()),
  procedureName: z.string(),
  workshopTitle: z.string().nullable(),
  participants: z.number(),
  outcome: z.enum(OUTCOMES).nullable(),
  followUpDue: z.string().nullable(),
  followUpClosed: z.boolean(),
  /** The guides followed during the session (guided mode), when there were any. */
  guides: z.array(z.object({ id: z.string(), title: z.string(), done: z.number(), total: z.number() })).optional(),
});
export type JournalRow = z.infer<typeof JournalRow>;

// Counting stops at this cap: past it the list says "more than" rather than scanning years of history.
export const COUNT_CAP = 10_000;
export const JournalPage = z.object({
  rows: z.array(JournalRow),
  total: z.number(),
  totalCapped: z.boolean(),
});
export type JournalPage = z.infer<typeof JournalPage>;

export const FollowUpItem = z.object({
  id: z.string(),
  date: z.string(),
  dueDate: z.string(),
  reason: z.string(),
  kind: z.enum(['individuel', 'collectif']),
  operators: z.array(z.string()),
  procedureName: z.string(),
  workshopTitle: z.string().nullable(),
});
export type FollowUpItem = z.infer<typeof FollowUpItem>;

export const LiveTimer = z.object({ id: z.string(), startedAt: z.string(), label: z.string() });

/** A timer's label is shown on every screen: short, and never a name, number or address (the notes' detector). */
export const TIMER_LABEL_MAX = 40;
export const TimerLabelInput = z
  .object({
    id: z.uuid(),
    label: z
      .string()
      .trim()
      .max(TIMER_LABEL_MAX, { message: 'journal.timerLabelTooLong' })
      .refine((s) => findPersonalData(s).length === 0, { message: 'journal.timerLabelPersonal' }),
  })
  .strict();
export type LiveTimer = z.infer<typeof LiveTimer>;
