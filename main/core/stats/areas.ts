import { createRequire } from 'node:module';
import { NOT_GIVEN, departementOf } from '../../../shared/stats/indicators';

const requireCjs = createRequire(import.meta.url);

/** The commune facts the areas need (main/core/communes/communes-index.ts gives them, injected). */
export interface PlaceOfCommune {
  name: string;
  epci: string | null;
  departement: string;
  departementName: string;
}

/** The key of a commune that belongs to no EPCI (the islands the official code leaves out of every EPCI). */
export const NO_EPCI = 'sans_epci';

/**
 * Area of residence: commune → EPCI (the members listed in @etalab/decoupage-administratif's epci.json, through
 * the communes index) and → département (from the INSEE code). EPCI names are read from the same file, on first
 * use only (the dashboard is the only screen that needs them).
 */
export function createAreas(communeOf: (code: string) => PlaceOfCommune | null) {
  let epciNames: Map<string, string> | null = null;
  const epciName = (code: string) => {
    if (!epciNames) {
      const raw = requireCjs('@etalab/decoupage-administratif/data/epci.json') as Array<{ code: string; nom: string }>;
      epciNames = new Map(raw.map((e) => [e.code, e.nom]));
    }
    return epciNames.get(code) ?? null;
  };
  return {
    communeName: (code: string) => (code === NOT_GIVEN ? null : (communeOf(code)?.name ?? null)),
    epciOf: (code: string) => (code === NOT_GIVEN ? NOT_GIVEN : (communeOf(code)?.epci ?? NO_EPCI)),
    epciName: (code: string) => (code === NOT_GIVEN || code === NO_EPCI ? null : epciName(code)),
    departementOf: (code: string) =>
      code === NOT_GIVEN ? NOT_GIVEN : (communeOf(code)?.departement ?? departementOf(code)),
    departementName: (dep: string, anyCommune: string) =>
      dep === NOT_GIVEN ? null : (communeOf(anyCommune)?.departementName ?? null),
  };
}
export type Areas = ReturnType<typeof createAreas>;
