import { createHash } from 'node:crypto';

// Forward-only: a shipped migration is never edited (its checksum is recorded and checked at every open);
// a change of schema is a new file here with the next number, listed in index.ts, and a test of its own.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}
