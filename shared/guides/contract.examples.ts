import type { ContractExamples } from '../contract';
import type { guidesContract } from './contract';
import { GUIDE_FORMAT_VERSION, type Guide } from './schema';

/** A guide a desk adds of its own (not shipped): small but complete, valid against the format. */
export const DESK_GUIDE: Guide = {
  formatVersion: GUIDE_FORMAT_VERSION,
  id: 'lieu-cheque-energie-local',
  title: 'Chèque énergie : vérifier son éligibilité',
  summary: 'Vérifier avec la personne si elle a droit au chèque énergie et où le trouver.',
  operator: 'autre_operateur',
  adminTopic: 'logement',
  topics: ['aide_aux_demarches_administratives'],
  audience: ['particuliers'],
  entryPoints: [{ label: 'Chèque énergie', url: 'https://www.chequeenergie.gouv.fr/' }],
  prerequisites: [{ kind: 'document', label: 'Le dernier avis d’impôt sur le revenu' }],
  steps: [
    {
      number: 1,
      title: 'Ouvrir le site du chèque énergie',
      action: 'Aller sur chequeenergie.gouv.fr avec la personne et choisir « Suis-je éligible ? ».',
      check: 'La page du test d’éligibilité est affichée.',
    },
    {
      number: 2,
      title: 'Saisir les informations de l’avis',
      action: 'Saisir le revenu fiscal de référence et le nombre de parts indiqués sur l’avis d’impôt.',
      check: 'Le site donne une réponse claire.',
    },
  ],
  pitfalls: ['Le chèque est envoyé automatiquement : il n’y a pas de demande à faire.'],
  redirections: [],
  franceConnect: { support: 'no' },
  aidantsConnect: { relevant: false, url: 'https://aidantsconnect.beta.gouv.fr/' },
  typicalDurationMinutes: 15,
  servicePublicRefs: ['F35003'],
  keywords: ['énergie', 'facture'],
  synonyms: ['chèque énergie'],
  sources: [{ label: 'Chèque énergie', url: 'https://www.chequeenergie.gouv.fr/' }],
  reviewedOn: '2026-11-15',
};

// The desk's own guide is saved first, so that opening, exporting and reverting have something to work on; the
// pack source comes from the fuzz test's dialogs (a file that is not a pack: refused).
export const guidesExamples: ContractExamples<keyof typeof guidesContract> = async (call) => {
  await call('guides.saveOverride', { guide: DESK_GUIDE });
  // A second one that no example reverts: the pack export always has something to write.
  await call('guides.saveOverride', { guide: { ...DESK_GUIDE, id: 'lieu-guide-a-partager' } });
  const timer = await call('journal.startTimer', {});
  await call('guides.open', { holder: { timerId: timer.id }, id: DESK_GUIDE.id });
  const target = await call('files.pickSave', { purpose: 'guidePack', suggestedName: 'guides-lyon.json' });
  const source = await call('files.pickOpen', { purpose: 'guidePack' });
  if (!target || !source) throw new Error('the fuzz test’s dialogs always answer a file');
  const holder = { timerId: timer.id };
  return {
    'guides.list': {},
    'guides.get': { id: DESK_GUIDE.id },
    'guides.saveOverride': { guide: { ...DESK_GUIDE, title: 'Chèque énergie : qui y a droit ?' } },
    'guides.revert': { id: DESK_GUIDE.id },
    'guides.exportPack': { targetId: target.targetId },
    'guides.importPack': { sourceId: source.sourceId },
    'guides.session': { holder },
    'guides.open': { holder, id: DESK_GUIDE.id },
    'guides.tick': { holder, id: DESK_GUIDE.id, step: 1, done: true },
    'guides.block': { holder, id: DESK_GUIDE.id, blocked: true },
    'guides.close': { holder, id: DESK_GUIDE.id },
    'guides.used': {},
    'guides.preferences': {},
    'guides.setPreferences': { cleanPcChecklist: false },
  };
};
