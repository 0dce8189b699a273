import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadGuideSet, type GuideSet } from '../../../shared/guides/load';
import { readGuideFileTexts } from '../guides/guide-files';

// A guides pack carries guide files in the format of resources/guides (one <id>.json each, in any sub-folder, as
// `content:sign` packs a folder). They are read and validated by the same code as the shipped guides: data, never code.

function foldersWithJson(dir: string, out: string[] = []): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && e.name.endsWith('.json'))) out.push(dir);
  for (const e of entries) if (e.isDirectory()) foldersWithJson(join(dir, e.name), out);
  return out;
}

/** Every guide file of an installed (or staged) guides pack, validated. */
export function readGuidePack(dir: string): GuideSet {
  const texts = foldersWithJson(dir).flatMap((folder) =>
    readGuideFileTexts(folder).map((f) => ({ name: basename(f.name), text: f.text })),
  );
  return loadGuideSet(texts);
}
