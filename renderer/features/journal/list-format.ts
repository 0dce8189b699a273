import { MAX_DURATION_MIN } from '../../../shared/taxonomy';
import { today } from '../../lib/format';

// The journal's own rules for its list, live timers and follow-ups; formatters every screen uses are in
// renderer/lib/format.ts.

/** Minutes to record for a timer: rounded up, at least 1, at most the longest session the journal accepts. */
export function elapsedMinutes(ms: number): number {
  return Math.min(MAX_DURATION_MIN, Math.max(1, Math.ceil(ms / 60_000)));
}

/** Milliseconds since an ISO instant, by this computer's clock. */
export function elapsedSince(isoInstant: string): number {
  return Date.now() - Date.parse(isoInstant);
}

/** An ISO instant as HH:MM by this computer's clock, the way a session's start time is recorded. */
export function localClockTime(isoInstant: string): string {
  const d = new Date(isoInstant);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}`;
}

export type DueState = 'overdue' | 'today' | 'upcoming';
export function dueState(dueDate: string, todayIso: string = today()): DueState {
  if (dueDate < todayIso) return 'overdue';
  return dueDate === todayIso ? 'today' : 'upcoming';
}
