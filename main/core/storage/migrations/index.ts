import type { Migration } from './migration';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-lean-session-row';
import { migration0003 } from './0003-session-templates';
import { migration0004 } from './0004-timer-label';
import { migration0005 } from './0005-stats-rollups';
import { migration0006 } from './0006-session-guides';
import { migration0007 } from './0007-diagnoses';
import { migration0010 } from './0010-sync-outbox';
import { migration0011 } from './0011-stats-yearly-rollups';

export { checksum, type Migration } from './migration';

/** Every migration, in order. A new one is a new file beside this one, added at the end of this list. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0010,
  migration0011,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
