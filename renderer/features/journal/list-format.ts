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

export const PERIODS = ['today', 'week', 'month', 'lastMonth'] as const;
export type Period = (typeof PERIODS)[number];

/** A period preset as its first and last days (ISO), weeks from Monday, by the local calendar of `todayIso`. */
export function periodRange(period: Period, todayIso: string = today()): { from: string; to: string } {
  const [y, m, d] = todayIso.split('-').map(Number) as [number, number, number];
  const iso = (date: Date) =>
    `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
  const day = (yy: number, mm: number, dd: number) => iso(new Date(Date.UTC(yy, mm - 1, dd)));
  switch (period) {
    case 'today':
      return { from: todayIso, to: todayIso };
    case 'week': {
      const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
      return { from: day(y, m, d - weekday), to: day(y, m, d - weekday + 6) };
    }
    case 'month':
      return { from: day(y, m, 1), to: day(y, m + 1, 0) };
    case 'lastMonth':
      return { from: day(y, m - 1, 1), to: day(y, m, 0) };
  }
}

/** The preset a period filter stands for, 'all' with no bounds, null for bounds typed by hand. */
export function periodOf(from: string | null, to: string | null, todayIso: string = today()): Period | 'all' | null {
  if (from === null && to === null) return 'all';
  return (
    PERIODS.find((p) => {
      const r = periodRange(p, todayIso);
      return r.from === from && r.to === to;
    }) ?? null
  );
}
