import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGuideSet, MAX_GUIDE_FILE_BYTES, type GuideFileText, type GuideSet } from '../../../shared/guides/load';

// Reads the shipped guides (resources/guides/*.json) from disk; parsing and checks are shared/guides/load.ts.

/**
 * Finds resources/guides by walking up from this module: the same code runs from the sources (tests, browser
 * mode in development: main/core/guides/) and bundled (out/main/, inside app.asar once packaged).
 */
export function locateShippedGuidesDir(from: string = dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources', 'guides');
    if (existsSync(join(candidate, 'README.md'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

/** The guide files of a folder (every *.json; README.md and the rest ignored), as text. */
export function readGuideFileTexts(dir: string): GuideFileText[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      // Oversized files are not read whole: their text is cut to one byte past the cap, which the parser refuses.
      const size = statSync(path).size;
      const text = size > MAX_GUIDE_FILE_BYTES ? ' '.repeat(MAX_GUIDE_FILE_BYTES + 1) : readFileSync(path, 'utf8');
      return { name, text };
    });
}

/** Reads and validates every guide of a folder. Invalid files are reported in `problems`, the valid ones kept. */
export function readGuideDirectory(dir: string): GuideSet {
  return loadGuideSet(readGuideFileTexts(dir));
}
