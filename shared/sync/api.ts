import { z } from 'zod';
import { ACTIVITY_DIMENSIONS, POPULATION_DIMENSIONS } from './dimensions';
import { DEPARTEMENT_CODE, DIAGNOSTIC_SIZE_BANDS, NAF_SECTION, Period } from './snapshot';

// The hub's API (version 1), shared by the hub (validation, OpenAPI) and the desk (its client). JSON everywhere.

export const API_VERSION = 'v1';

export const ApiError = z.object({
  error: z.string(),
  message: z.string(),
  /** For a snapshot refused by the disclosure rule: what breaks it. */
  violations: z
    .array(z.object({ code: z.string(), dimension: z.string().optional(), key: z.string().optional() }))
    .optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export const EnrollRequest = z
  .object({
    code: z.string().min(8).max(40),
    /** The desk's Ed25519 public key (base64 SPKI DER), with which the hub checks its signed snapshot files. Optional
     * for desks of earlier versions: the hub then refuses their files until they enroll again. */
    publicKey: z.string().max(200).optional(),
  })
  .strict();
export type EnrollRequest = z.infer<typeof EnrollRequest>;
export const EnrollResponse = z.object({
  deskId: z.uuid(),
  credential: z.string(),
  site: z.object({ id: z.uuid(), name: z.string(), departement: z.string() }),
  disclosure: z.object({ k: z.number().int(), granularity: z.enum(['month', 'week']) }),
});
export type EnrollResponse = z.infer<typeof EnrollResponse>;

export const UploadReceipt = z.object({
  /** stored: this version is now the site's figure for the period; superseded: a newer one is already there;
   * duplicate: the same snapshot was already received (a replay after a lost reply). */
  status: z.enum(['stored', 'superseded', 'duplicate']),
  deskId: z.uuid(),
  period: Period,
  version: z.number().int(),
  hash: z.string(),
  receivedAt: z.string(),
});
export type UploadReceipt = z.infer<typeof UploadReceipt>;

/** The hub's answer to a snapshot file imported by a coordinator: one receipt per snapshot, in the file's order. */
export const SnapshotFileReceipt = z.object({
  deskId: z.uuid(),
  site: z.object({ id: z.uuid(), name: z.string(), departement: z.string() }),
  exportedAt: z.string(),
  receipts: z.array(UploadReceipt),
});
export type SnapshotFileReceipt = z.infer<typeof SnapshotFileReceipt>;

const Counts = z.record(z.string(), z.number().int());
/** A population cell summed over sites: the released counts, and how many sites held it back. */
const ConsolidatedCell = z.object({ n: z.number().int(), suppressedIn: z.number().int() });

export const Consolidated = z.object({
  snapshots: z.number().int(),
  totals: z.object({
    sessions: z.number().int(),
    individualSessions: z.number().int(),
    workshops: z.number().int(),
    workshopParticipants: z.number().int(),
    peopleHelped: z.number().int(),
    totalMinutes: z.number().int(),
  }),
  activity: z.record(z.enum(ACTIVITY_DIMENSIONS), Counts),
  population: z.record(z.enum(POPULATION_DIMENSIONS), z.record(z.string(), ConsolidatedCell)),
});
export type Consolidated = z.infer<typeof Consolidated>;

export const SummaryQuery = z
  .object({
    from: z.string().regex(/^\d{4}-(\d{2}|W\d{2})$/),
    to: z.string().regex(/^\d{4}-(\d{2}|W\d{2})$/),
  })
  .strict();

export const CoordinatorSummary = z.object({
  scope: z.object({ id: z.uuid(), name: z.string(), kind: z.string(), codes: z.array(z.string()) }),
  from: z.string(),
  to: z.string(),
  /** The hub's disclosure settings: its period granularity says which periods a coordinator may ask for.
   * Optional: a hub of an earlier version does not send it (its periods are months). */
  disclosure: z.object({ k: z.number().int(), granularity: z.enum(['month', 'week']) }).optional(),
  sites: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      departement: z.string(),
      epci: z.string().nullable(),
      totals: Consolidated.shape.totals.extend({ snapshots: z.number().int() }),
    }),
  ),
  total: Consolidated,
});
export type CoordinatorSummary = z.infer<typeof CoordinatorSummary>;

export const PackInfo = z.object({ channel: z.string(), version: z.number().int(), publishedAt: z.string() });
export type PackInfo = z.infer<typeof PackInfo>;

/** Peer benchmarks for diagnostics: which comparable businesses a desk asks about (its diagnosis's own group). */
export const PeersQuery = z
  .object({
    naf: z.string().regex(NAF_SECTION),
    size: z.enum(DIAGNOSTIC_SIZE_BANDS),
    departement: z.string().regex(DEPARTEMENT_CODE),
  })
  .strict();
export type PeersQuery = z.infer<typeof PeersQuery>;

/** Means over comparable businesses, released only above the hub's thresholds (hub/peers.ts). */
export const PeerFigures = z.object({
  diagnoses: z.number().int(),
  desks: z.number().int(),
  /** Mean overall score (0-100, one decimal). */
  overall: z.number(),
  /** Mean score per dimension, only for the dimensions that pass the thresholds on their own. */
  dimensions: z.array(z.object({ id: z.string(), mean: z.number(), diagnoses: z.number().int() })),
});
export type PeerFigures = z.infer<typeof PeerFigures>;

export const PeerBenchmarks = z.object({
  nafSection: z.string(),
  sizeBand: z.enum(DIAGNOSTIC_SIZE_BANDS),
  departement: z.string(),
  /** The closed periods the figures cover (first and last keys). */
  from: z.string(),
  to: z.string(),
  computedAt: z.string(),
  thresholds: z.object({ diagnoses: z.number().int(), desks: z.number().int() }),
  /** null: not enough comparable businesses yet. */
  national: PeerFigures.nullable(),
  departemental: PeerFigures.nullable(),
});
export type PeerBenchmarks = z.infer<typeof PeerBenchmarks>;
