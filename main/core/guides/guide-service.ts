import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { CoreError, type FieldIssue } from '../../../shared/errors';
import type { Clock } from '../../../shared/ids';
import {
  MAX_PACK_BYTES,
  MAX_PACK_GUIDES,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  type GuideDetail,
  type GuideIndexEntry,
  type GuideSummary,
  type ImportPackResult,
  type LocalMark,
} from '../../../shared/guides/api';
import { parseGuide } from '../../../shared/guides/load';
import type { Guide } from '../../../shared/guides/schema';
import type { Files } from '../files/files';
import type { Db } from '../storage/database';

// The guides a desk reads: the shipped files (resources/guides, read once on first use) overlaid by the desk's own
// versions (guide_overrides: a whole validated copy each, marked local with its date). Reverting deletes the copy.
// Guide packs carry a desk's own versions to another desk: a JSON file with a format and a version.

export interface GuideServiceDeps {
  db: Db;
  clock: Clock;
  files: Pick<Files, 'takeTarget' | 'takeSource'>;
  /** The shipped guides, valid ones only (read lazily: never at start). */
  shipped(): readonly Guide[];
}

type OverrideRow = {
  id: string;
  guide: string;
  based_on_reviewed_on: string | null;
  updated_at: number;
  source: 'edit' | 'pack';
};

interface Effective {
  guide: Guide;
  local: LocalMark | null;
}

/** Stable text of a guide, to tell an imported guide that changes nothing from one that does. */
const same = (a: Guide, b: Guide) => JSON.stringify(a) === JSON.stringify(b);

export function createGuideService({ db, clock, files, shipped }: GuideServiceDeps) {
  const s = {
    all: db.prepare('SELECT id, guide, based_on_reviewed_on, updated_at, source FROM guide_overrides'),
    upsert: db.prepare(`INSERT INTO guide_overrides (id, guide, based_on_reviewed_on, updated_at, source)
      VALUES (@id, @guide, @based_on_reviewed_on, @updated_at, @source)
      ON CONFLICT(id) DO UPDATE SET guide = excluded.guide, based_on_reviewed_on = excluded.based_on_reviewed_on,
        updated_at = excluded.updated_at, source = excluded.source`),
    remove: db.prepare('DELETE FROM guide_overrides WHERE id = ?'),
  };

  let shippedById: Map<string, Guide> | null = null;
  // Moves on every change of the desk's own guides: an index built from guideIndexEntries() knows when to rebuild.
  let revision = 0;
  const shippedMap = () => (shippedById ??= new Map(shipped().map((g) => [g.id, g])));

  /** Every guide as the desk reads it, sorted by title (French order). Overrides are few: read on each call. */
  function effective(): Map<string, Effective> {
    const out = new Map<string, Effective>();
    for (const [id, guide] of shippedMap()) out.set(id, { guide, local: null });
    for (const row of s.all.all() as OverrideRow[]) {
      const parsed = parseGuide(JSON.parse(row.guide));
      // A stored copy the current format no longer accepts is skipped (the shipped text answers), never a crash.
      if (!parsed.ok) continue;
      const base = shippedMap().get(row.id);
      out.set(row.id, {
        guide: parsed.guide,
        local: {
          updatedAt: new Date(row.updated_at).toISOString(),
          source: row.source,
          shipped: base !== undefined,
          shippedNewer:
            base !== undefined && row.based_on_reviewed_on !== null && base.reviewedOn > row.based_on_reviewed_on,
        },
      });
    }
    return out;
  }

  const sorted = () => [...effective().values()].sort((a, b) => a.guide.title.localeCompare(b.guide.title, 'fr'));

  function detail(id: string): GuideDetail {
    const found = effective().get(id);
    if (!found) throw new CoreError('not_found', 'guides.notFound');
    return { guide: found.guide, local: found.local };
  }

  function summaryOf({ guide, local }: Effective): GuideSummary {
    return {
      id: guide.id,
      title: guide.title,
      summary: guide.summary,
      operator: guide.operator,
      adminTopic: guide.adminTopic,
      steps: guide.steps.length,
      reviewedOn: guide.reviewedOn,
      local,
    };
  }

  function write(guide: Guide, source: 'edit' | 'pack'): void {
    s.upsert.run({
      id: guide.id,
      guide: JSON.stringify(guide),
      based_on_reviewed_on: shippedMap().get(guide.id)?.reviewedOn ?? null,
      updated_at: clock.now().getTime(),
      source,
    });
  }

  const saveTx = db.transaction((guide: Guide) => {
    revision++;
    write(guide, 'edit');
    return detail(guide.id);
  });

  const revertTx = db.transaction((id: string) => {
    revision++;
    if (s.remove.run(id).changes === 0) {
      if (shippedMap().has(id)) throw new CoreError('conflict', 'guides.notLocal');
      throw new CoreError('not_found', 'guides.notFound');
    }
    return { id, detail: shippedMap().has(id) ? detail(id) : null };
  });

  /** The pack's guides, all valid, or a refusal that names every problem (path: guides.<index>.<field>). */
  function parsePack(text: string): Guide[] {
    let raw: unknown;
    try {
      raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      throw new CoreError('invalid_input', 'guides.packNotJson');
    }
    const pack = raw as { format?: unknown; formatVersion?: unknown; guides?: unknown };
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || pack.format !== PACK_FORMAT)
      throw new CoreError('invalid_input', 'guides.packForeign');
    if (typeof pack.formatVersion !== 'number' || !Number.isInteger(pack.formatVersion) || pack.formatVersion < 1)
      throw new CoreError('invalid_input', 'guides.packForeign');
    if (pack.formatVersion > PACK_FORMAT_VERSION) throw new CoreError('invalid_input', 'guides.packNewer');
    if (!Array.isArray(pack.guides) || pack.guides.length === 0)
      throw new CoreError('invalid_input', 'guides.packEmpty');
    if (pack.guides.length > MAX_PACK_GUIDES) throw new CoreError('invalid_input', 'guides.packTooLarge');
    const issues: FieldIssue[] = [];
    const guides: Guide[] = [];
    const seen = new Set<string>();
    pack.guides.forEach((item, index) => {
      const parsed = parseGuide(item);
      if (!parsed.ok) {
        for (const i of parsed.issues)
          issues.push({ path: `guides.${index}${i.path ? `.${i.path}` : ''}`, message: i.message });
        return;
      }
      if (seen.has(parsed.guide.id)) issues.push({ path: `guides.${index}.id`, message: 'guides.duplicateId' });
      seen.add(parsed.guide.id);
      guides.push(parsed.guide);
    });
    // Nothing is written unless every guide is valid: a coordinator fixes the file and sends it again.
    if (issues.length) throw new CoreError('invalid_input', 'guides.packInvalid', issues.slice(0, 50));
    return guides;
  }

  const importTx = db.transaction((guides: Guide[]): ImportPackResult => {
    const current = effective();
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    for (const guide of guides) {
      const before = current.get(guide.id);
      if (before && same(before.guide, guide)) {
        unchanged++;
        continue;
      }
      if (before) updated++;
      else added++;
      write(guide, 'pack');
    }
    if (added + updated > 0) revision++;
    return { added, updated, unchanged, ids: guides.map((g) => g.id) };
  });

  return {
    list: (): GuideSummary[] => sorted().map(summaryOf),
    get: detail,
    saveOverride: (guide: Guide) => saveTx(guide),
    revert: (id: string) => revertTx(id),

    exportPack(targetId: string): { name: string; guides: number } {
      // The target is single use, taken first: a refused export leaves no grant behind (the file is never written).
      const target = files.takeTarget(targetId, 'guidePack');
      const part = `${target.path}.part`;
      try {
        const local = sorted().filter((e) => e.local !== null);
        if (local.length === 0) throw new CoreError('conflict', 'guides.packNothingLocal');
        const pack = {
          format: PACK_FORMAT,
          formatVersion: PACK_FORMAT_VERSION,
          exportedAt: clock.now().toISOString(),
          guides: local.map((e) => e.guide),
        };
        writeFileSync(part, `${JSON.stringify(pack, null, 2)}\n`, { mode: 0o600 });
        // The rename is the commit point: the chosen name never holds half a pack.
        renameSync(part, target.path);
        target.commit();
        return { name: target.name, guides: local.length };
      } catch (e) {
        rmSync(part, { force: true });
        target.abandon();
        throw e;
      }
    },

    async importPack(sourceId: string): Promise<ImportPackResult> {
      const source = files.takeSource(sourceId, 'guidePack');
      try {
        let text: string;
        try {
          if (statSync(source.path).size > MAX_PACK_BYTES) throw new CoreError('invalid_input', 'guides.packTooLarge');
          text = await readFile(source.path, 'utf8');
        } catch (e) {
          if (e instanceof CoreError) throw e;
          throw new CoreError('not_found', 'files.unreadable');
        }
        return importTx(parsePack(text));
      } finally {
        source.release();
      }
    },

    /** The guide as the desk reads it, or null (guided mode, handouts). */
    find: (id: string): Guide | null => effective().get(id)?.guide ?? null,

    /** Changes whenever the desk's own guides change (an edit, a revert, a pack): rebuild an index built before. */
    revision: () => revision,
    /** The shipped guides changed (a signed content pack was installed): read them again on next use. */
    reloadShipped(): void {
      shippedById = null;
      revision++;
    },
    /** For the search feature: what to index (built by the search feature, never at start). */
    guideIndexEntries: (): GuideIndexEntry[] =>
      sorted().map(({ guide, local }) => ({
        id: guide.id,
        title: guide.title,
        operator: guide.operator,
        keywords: guide.keywords,
        synonyms: guide.synonyms,
        local: local !== null,
      })),

    /** For the catalogue's fiche page: the guides that cite a service-public.fr fiche or service (F/R id). */
    citing: (ref: string): Array<{ id: string; title: string }> =>
      sorted()
        .filter((e) => e.guide.servicePublicRefs.includes(ref))
        .map((e) => ({ id: e.guide.id, title: e.guide.title })),
  };
}

export type GuideService = ReturnType<typeof createGuideService>;
