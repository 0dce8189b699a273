import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addPeriods,
  defaultPeriod,
  lastClosed,
  mondayOf,
  periodAround,
  periodCount,
  periodDays,
  shiftPeriod,
  unitsFor,
  weekKeyOf,
} from './periods';

describe('coordinator periods', () => {
  it('knows ISO weeks, including the ones across a year’s end', () => {
    expect(weekKeyOf('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(weekKeyOf('2027-01-01')).toBe('2026-W53'); // a Friday: 2026 has 53 weeks
    expect(weekKeyOf('2025-12-29')).toBe('2026-W01');
    expect(mondayOf('2026-W01')).toBe('2025-12-29');
    expect(mondayOf('2026-W53')).toBe('2026-12-28');
    expect(addPeriods('2026-W53', 1)).toBe('2027-W01');
    expect(addPeriods('2026-01', -1)).toBe('2025-12');
    expect(periodCount({ from: '2025-W52', to: '2026-W02' })).toBe(3);
    expect(periodCount({ from: '2025-11', to: '2026-02' })).toBe(4);
  });

  it('maps units to ranges of months on a monthly hub', () => {
    expect(unitsFor('month')).toEqual(['month', 'quarter', 'year', 'custom']);
    expect(periodAround('quarter', '2026-05')).toEqual({ unit: 'quarter', from: '2026-04', to: '2026-06' });
    expect(periodAround('year', '2026-05')).toEqual({ unit: 'year', from: '2026-01', to: '2026-12' });
    expect(shiftPeriod({ unit: 'quarter', from: '2026-01', to: '2026-03' }, -1)).toEqual({
      unit: 'quarter',
      from: '2025-10',
      to: '2025-12',
    });
    expect(shiftPeriod({ unit: 'custom', from: '2026-01', to: '2026-02' }, 1)).toEqual({
      unit: 'custom',
      from: '2026-03',
      to: '2026-04',
    });
    expect(periodDays({ from: '2026-01', to: '2026-02' })).toEqual({ from: '2026-01-01', to: '2026-02-28' });
    expect(lastClosed('month', '2026-12-07')).toBe('2026-11');
    expect(defaultPeriod('month', '2026-01-15')).toEqual({ unit: 'month', from: '2025-12', to: '2025-12' });
  });

  it('maps months, quarters and years to the weeks whose Thursday falls in them on a weekly hub', () => {
    expect(unitsFor('week')).toEqual(['week', 'month', 'quarter', 'year', 'custom']);
    // January 2026: Thursdays 1, 8, 15, 22, 29.
    expect(periodAround('month', '2026-W03')).toEqual({ unit: 'month', from: '2026-W01', to: '2026-W05' });
    expect(periodAround('quarter', '2026-W03')).toEqual({ unit: 'quarter', from: '2026-W01', to: '2026-W13' });
    expect(periodAround('year', '2026-W20')).toEqual({ unit: 'year', from: '2026-W01', to: '2026-W53' });
    expect(periodDays({ from: '2026-W01', to: '2026-W05' })).toEqual({ from: '2025-12-29', to: '2026-02-01' });
    expect(lastClosed('week', '2026-12-07')).toBe('2026-W49');
    expect(shiftPeriod({ unit: 'week', from: '2026-W53', to: '2026-W53' }, 1)).toEqual({
      unit: 'week',
      from: '2027-W01',
      to: '2027-W01',
    });
  });

  it('consecutive months, quarters and years of weeks cover every week once (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2001-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        fc.constantFrom('week', 'month', 'quarter', 'year' as const),
        fc.constantFrom('week', 'month' as const),
        (d, unit, g) => {
          const day = d.toISOString().slice(0, 10);
          const key = g === 'week' ? weekKeyOf(day) : day.slice(0, 7);
          if (g === 'week') expect(weekKeyOf(mondayOf(key))).toBe(key);
          const p = periodAround(unit, key);
          expect(p.from <= key && key <= p.to).toBe(true);
          const next = shiftPeriod(p, 1);
          expect(next.from).toBe(addPeriods(p.to, 1));
          expect(shiftPeriod(next, -1)).toEqual(p);
        },
      ),
    );
  });
});
