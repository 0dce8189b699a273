import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoOfDay, monthKey } from '../../main/core/stats/cells';
import { splitRange } from '../../main/core/stats/stats-service';

// The rollup rows a period reads must cover each of its days exactly once: whole years (level 2), whole months
// outside them (level 1), leftover days (level 0).

const firstDayOfMonth = (m: number) => dayNumber(`${monthKey(m)}-01`);
const firstDayOfYear = (y: number) => dayNumber(`${y}-01-01`);

function coveredDays(from: string, to: string, years: boolean): number[] {
  const r = splitRange(from, to, years);
  const days: number[] = [];
  for (let y = r.y1; y <= r.y2; y++) for (let d = firstDayOfYear(y); d < firstDayOfYear(y + 1); d++) days.push(d);
  for (const [a, b] of [
    [r.m1, r.m2],
    [r.m3, r.m4],
  ] as const)
    for (let m = a; m <= b; m++) for (let d = firstDayOfMonth(m); d < firstDayOfMonth(m + 1); d++) days.push(d);
  for (const [a, b] of [
    [r.d1, r.d2],
    [r.d3, r.d4],
  ] as const)
    for (let d = a; d <= b; d++) days.push(d);
  return days.sort((a, b) => a - b);
}

describe('splitRange', () => {
  it('covers every day of a period exactly once, with or without years', () => {
    const day = fc.integer({ min: dayNumber('2018-12-01'), max: dayNumber('2027-02-28') });
    fc.assert(
      fc.property(day, day, fc.boolean(), (a, b, years) => {
        const [from, to] = [Math.min(a, b), Math.max(a, b)];
        const expected = Array.from({ length: to - from + 1 }, (_, i) => from + i);
        expect(coveredDays(isoOfDay(from), isoOfDay(to), years)).toEqual(expected);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('reads whole years from the yearly level and only the partial ones by month and day', () => {
    expect(splitRange('2019-01-01', '2026-11-30')).toMatchObject({
      y1: 2019,
      y2: 2025,
      m3: 2026 * 12,
      m4: 2026 * 12 + 10,
    });
    expect(splitRange('2021-03-17', '2024-08-09')).toMatchObject({
      y1: 2022,
      y2: 2023,
      m1: 2021 * 12 + 3,
      m2: 2021 * 12 + 11,
      m3: 2024 * 12,
      m4: 2024 * 12 + 6,
      d1: dayNumber('2021-03-17'),
      d2: dayNumber('2021-03-31'),
      d3: dayNumber('2024-08-01'),
      d4: dayNumber('2024-08-09'),
    });
    // Without years (the year-earlier trend), the same months are read one by one.
    expect(splitRange('2021-03-17', '2024-08-09', false)).toMatchObject({
      y1: 1,
      y2: 0,
      m1: 2021 * 12 + 3,
      m2: 2024 * 12 + 6,
    });
  });
});
