import { createRequire } from 'node:module';
import type { NafEntry } from '../../../shared/diagnostic/contract';
import { NAF_CODE, nafSection } from '../../../shared/diagnostic/naf';

const requireCjs = createRequire(import.meta.url);

interface Entry extends NafEntry {
  key: string;
}

function normalise(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, ' ')
    .trim();
}

/**
 * The official NAF rév. 2 sub-classes (@socialgouv/codes-naf, INSEE's list), searchable by code or words of the
 * label, each with its section letter. Loaded on the first search: the first screen never waits for it.
 */
export function createNafIndex() {
  let entries: Entry[] | null = null;
  let byCode: Map<string, Entry> | null = null;
  const load = () => {
    if (entries) return entries;
    const raw = requireCjs('@socialgouv/codes-naf/index.json') as Array<{ id: string; label: string }>;
    entries = raw
      .filter((r) => NAF_CODE.test(r.id))
      .map((r) => ({
        code: r.id,
        label: r.label,
        section: nafSection(r.id) ?? '?',
        key: normalise(`${r.id} ${r.label}`),
      }));
    byCode = new Map(entries.map((e) => [e.code, e]));
    return entries;
  };
  const strip = ({ code, label, section }: Entry): NafEntry => ({ code, label, section });
  return {
    get(code: string): NafEntry | null {
      load();
      const e = byCode!.get(code);
      return e ? strip(e) : null;
    },
    /** Every word typed must appear (a code prefix "47.1" or "4711" works too); codes starting with it come first. */
    search(query: string, limit: number): NafEntry[] {
      const all = load();
      const q = normalise(query);
      if (!q) return [];
      const compact = q.replace(/\s/g, '');
      const codeLike = /^\d{2}\.?\d{0,2}[a-z]?$/.test(compact) ? compact.replace(/^(\d{2})(\d)/, '$1.$2') : null;
      const words = q.split(' ');
      const found: NafEntry[] = [];
      if (codeLike)
        for (const e of all)
          if (e.code.toLowerCase().startsWith(codeLike) && found.length < limit) found.push(strip(e));
      for (const e of all) {
        if (found.length >= limit) break;
        if (codeLike && e.code.toLowerCase().startsWith(codeLike)) continue;
        if (words.every((w) => e.key.includes(w))) found.push(strip(e));
      }
      return found;
    },
  };
}
export type NafIndex = ReturnType<typeof createNafIndex>;

interface RawDepartement {
  code: string;
  nom: string;
}

/** The départements (official list, the same data as the communes), for the business's location. */
export function loadDepartements(): Array<{ code: string; name: string }> {
  const raw = requireCjs('@etalab/decoupage-administratif/data/departements.json') as RawDepartement[];
  return raw.map((d) => ({ code: d.code, name: d.nom }));
}
