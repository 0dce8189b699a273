import type { SessionLinkPort } from './ports';

// Opening a guide from the search while a live session runs adds it to that session's guides (the guided mode of
// the guides feature records them per timer and moves them to the session when it is saved). The running session is
// the one the header shows: the oldest running timer.

export interface SessionLinkDeps {
  /** The running timer the header shows, or null when none runs (the journal's timers, oldest first). */
  runningTimerId(): string | null;
  /** Adds the guide to the timer's guides (the guides feature; already there is not an error). */
  openGuide(timerId: string, guideId: string): void;
}

/** Links guides only: the guided mode records guides per session, not catalogue entries. */
export function linkGuidesToRunningTimer(deps: SessionLinkDeps): SessionLinkPort {
  return {
    linkToRunningSession(ref) {
      if (ref.kind !== 'guide') return null;
      const timerId = deps.runningTimerId();
      if (!timerId) return null;
      deps.openGuide(timerId, ref.id);
      return timerId;
    },
  };
}
