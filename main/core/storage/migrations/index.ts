import type { Migration } from './migration';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-lean-session-row';
import { migration0003 } from './0003-session-templates';
import { migration0004 } from './0004-timer-label';
import { migration0005 } from './0005-stats-rollups';

export { checksum, type Migration } from './migration';

/** Every migration, in order. A new one is a new file beside this one, added at the end of this list. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
