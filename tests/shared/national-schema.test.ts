import {
  DispositifProgrammeNational,
  FormationLabel,
  Service,
  fromSchemaLieuDeMediationNumerique,
  type SchemaLieuMediationNumerique,
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import { afterEach, describe, expect, it } from 'vitest';
import {
  NATIONAL_PROGRAMMES,
  NATIONAL_SERVICES,
  SITE_TYPES,
  TRAINING_LABELS,
  type SiteProfileInput,
} from '../../shared/site/schema';
import { LYON_SITE, call, callResult, openCore, removeTempDirs, testClock } from '../core/helpers';

afterEach(() => removeTempDirs());

describe('national schema of lieux de médiation numérique (ANCT)', () => {
  it('our lists of programmes, training labels and services are exactly the library enums, in order', () => {
    expect([...NATIONAL_PROGRAMMES]).toEqual(Object.values(DispositifProgrammeNational));
    expect([...TRAINING_LABELS]).toEqual(Object.values(FormationLabel));
    expect([...NATIONAL_SERVICES]).toEqual(Object.values(Service));
  });

  const variants: Array<[string, SiteProfileInput]> = [
    ['a France Services site in Lyon, no SIRET', LYON_SITE],
    [
      'a library in Saint-Étienne with a SIRET, every programme and label',
      {
        name: 'Médiathèque Tarentaize',
        siteType: 'mediatheque',
        communeCode: '42218',
        postcode: '42000',
        street: '3 bis avenue Jean Jaurès',
        siret: '732 829 320 00074',
        services: [...NATIONAL_SERVICES],
        programmes: [...NATIONAL_PROGRAMMES],
        trainingLabels: [...TRAINING_LABELS],
      },
    ],
    [
      'a CCAS in Ajaccio (Corsican INSEE code)',
      {
        name: "CCAS d'Ajaccio",
        siteType: 'ccas',
        communeCode: '2A004',
        postcode: '20000',
        street: '12 cours Napoléon (rez-de-chaussée)',
        services: ['Aide aux démarches administratives'],
      },
    ],
    [
      'an association in Saint-Denis (La Réunion)',
      {
        name: 'Association Lien Numérique',
        siteType: 'association',
        communeCode: '97411',
        postcode: '97400',
        street: '5 rue de Paris',
        services: ['Accès internet et matériel informatique'],
      },
    ],
  ];

  for (const [label, site] of variants) {
    it(`site.exportNationalRecord gives a record the library reads back: ${label}`, async () => {
      const core = openCore({ clock: testClock('2026-05-04T10:00:00.000Z') });
      const saved = await call(core, 'site.save', site);
      const { fileName, record } = await call(core, 'site.exportNationalRecord', {});
      expect(fileName).toBe(`lieu-mediation-numerique-${site.communeCode}.json`);

      const lieu = fromSchemaLieuDeMediationNumerique(record as unknown as SchemaLieuMediationNumerique);
      expect(lieu).toMatchObject({
        id: saved.id,
        nom: site.name,
        pivot: saved.siret || '00000000000000',
        adresse: {
          voie: site.street,
          code_postal: site.postcode,
          code_insee: site.communeCode,
          commune: saved.communeName,
        },
        services: site.services,
        source: 'Médiane',
      });
      expect(lieu.date_maj.toISOString().slice(0, 10)).toBe('2026-05-04');
      expect(lieu.dispositif_programmes_nationaux ?? []).toEqual(site.programmes ?? []);
      expect(lieu.formations_labels ?? []).toEqual(site.trainingLabels ?? []);
      core.close();
    });
  }

  it('every site type exports (with a typology when the national list has one)', async () => {
    for (const siteType of SITE_TYPES) {
      const core = openCore();
      await call(core, 'site.save', { ...LYON_SITE, siteType });
      const { record } = await call(core, 'site.exportNationalRecord', {});
      const lieu = fromSchemaLieuDeMediationNumerique(record as unknown as SchemaLieuMediationNumerique);
      expect(lieu.nom).toBe(LYON_SITE.name);
      if (siteType === 'france_services') expect(lieu.typologies).toEqual(['RFS']);
      core.close();
    }
  });

  it('refuses to export before setup, or without a street or services', async () => {
    const core = openCore();
    expect(await callResult(core, 'site.exportNationalRecord', {})).toEqual({
      ok: false,
      error: { code: 'setup_required', messageKey: 'site.setupRequired' },
    });
    await call(core, 'site.save', { ...LYON_SITE, street: '', services: [] });
    const r = await callResult(core, 'site.exportNationalRecord', {});
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        messageKey: 'site.exportIncomplete',
        issues: [
          { path: 'street', message: 'site.exportNeedsStreet' },
          { path: 'services', message: 'site.exportNeedsServices' },
        ],
      },
    });
    core.close();
  });
});
