import { job, mutation, noInput, query } from '../contract-kit';
import {
  ConnectInput,
  Consolidated,
  CoordinatorExportInput,
  CoordinatorExportResult,
  CoordinatorStatus,
  CoordinatorSummary,
  ImportSnapshotFileInput,
  PeriodInput,
  SiteInput,
  SnapshotFileReceipt,
} from './schema';

export const coordinatorContract = {
  'coordinator.status': query(noInput, CoordinatorStatus),
  /** Checks the credential against the hub, then keeps it behind the host's CredentialStore (never in the database). */
  'coordinator.connect': mutation(ConnectInput, CoordinatorStatus),
  'coordinator.disconnect': mutation(noInput, CoordinatorStatus),
  /** The scope's total and each site's key totals over whole months, as the hub answers them. */
  'coordinator.summary': query(PeriodInput, CoordinatorSummary),
  /** One site of the scope, every table (the hub refuses a site outside the scope). */
  'coordinator.site': query(SiteInput, Consolidated),
  /** A desk's signed snapshot file handed to the hub (it checks and stores it whole, or refuses it whole). */
  'coordinator.importSnapshotFile': mutation(ImportSnapshotFileInput, SnapshotFileReceipt),
  /** The range's consolidated tables as CSV, XLSX or ODS with the statistics exports' information block. */
  'coordinator.export': job(CoordinatorExportInput, CoordinatorExportResult),
} as const;
