import type { SessionKind } from '../../../shared/taxonomy';

// The journal's addresses (French, like every route). Parsed back in routes.tsx.
export const paths = {
  journal: '#/journal',
  newSession: (kind: SessionKind = 'individuel', timer?: { id: string; durationMin: number; startTime?: string }) =>
    `#/seance/nouvelle?type=${kind}${timer ? `&chrono=${timer.id}&duree=${timer.durationMin}${timer.startTime ? `&debut=${timer.startTime}` : ''}` : ''}`,
  // A copy is a new session prefilled from the source: nothing is written before its editor is saved.
  duplicateSession: (sourceId: string) => `#/seance/nouvelle?depuis=${sourceId}`,
  /** The journal with a session just saved shown at the top. */
  journalSaved: (id: string) => `#/journal?enregistree=${id}`,
  editSession: (id: string) => `#/seance/${id}`,
  followUps: '#/relances',
  templates: '#/modeles',
};
