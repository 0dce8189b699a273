import { describe, expect, it } from 'vitest';
import { periodOf, periodRange } from './list-format';

describe('period presets', () => {
  it('give today, the week from Monday, this month and last month, across a year end', () => {
    expect(periodRange('today', '2026-12-02')).toEqual({ from: '2026-12-02', to: '2026-12-02' });
    // 2026-12-02 is a Wednesday; 2026-03-01 a Sunday.
    expect(periodRange('week', '2026-12-02')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(periodRange('week', '2026-03-01')).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(periodRange('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('lastMonth', '2027-01-15')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('recognise a preset from its bounds, and bounds typed by hand as none', () => {
    expect(periodOf(null, null, '2026-12-02')).toBe('all');
    expect(periodOf('2026-12-01', '2026-12-31', '2026-12-02')).toBe('month');
    expect(periodOf('2026-12-01', null, '2026-12-02')).toBeNull();
  });
});
