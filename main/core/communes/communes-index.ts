import { createRequire } from 'node:module';
import type { Commune } from '../../../shared/communes/schema';

const requireCjs = createRequire(import.meta.url);

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  codesPostaux?: string[];
  population?: number;
}
interface RawEpci {
  code: string;
  membres: Array<{ code: string }>;
}
interface RawDepartement {
  code: string;
  nom: string;
}

interface Entry {
  commune: Commune;
  key: string;
}

export function normaliseName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-'’]/g, ' ')
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Offline commune lookup over the official geographic code (INSEE, via @etalab/decoupage-administratif).
 * Loaded on first use (about 35,000 current communes) and kept in memory.
 */
export function createCommunesIndex() {
  let entries: Entry[] | null = null;
  let byCode: Map<string, Commune> | null = null;

  function load() {
    if (entries) return;
    const communes = requireCjs('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
    const epcis = requireCjs('@etalab/decoupage-administratif/data/epci.json') as RawEpci[];
    const departements = requireCjs('@etalab/decoupage-administratif/data/departements.json') as RawDepartement[];
    const epciOf = new Map<string, string>();
    for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, e.code);
    const depName = new Map(departements.map((d) => [d.code, d.nom]));
    entries = communes
      .filter((c) => c.type === 'commune-actuelle')
      .map((c) => ({
        key: normaliseName(c.nom),
        commune: {
          code: c.code,
          name: c.nom,
          postcodes: c.codesPostaux ?? [],
          departement: c.departement,
          departementName: depName.get(c.departement) ?? c.departement,
          epci: epciOf.get(c.code) ?? null,
          population: c.population ?? null,
        },
      }))
      .sort((a, b) => (b.commune.population ?? 0) - (a.commune.population ?? 0));
    byCode = new Map(entries.map((e) => [e.commune.code, e.commune]));
  }

  return {
    warm: load,
    get(code: string): Commune | null {
      load();
      return byCode!.get(code) ?? null;
    },
    exists(code: string): boolean {
      load();
      return byCode!.has(code);
    },
    /** By postcode (or INSEE code) when the query is digits, else by name: prefix matches first, biggest first. */
    search(query: string, limit: number): Commune[] {
      load();
      const q = query.trim();
      if (/^\d[\dAB]{0,4}$/i.test(q)) {
        const upper = q.toUpperCase();
        return entries!
          .filter((e) => e.commune.postcodes.some((p) => p.startsWith(upper)) || e.commune.code === upper)
          .slice(0, limit)
          .map((e) => e.commune);
      }
      const key = normaliseName(q);
      if (!key) return [];
      const prefix: Commune[] = [];
      const inner: Commune[] = [];
      for (const e of entries!) {
        if (e.key.startsWith(key)) prefix.push(e.commune);
        else if (inner.length < limit && e.key.includes(` ${key}`)) inner.push(e.commune);
        if (prefix.length >= limit) break;
      }
      return [...prefix, ...inner].slice(0, limit);
    },
  };
}

export type CommunesIndex = ReturnType<typeof createCommunesIndex>;
