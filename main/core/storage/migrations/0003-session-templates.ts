import type { Migration } from './migration';

export const migration0003: Migration = {
  version: 3,
  name: 'session templates',
  sql: `
      -- The desk's templates (shared/journal/templates.ts). A desk has a few dozen at most, read all at once: the
      -- fields are one JSON object of taxonomy keys, not the session row's codes, so that a template never moves when
      -- codes are added. A template is a copy: editing or deleting one never touches a session.
      CREATE TABLE session_templates (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        fields TEXT NOT NULL CHECK (json_valid(fields)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX session_templates_by_position ON session_templates(position);
    `,
};
