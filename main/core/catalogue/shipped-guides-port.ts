import { locateShippedGuidesDir, readGuideDirectory } from '../guides/guide-files';
import type { CitedByPort } from './catalogue-service';

/**
 * Guides citing an entry, from the guides shipped in resources/guides (read on the first fiche shown, never at
 * start). The default until the guides feature's service (with the desk's local overrides) is wired instead through
 * `CoreOptions.catalogueCitedBy`, e.g. `guides.citing`.
 */
export function citedByShippedGuides(dir: () => string | null = locateShippedGuidesDir): CitedByPort {
  let index: Map<string, Array<{ id: string; title: string }>> | null = null;
  return (entryId) => {
    if (index === null) {
      index = new Map();
      const found = dir();
      for (const guide of found ? readGuideDirectory(found).guides : []) {
        for (const ref of guide.servicePublicRefs) {
          if (!index.has(ref)) index.set(ref, []);
          index.get(ref)!.push({ id: guide.id, title: guide.title });
        }
      }
    }
    return index.get(entryId) ?? [];
  };
}
