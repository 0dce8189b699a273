import { z } from 'zod';
import { ADMIN_TOPICS, ADMIN_TOPIC_TRIGGER, ORIENTATIONS, TOPICS } from '../taxonomy';
import { isOfficialUrl } from './official-domains';

// The format of a curated procedure guide (resources/guides/<id>.json), documented for the coordinators who edit
// guides in resources/guides/README.md. Every object is strict: a misspelt key is an error, not a silent loss.
// Messages are i18n keys (namespace "errors"), like every schema of shared/.
//
// Compatibility: the guides screens, overrides and guide packs are built on this shape. Change it only in a
// backward-compatible way (new optional fields), and bump GUIDE_FORMAT_VERSION only with a reader for the old one.

export const GUIDE_FORMAT_VERSION = 1;

export const GUIDE_AUDIENCES = ['particuliers', 'professionnels', 'associations'] as const;
export const PREREQUISITE_KINDS = ['account', 'identifier', 'document', 'equipment'] as const;
export const FRANCE_CONNECT_SUPPORT = ['yes', 'no', 'partial'] as const;

export type GuideAudience = (typeof GUIDE_AUDIENCES)[number];
export type PrerequisiteKind = (typeof PREREQUISITE_KINDS)[number];
export type FranceConnectSupport = (typeof FRANCE_CONNECT_SUPPORT)[number];

/** Stable kebab-case id: it is the file name, and sessions record it, so it never changes once shipped. */
export const GUIDE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const guideId = z
  .string()
  .min(3, { message: 'guides.idInvalid' })
  .max(80, { message: 'guides.idInvalid' })
  .regex(GUIDE_ID_PATTERN, { message: 'guides.idInvalid' });

/** A service-public.fr identifier: F (fiche) or R (online service, form, simulator) and its number. */
export const SERVICE_PUBLIC_REF_PATTERN = /^[FR][1-9]\d{0,5}$/;
export const servicePublicRef = z.string().regex(SERVICE_PUBLIC_REF_PATTERN, { message: 'guides.refInvalid' });

// Operators are data (a coordinator may extend the list), as in the journal: a key here, membership in the
// taxonomy's default list is checked by the shipped guides' test.
const operatorKey = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'guides.operatorInvalid' });

// No control characters (tabs and new lines excepted) in any text: guides are shown and printed as plain text.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function text(min: number, max: number) {
  return z
    .string()
    .trim()
    .min(min, { message: 'guides.textRequired' })
    .max(max, { message: 'guides.textTooLong' })
    .refine((s) => !CONTROL_CHARS.test(s), { message: 'guides.textInvalid' });
}

export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'guides.dateInvalid' })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '2020-01-01';
    },
    { message: 'guides.dateInvalid' },
  );

/** An https link to an official domain (shared/guides/official-domains.ts): the only links a guide may carry. */
export const officialUrl = z
  .string()
  .max(500, { message: 'guides.urlInvalid' })
  .refine(isOfficialUrl, { message: 'guides.urlNotOfficial' });

export const GuideLink = z.strictObject({ label: text(2, 160), url: officialUrl });
export type GuideLink = z.infer<typeof GuideLink>;

export const Prerequisite = z.strictObject({
  kind: z.enum(PREREQUISITE_KINDS),
  label: text(2, 200),
  hint: text(2, 400).optional(),
});
export type Prerequisite = z.infer<typeof Prerequisite>;

export const GuideStep = z.strictObject({
  /** 1, 2, 3… in order: the number the mediator reads aloud and the session records. */
  number: z.number().int().min(1).max(99),
  title: text(3, 160),
  /** What to do at this step. */
  action: text(10, 1200),
  /** What to check before going on (the sign the step is done right). */
  check: text(5, 600),
});
export type GuideStep = z.infer<typeof GuideStep>;

export const Redirection = z.strictObject({
  /** When to send the person elsewhere. */
  when: text(5, 400),
  /** Where (plain words: "la CAF, à l'accueil ou par la messagerie de l'espace Mon Compte"). */
  where: text(3, 400),
  /** The orientation key recorded in the session, when it applies (taxonomy ORIENTATIONS). */
  orientation: z.enum(ORIENTATIONS).optional(),
  link: GuideLink.optional(),
});
export type Redirection = z.infer<typeof Redirection>;

export const FranceConnectInfo = z.strictObject({
  support: z.enum(FRANCE_CONNECT_SUPPORT),
  note: text(3, 400).optional(),
});

export const AidantsConnectInfo = z.strictObject({
  /** Whether a mediator habilitated for Aidants Connect may do this procedure for the person, under a mandate. */
  relevant: z.boolean(),
  note: text(3, 400).optional(),
  /** The official Aidants Connect page (aidantsconnect.beta.gouv.fr). */
  url: officialUrl,
});

function unique<T>(values: readonly T[]): boolean {
  return new Set(values).size === values.length;
}

export const Guide = z
  .strictObject({
    formatVersion: z.literal(GUIDE_FORMAT_VERSION),
    id: guideId,
    title: text(3, 120),
    summary: text(10, 500),
    /** The operator concerned (taxonomy operator key), or null when no operator is (e-mail). */
    operator: operatorKey.nullable(),
    /** The administrative topic (taxonomy ADMIN_TOPICS), or null for a guide outside administrative help. */
    adminTopic: z.enum(ADMIN_TOPICS).nullable(),
    /** Digital-mediation topics the session records (taxonomy TOPICS); includes the trigger when adminTopic is set. */
    topics: z.array(z.enum(TOPICS)).min(1).max(5).refine(unique, { message: 'guides.duplicate' }),
    audience: z.array(z.enum(GUIDE_AUDIENCES)).min(1).refine(unique, { message: 'guides.duplicate' }),
    entryPoints: z.array(GuideLink).min(1).max(8),
    prerequisites: z.array(Prerequisite).max(20),
    steps: z.array(GuideStep).min(1).max(30),
    pitfalls: z.array(text(5, 500)).max(15),
    redirections: z.array(Redirection).max(10),
    franceConnect: FranceConnectInfo,
    aidantsConnect: AidantsConnectInfo,
    typicalDurationMinutes: z.number().int().min(5).max(240),
    servicePublicRefs: z.array(servicePublicRef).max(20).refine(unique, { message: 'guides.duplicate' }),
    /** Words of the subject, for search. */
    keywords: z.array(text(2, 60)).max(30),
    /** Other names, acronyms and old names people still use ("APL", "Pôle emploi", "ANTS"), for search. */
    synonyms: z.array(text(1, 60)).max(30),
    sources: z.array(GuideLink).min(1).max(10),
    /** The day the content was last checked against its sources; shown to the user. */
    reviewedOn: isoDay,
  })
  .superRefine((guide, ctx) => {
    guide.steps.forEach((step, index) => {
      if (step.number !== index + 1) {
        ctx.addIssue({ code: 'custom', path: ['steps', index, 'number'], message: 'guides.stepOrder' });
      }
    });
    const hasTrigger = guide.topics.includes(ADMIN_TOPIC_TRIGGER);
    if ((guide.adminTopic !== null) !== hasTrigger) {
      ctx.addIssue({ code: 'custom', path: ['adminTopic'], message: 'guides.adminTopicMismatch' });
    }
  });
export type Guide = z.infer<typeof Guide>;
