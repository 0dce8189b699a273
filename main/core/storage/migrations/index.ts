import type { Migration } from './migration';
import { migration0001 } from './0001-initial';

export { checksum, type Migration } from './migration';

/** Every migration, in order. A new one is a new file beside this one, added at the end of this list. */
export const MIGRATIONS: readonly Migration[] = [migration0001];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
