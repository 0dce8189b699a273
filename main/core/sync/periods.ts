import type { Granularity, Period } from '../../../shared/sync/snapshot';
import { addDays } from '../../../shared/stats/period';

// The periods a hub counts by (one granularity per hub): calendar months, or ISO weeks (Monday to Sunday). Pure date
// arithmetic on the journal's own dates (a session's date is the desk's local day).

const DAY_MS = 86_400_000;
const toUtc = (iso: string) => Date.parse(`${iso}T00:00:00.000Z`);
const pad = (n: number) => String(n).padStart(2, '0');

export interface PeriodRange {
  period: Period;
  from: string;
  to: string;
}

/** The ISO week key (YYYY-Www) of a date: the week belongs to the year of its Thursday. */
export function isoWeekKey(date: string): string {
  const t = toUtc(date);
  const dow = (new Date(t).getUTCDay() + 6) % 7;
  const thursday = new Date(t + (3 - dow) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** The period holding `date`. */
export function periodOf(granularity: Granularity, date: string): PeriodRange {
  if (granularity === 'month') {
    const [y, m] = date.split('-').map(Number) as [number, number];
    const to = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    return { period: { granularity, key: `${y}-${pad(m)}` }, from: `${y}-${pad(m)}-01`, to };
  }
  const dow = (new Date(toUtc(date)).getUTCDay() + 6) % 7;
  const from = addDays(date, -dow);
  return { period: { granularity, key: isoWeekKey(date) }, from, to: addDays(from, 6) };
}

/** The period of a key (YYYY-MM or YYYY-Www). */
export function periodOfKey(key: string): PeriodRange {
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!week) return periodOf('month', `${key}-01`);
  const [year, n] = [Number(week[1]), Number(week[2])];
  // The Monday of week 1 is the Monday of the week holding 4 January.
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS + (n - 1) * 7 * DAY_MS;
  return periodOf('week', new Date(monday).toISOString().slice(0, 10));
}

/**
 * The periods from the one holding `first` to the last one closed on `today`: a period is closed once `graceDays`
 * have passed after its last day (late entries of its last days are still counted).
 */
export function closedPeriods(
  granularity: Granularity,
  first: string,
  today: string,
  graceDays: number,
): PeriodRange[] {
  const out: PeriodRange[] = [];
  let p = periodOf(granularity, first);
  while (addDays(p.to, graceDays) < today) {
    out.push(p);
    p = periodOf(granularity, addDays(p.to, 1));
  }
  return out;
}
