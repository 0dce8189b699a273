import { z } from 'zod';
import { OUTCOMES } from '../taxonomy';
import { Guide, guideId } from './schema';

// The guides feature's inputs and outputs (the guide format itself is ./schema.ts). Error messages are i18n keys
// of errors:guides.

/** How a desk's own version of a guide is marked: when, and where it came from (an edit here, or a guide pack). */
export const LocalMark = z.object({
  updatedAt: z.string(),
  source: z.enum(['edit', 'pack']),
  /** There is a shipped guide under this id (reverting goes back to it); false for a guide added by the desk. */
  shipped: z.boolean(),
  /** The shipped guide was reviewed after the day this local version started from: worth a look. */
  shippedNewer: z.boolean(),
});
export type LocalMark = z.infer<typeof LocalMark>;

export const GuideSummary = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  operator: z.string().nullable(),
  adminTopic: z.string().nullable(),
  steps: z.number(),
  reviewedOn: z.string(),
  local: LocalMark.nullable(),
});
export type GuideSummary = z.infer<typeof GuideSummary>;

export const GuideDetail = z.object({ guide: Guide, local: LocalMark.nullable() });
export type GuideDetail = z.infer<typeof GuideDetail>;

export const GuideRef = z.object({ id: guideId }).strict();
export const SaveOverrideInput = z.object({ guide: Guide }).strict();
export const RevertResult = z.object({ id: z.string(), detail: GuideDetail.nullable() });

// ---- guide packs ------------------------------------------------------------------------------------------------

export const PACK_FORMAT = 'mediane-guide-pack';
export const PACK_FORMAT_VERSION = 1;
/** A pack holds at most every guide a desk could have, with room: refused above before parsing. */
export const MAX_PACK_BYTES = 4 * 1024 * 1024;
export const MAX_PACK_GUIDES = 500;

export const ExportPackInput = z.object({ targetId: z.uuid() }).strict();
export const ExportPackResult = z.object({ name: z.string(), guides: z.number().int() });
export const ImportPackInput = z.object({ sourceId: z.uuid() }).strict();
export const ImportPackResult = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  ids: z.array(z.string()),
});
export type ImportPackResult = z.infer<typeof ImportPackResult>;

// ---- guided mode --------------------------------------------------------------------------------------------------

/** Who holds the guides: a running timer (before it becomes a session) or a saved session. */
export const Holder = z.union([z.object({ timerId: z.uuid() }).strict(), z.object({ sessionId: z.uuid() }).strict()]);
export type Holder = z.infer<typeof Holder>;

export const UsedGuide = z.object({
  id: z.string(),
  title: z.string(),
  total: z.number().int(),
  /** The numbers of the ticked steps. */
  done: z.array(z.number().int()),
  blocked: z.boolean(),
  /** The guide can still be opened (false: removed since, the title is what was used). */
  available: z.boolean(),
});
export type UsedGuide = z.infer<typeof UsedGuide>;

export const Site = z.object({ label: z.string(), host: z.string() });
export type Site = z.infer<typeof Site>;

export const SessionGuides = z.object({
  guides: z.array(UsedGuide),
  suggestedOutcome: z.enum(OUTCOMES).nullable(),
  /** The websites of the guides used, for the "leave the PC clean" checklist (log out of each). */
  sites: z.array(Site),
});
export type SessionGuides = z.infer<typeof SessionGuides>;

export const OpenGuideInput = z.object({ holder: Holder, id: guideId }).strict();
export const TickInput = z
  .object({ holder: Holder, id: guideId, step: z.number().int().min(1).max(99), done: z.boolean() })
  .strict();
export const BlockInput = z.object({ holder: Holder, id: guideId, blocked: z.boolean() }).strict();
export const HolderInput = z.object({ holder: Holder }).strict();

export const Preferences = z.object({ cleanPcChecklist: z.boolean() }).strict();
export type Preferences = z.infer<typeof Preferences>;

// ---- for other features (search, catalogue): through core ports, not the contract --------------------------------

export interface GuideIndexEntry {
  id: string;
  title: string;
  operator: string | null;
  keywords: string[];
  synonyms: string[];
  /** A desk's own version (edited or imported): search may show it as such. */
  local: boolean;
}
