import {
  Adresse,
  DispositifProgrammesNationaux,
  FormationsLabels,
  Id,
  Nom,
  Pivot,
  Services,
  Typologies,
  Typologie,
  toSchemaLieuMediationNumerique,
  type DispositifProgrammeNational,
  type FormationLabel,
  type LieuMediationNumerique,
  type Service,
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import { CoreError } from '../../../shared/errors';
import type { Clock, IdSource } from '../../../shared/ids';
import type { NationalRecordExport, SiteProfile } from '../../../shared/site/schema';
import type { ParsedInput } from '../../../shared/contract';
import type { CommunesIndex } from '../communes/communes-index';
import type { Db } from '../storage/database';

// The national schema's pivot when an establishment has neither SIRET nor RNA number.
const UNKNOWN_PIVOT = '00000000000000';

const TYPOLOGY_OF_SITE: Partial<Record<SiteProfile['siteType'], Typologie>> = {
  france_services: Typologie.RFS,
  mediatheque: Typologie.BIB,
  ccas: Typologie.CCAS,
  association: Typologie.ASSO,
};

export function createSiteService(db: Db, clock: Clock, newId: IdSource, communes: CommunesIndex) {
  const get = db.prepare('SELECT id, data, created_at, updated_at FROM site LIMIT 1');
  const insert = db.prepare('INSERT INTO site (id, data, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const update = db.prepare('UPDATE site SET data = ?, updated_at = ? WHERE id = ?');

  function read(): SiteProfile | null {
    const row = get.get() as { id: string; data: string; created_at: string; updated_at: string } | undefined;
    if (!row) return null;
    return {
      ...(JSON.parse(row.data) as Omit<SiteProfile, 'id' | 'createdAt' | 'updatedAt'>),
      id: row.id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  const save = db.transaction((input: ParsedInput<'site.save'>): SiteProfile => {
    const commune = communes.get(input.communeCode);
    if (!commune)
      throw new CoreError('invalid_input', undefined, [{ path: 'communeCode', message: 'site.communeInvalid' }]);
    if (!commune.postcodes.includes(input.postcode)) {
      throw new CoreError('invalid_input', undefined, [{ path: 'postcode', message: 'site.postcodeNotInCommune' }]);
    }
    const data = { ...input, communeName: commune.name };
    const now = clock.now().toISOString();
    const existing = read();
    if (existing) update.run(JSON.stringify(data), now, existing.id);
    else insert.run(newId(), JSON.stringify(data), now, now);
    return read()!;
  });

  return {
    get: read,
    save: (input: ParsedInput<'site.save'>) => save(input),
    /** The site as a record of the national schema of "lieux de médiation numérique", built and validated by the ANCT library. */
    exportNationalRecord(): NationalRecordExport {
      const site = read();
      if (!site) throw new CoreError('setup_required', 'site.setupRequired');
      const issues = [];
      if (!site.street) issues.push({ path: 'street', message: 'site.exportNeedsStreet' });
      if (site.services.length === 0) issues.push({ path: 'services', message: 'site.exportNeedsServices' });
      if (issues.length) throw new CoreError('invalid_input', 'site.exportIncomplete', issues);
      try {
        const typology = TYPOLOGY_OF_SITE[site.siteType];
        const lieu: LieuMediationNumerique = {
          id: Id(site.id),
          nom: Nom(site.name),
          pivot: Pivot(site.siret || UNKNOWN_PIVOT),
          adresse: Adresse({
            voie: site.street,
            code_postal: site.postcode,
            code_insee: site.communeCode,
            commune: site.communeName,
          }),
          services: Services(site.services as Service[]),
          date_maj: new Date(site.updatedAt),
          source: 'Médiane',
          ...(typology ? { typologies: Typologies([typology]) } : {}),
          ...(site.programmes.length
            ? {
                dispositif_programmes_nationaux: DispositifProgrammesNationaux(
                  site.programmes as DispositifProgrammeNational[],
                ),
              }
            : {}),
          ...(site.trainingLabels.length
            ? { formations_labels: FormationsLabels(site.trainingLabels as FormationLabel[]) }
            : {}),
        };
        const record = toSchemaLieuMediationNumerique(lieu) as unknown as Record<string, string | number>;
        return { fileName: `lieu-mediation-numerique-${site.communeCode}.json`, record };
      } catch {
        throw new CoreError('invalid_input', 'site.exportRejected');
      }
    },
  };
}
