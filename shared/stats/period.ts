/**
 * Periods of the dashboard, as calendar dates (YYYY-MM-DD, the journal's own dates: a session's date is the
 * desk's local day). Pure UTC arithmetic on dates, so no time zone can move a day.
 */
export const PERIOD_UNITS = ['week', 'month', 'quarter', 'year', 'custom'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

export interface Period {
  unit: PeriodUnit;
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const toUtc = (iso: string) => Date.parse(`${iso}T00:00:00.000Z`);
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ymd = (y: number, m: number, d: number) => isoOf(Date.UTC(y, m, d));

/** The week (Monday to Sunday), month, quarter or year holding `date`; a custom period is the day itself. */
export function periodAround(unit: PeriodUnit, date: string): Period {
  const t = toUtc(date);
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (unit) {
    case 'week': {
      const monday = t - ((d.getUTCDay() + 6) % 7) * DAY_MS;
      return { unit, from: isoOf(monday), to: isoOf(monday + 6 * DAY_MS) };
    }
    case 'month':
      return { unit, from: ymd(y, m, 1), to: ymd(y, m + 1, 0) };
    case 'quarter': {
      const q = m - (m % 3);
      return { unit, from: ymd(y, q, 1), to: ymd(y, q + 3, 0) };
    }
    case 'year':
      return { unit, from: ymd(y, 0, 1), to: ymd(y, 11, 31) };
    case 'custom':
      return { unit, from: date, to: date };
  }
}

/** The period before (-1) or after (+1) of the same unit; a custom period moves by its own length. */
export function shiftPeriod(p: Period, step: -1 | 1): Period {
  if (p.unit === 'custom') {
    const len = (toUtc(p.to) - toUtc(p.from)) / DAY_MS + 1;
    return { unit: 'custom', from: addDays(p.from, step * len), to: addDays(p.to, step * len) };
  }
  const anchor = step < 0 ? addDays(p.from, -1) : addDays(p.to, 1);
  return periodAround(p.unit, anchor);
}

export const addDays = (iso: string, days: number) => isoOf(toUtc(iso) + days * DAY_MS);

/** The same dates a year earlier (29 February becomes 28 February). */
export function yearEarlier(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return ymd(y - 1, m - 1, Math.min(d, last));
}

/** The months (YYYY-MM) a period overlaps, in order. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= end) return out;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/** The number of days of a period, both ends included. */
export const daysIn = (from: string, to: string) => (toUtc(to) - toUtc(from)) / DAY_MS + 1;
