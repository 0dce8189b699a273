import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The demo catalogue's archives shipped in `resources/catalogue/` (demo-<audience>.zip); empty when absent. */
export function demoArchives(resourcesDir: string): string[] {
  const dir = join(resourcesDir, 'catalogue');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^demo-[a-z]+\.zip$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}
