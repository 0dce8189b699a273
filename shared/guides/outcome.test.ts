import { describe, expect, it } from 'vitest';
import { suggestOutcome } from './outcome';

const g = (done: number, total: number, blocked = false) => ({ done, total, blocked });

describe('suggestOutcome', () => {
  it('suggests nothing without guides or before any step is ticked', () => {
    expect(suggestOutcome([])).toBeNull();
    expect(suggestOutcome([g(0, 5), g(0, 3)])).toBeNull();
  });
  it('all steps of every guide done: finalisee', () => {
    expect(suggestOutcome([g(5, 5)])).toBe('finalisee');
    expect(suggestOutcome([g(5, 5), g(3, 3)])).toBe('finalisee');
  });
  it('started but not finished: a_finaliser_en_autonomie', () => {
    expect(suggestOutcome([g(2, 5)])).toBe('a_finaliser_en_autonomie');
    expect(suggestOutcome([g(5, 5), g(0, 3)])).toBe('a_finaliser_en_autonomie');
  });
  it('a blocked guide wins: doit_revenir, even with every step done or none', () => {
    expect(suggestOutcome([g(5, 5), g(1, 3, true)])).toBe('doit_revenir');
    expect(suggestOutcome([g(0, 3, true)])).toBe('doit_revenir');
  });
});
