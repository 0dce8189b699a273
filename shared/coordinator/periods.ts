/**
 * The coordinator's periods, as ranges of the hub's own period keys: months (YYYY-MM) on a monthly hub, ISO weeks
 * (YYYY-Www, Monday to Sunday, the week belonging to the year of its Thursday) on a weekly one. The hub only holds
 * whole closed periods, so a month, quarter or year of a weekly hub is the weeks whose Thursday falls in it: every
 * week belongs to exactly one month, and consecutive months never count a week twice. Pure UTC date arithmetic.
 */
export type Granularity = 'month' | 'week';
export const COORDINATOR_UNITS = ['week', 'month', 'quarter', 'year', 'custom'] as const;
export type CoordinatorUnit = (typeof COORDINATOR_UNITS)[number];

export interface HubPeriod {
  unit: CoordinatorUnit;
  /** Hub period keys, both ends included, both of the hub's granularity. */
  from: string;
  to: string;
}

export const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/;
export const WEEK_KEY = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;

const DAY_MS = 86_400_000;
const toUtc = (iso: string) => Date.parse(`${iso}T00:00:00.000Z`);
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

export const granularityOf = (key: string): Granularity => (key.includes('W') ? 'week' : 'month');

/** The units a hub of this granularity can answer: a monthly hub has no weeks. */
export const unitsFor = (g: Granularity): CoordinatorUnit[] =>
  COORDINATOR_UNITS.filter((u) => u !== 'week' || g === 'week');

/** The ISO week key of a date (YYYY-MM-DD). */
export function weekKeyOf(date: string): string {
  const t = toUtc(date);
  const thursday = t + (3 - ((new Date(t).getUTCDay() + 6) % 7)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${pad(week)}`;
}

/** The Monday of an ISO week key. */
export function mondayOf(key: string): string {
  const year = Number(key.slice(0, 4));
  const week = Number(key.slice(6));
  const jan4 = Date.UTC(year, 0, 4);
  const firstMonday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  return isoOf(firstMonday + (week - 1) * 7 * DAY_MS);
}

/** The first and last calendar day a range of keys covers (for the screen and the files' information block). */
export function periodDays(p: { from: string; to: string }): { from: string; to: string } {
  if (granularityOf(p.from) === 'week')
    return { from: mondayOf(p.from), to: isoOf(toUtc(mondayOf(p.to)) + 6 * DAY_MS) };
  const [y, m] = p.to.split('-').map(Number) as [number, number];
  return { from: `${p.from}-01`, to: isoOf(Date.UTC(y, m, 0)) };
}

/** The key `n` periods after `key` (before when negative). */
export function addPeriods(key: string, n: number): string {
  if (granularityOf(key) === 'week') return weekKeyOf(isoOf(toUtc(mondayOf(key)) + n * 7 * DAY_MS));
  const index = Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** How many periods a range holds, both ends included. */
export function periodCount(p: { from: string; to: string }): number {
  if (granularityOf(p.from) === 'week') return (toUtc(mondayOf(p.to)) - toUtc(mondayOf(p.from))) / (7 * DAY_MS) + 1;
  const index = (k: string) => Number(k.slice(0, 4)) * 12 + Number(k.slice(5, 7));
  return index(p.to) - index(p.from) + 1;
}

/** The last period that is over on `today` (YYYY-MM-DD): last month, or last week. */
export function lastClosed(g: Granularity, today: string): string {
  return g === 'week' ? addPeriods(weekKeyOf(today), -1) : addPeriods(today.slice(0, 7), -1);
}

/** The weeks whose Thursday falls between two days (a month, quarter or year of a weekly hub). */
function weeksBetween(firstDay: string, lastDay: string): { from: string; to: string } {
  const first = toUtc(firstDay);
  const last = toUtc(lastDay);
  const firstThursday = first + ((4 - new Date(first).getUTCDay() + 7) % 7) * DAY_MS;
  const lastThursday = last - ((new Date(last).getUTCDay() - 4 + 7) % 7) * DAY_MS;
  return { from: weekKeyOf(isoOf(firstThursday)), to: weekKeyOf(isoOf(lastThursday)) };
}

/**
 * The week, month, quarter or year holding the period `key` (for a week: the month of its Thursday); a custom
 * period starts as the period itself.
 */
export function periodAround(unit: CoordinatorUnit, key: string): HubPeriod {
  const g = granularityOf(key);
  if (unit === 'custom') return { unit, from: key, to: key };
  if (g === 'week') {
    if (unit === 'week') return { unit, from: key, to: key };
    const thursday = new Date(toUtc(mondayOf(key)) + 3 * DAY_MS);
    const y = thursday.getUTCFullYear();
    if (unit === 'year') return { unit, ...weeksBetween(`${y}-01-01`, `${y}-12-31`) };
    const m = thursday.getUTCMonth();
    const start = unit === 'quarter' ? m - (m % 3) : m;
    const months = unit === 'quarter' ? 3 : 1;
    return { unit, ...weeksBetween(isoOf(Date.UTC(y, start, 1)), isoOf(Date.UTC(y, start + months, 0))) };
  }
  const y = key.slice(0, 4);
  const m = Number(key.slice(5, 7)) - 1;
  if (unit === 'year') return { unit, from: `${y}-01`, to: `${y}-12` };
  if (unit === 'quarter') {
    const q = m - (m % 3);
    return { unit, from: `${y}-${pad(q + 1)}`, to: `${y}-${pad(q + 3)}` };
  }
  // A week asked of a monthly hub: its month.
  return { unit: 'month', from: key, to: key };
}

/** The period before (-1) or after (+1) of the same unit; a custom range moves by its own length. */
export function shiftPeriod(p: HubPeriod, step: -1 | 1): HubPeriod {
  if (p.unit === 'custom') {
    const n = periodCount(p) * step;
    return { unit: 'custom', from: addPeriods(p.from, n), to: addPeriods(p.to, n) };
  }
  return periodAround(p.unit, step < 0 ? addPeriods(p.from, -1) : addPeriods(p.to, 1));
}

/** The default view: the month (or, on a weekly hub, the month of weeks) holding the last closed period. */
export function defaultPeriod(g: Granularity, today: string): HubPeriod {
  return periodAround('month', lastClosed(g, today));
}
