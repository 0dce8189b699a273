import type { SessionKind } from '../../../shared/taxonomy';

// The journal's addresses (French, like every route). Parsed back in routes.tsx.
export const paths = {
  journal: '#/journal',
  newSession: (kind: SessionKind = 'individuel', timer?: { id: string; durationMin: number }) =>
    `#/seance/nouvelle?type=${kind}${timer ? `&chrono=${timer.id}&duree=${timer.durationMin}` : ''}`,
  // A copy is a new session prefilled from the source: nothing is written before its editor is saved.
  duplicateSession: (sourceId: string) => `#/seance/nouvelle?depuis=${sourceId}`,
  editSession: (id: string) => `#/seance/${id}`,
  followUps: '#/relances',
  templates: '#/modeles',
};
