import type { FieldIssue } from '../errors';
import { Guide } from './schema';

// Pure parsing of guide files (no file system here: main/core/guides/guide-files.ts reads the folder, tests and a
// future guide-pack import give text). Problems come back as data, never thrown, so one bad file never hides the others.

/** Larger than any sensible guide: a file above it is refused before JSON.parse. */
export const MAX_GUIDE_FILE_BYTES = 256 * 1024;

export type GuideParse = { ok: true; guide: Guide } | { ok: false; issues: FieldIssue[] };

export interface GuideFileText {
  /** The file name, e.g. "caf-prime-activite.json"; must be the guide's id plus ".json". */
  name: string;
  text: string;
}

export interface GuideFileProblem {
  name: string;
  issues: FieldIssue[];
}

export interface GuideSet {
  /** Valid guides, sorted by id. */
  guides: Guide[];
  problems: GuideFileProblem[];
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

export function parseGuide(raw: unknown): GuideParse {
  const parsed = Guide.safeParse(raw);
  if (parsed.success) return { ok: true, guide: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })) };
}

export function parseGuideText(text: string): GuideParse {
  if (text.length > MAX_GUIDE_FILE_BYTES) return { ok: false, issues: [{ path: '', message: 'guides.fileTooLarge' }] };
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, issues: [{ path: '', message: 'guides.notJson' }] };
  }
  return parseGuide(raw);
}

/** Parses a folder's worth of guide files: each must be valid, named after its id, and its id unique. */
export function loadGuideSet(files: readonly GuideFileText[]): GuideSet {
  const guides: Guide[] = [];
  const problems: GuideFileProblem[] = [];
  const seen = new Set<string>();
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    const parsed = parseGuideText(file.text);
    if (!parsed.ok) {
      problems.push({ name: file.name, issues: parsed.issues });
      continue;
    }
    const { guide } = parsed;
    if (file.name !== `${guide.id}.json`) {
      problems.push({ name: file.name, issues: [{ path: 'id', message: 'guides.fileNameMismatch' }] });
      continue;
    }
    if (seen.has(guide.id)) {
      problems.push({ name: file.name, issues: [{ path: 'id', message: 'guides.duplicateId' }] });
      continue;
    }
    seen.add(guide.id);
    guides.push(guide);
  }
  guides.sort((a, b) => a.id.localeCompare(b.id));
  return { guides, problems };
}
