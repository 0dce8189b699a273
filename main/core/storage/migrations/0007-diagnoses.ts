import type { Migration } from './migration';

// TPE/PME digital-maturity diagnoses (issue 9). A diagnosis keeps the questionnaire version it was answered with, so
// it is always re-scored with that version; scores are never stored (they are pure functions of the answers). The
// business description and the answers are JSON: the questionnaire is data that changes by version, not schema.
// Deleting one on the business's request removes the row (no soft delete: it is their data). Numbered 7 by plan.
export const migration0007: Migration = {
  version: 7,
  name: 'diagnoses',
  sql: `CREATE TABLE diagnoses (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  mode TEXT NOT NULL CHECK (mode IN ('mediateur', 'autonome')),
  questionnaire_version TEXT NOT NULL,
  business TEXT,
  siren TEXT,
  answers TEXT NOT NULL DEFAULT '{}',
  previous_id TEXT,
  journal_session_id TEXT,
  started_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  completed_at TEXT
);
CREATE INDEX diagnoses_by_siren ON diagnoses (siren, completed_at) WHERE siren IS NOT NULL;`,
};
