import type { ContractExamples } from '../contract';
import type { journalContract } from './contract';
import type { SessionInput } from './schema';

/** The most common session at a France Services desk: help with a CAF procedure, 30 minutes, done. */
export const ORDINARY_SESSION = {
  kind: 'individuel',
  date: '2026-03-10',
  durationMin: 30,
  channel: 'lieu_activite',
  topics: ['aide_aux_demarches_administratives'],
  adminTopics: ['social_sante'],
  operators: ['caf'],
  procedureName: 'Demande de RSA',
  outcome: 'finalisee',
} as const satisfies SessionInput;

const followedUp: SessionInput = {
  ...ORDINARY_SESSION,
  outcome: 'doit_revenir',
  followUp: { dueDate: '2026-03-20', reason: 'Relancer' },
  person: { communeCode: '69123' },
};

const workshop: SessionInput = {
  kind: 'collectif',
  date: '2026-03-10',
  durationMin: 120,
  channel: 'lieu_activite',
  topics: ['email', 'securite_numerique'],
  workshop: {
    title: 'Premiers pas avec la messagerie',
    level: 'debutant',
    participants: 8,
    byGender: { feminin: 5, masculin: 3 },
  },
};

export const journalExamples: ContractExamples<keyof typeof journalContract> = async (call) => {
  const { id } = await call('journal.create', followedUp);
  await call('journal.create', workshop);
  const timer = await call('journal.startTimer', {});
  const template = await call('journal.createTemplate', { sessionId: id, name: 'CAF - RSA, 30 min' });
  const other = await call('journal.createTemplate', { sessionId: id, name: 'Atelier messagerie' });
  return {
    'journal.create': followedUp,
    'journal.update': { id, session: workshop },
    'journal.get': { id },
    'journal.delete': { id },
    'journal.restore': { id },
    'journal.list': {
      filter: { from: '2026-01-01', operator: 'caf', followUpDue: true },
      sort: 'duration_asc',
      offset: 0,
      limit: 20,
    },
    'journal.followUps': {},
    'journal.closeFollowUp': { id },
    'journal.startTimer': {},
    'journal.timers': {},
    'journal.cancelTimer': { id: timer.id },
    'journal.templates': {},
    'journal.createTemplate': { sessionId: id, name: 'CAF - prime d’activité, 30 min, finalisée' },
    'journal.renameTemplate': { id: template.id, name: 'CAF - RSA' },
    'journal.moveTemplate': { id: other.id, position: 0 },
    'journal.deleteTemplate': { id: template.id },
    'journal.memory': {},
    'journal.labelTimer': { id: timer.id, label: 'CAF - prime d’activité' },
  };
};
