import type { Outcome } from '../taxonomy';

// The outcome a session's guides suggest (guided mode). Only a suggestion: the editor fills it in when the mediator
// has chosen nothing, and the mediator may change it. Keys of shared/taxonomy.ts (OUTCOMES).

export interface GuideProgress {
  total: number;
  done: number;
  blocked: boolean;
}

/**
 * - a guide marked blocked: the person must come back (doit_revenir), whatever else was done;
 * - every step of every guide ticked: the procedure is done (finalisee);
 * - some steps ticked, not all: the person finishes alone (a_finaliser_en_autonomie);
 * - guides opened but nothing ticked (or no guide): no suggestion.
 */
export function suggestOutcome(guides: readonly GuideProgress[]): Outcome | null {
  if (guides.length === 0) return null;
  if (guides.some((g) => g.blocked)) return 'doit_revenir';
  const done = guides.reduce((n, g) => n + Math.min(g.done, g.total), 0);
  if (done === 0) return null;
  if (guides.every((g) => g.done >= g.total)) return 'finalisee';
  return 'a_finaliser_en_autonomie';
}
