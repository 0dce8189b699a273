import { describe, expect, it } from 'vitest';
import { handoutDate, HANDOUT_LABELS, HANDOUT_LANGUAGES } from './handout-labels';

describe('handout labels', () => {
  it('every language has every label, written (French alone needs no note about French)', () => {
    const keys = Object.keys(HANDOUT_LABELS.fr).sort();
    for (const lang of HANDOUT_LANGUAGES) {
      const labels = HANDOUT_LABELS[lang];
      expect(Object.keys(labels).sort(), lang).toEqual(keys);
      for (const [key, value] of Object.entries(labels)) {
        if (key === 'frenchNote' && lang === 'fr') expect(value).toBe('');
        else expect(value.trim(), `${lang}.${key}`).not.toBe('');
      }
    }
  });

  it('only Arabic reads right to left, and its labels are in Arabic script', () => {
    for (const lang of HANDOUT_LANGUAGES) expect(HANDOUT_LABELS[lang].dir, lang).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    for (const [key, value] of Object.entries(HANDOUT_LABELS.ar)) {
      if (key !== 'dir') expect(value, key).toMatch(/[\u0600-\u06ff]/);
    }
  });

  it('no label is the French one left untranslated', () => {
    for (const lang of HANDOUT_LANGUAGES.filter((l) => l !== 'fr')) {
      for (const key of ['title', 'websites', 'bring', 'nextSteps', 'passwords'] as const)
        expect(HANDOUT_LABELS[lang][key], `${lang}.${key}`).not.toBe(HANDOUT_LABELS.fr[key]);
    }
  });

  it('writes dates in the handout’s language', () => {
    expect(handoutDate('2026-12-15', 'fr')).toBe('15 décembre 2026');
    expect(handoutDate('2026-12-15', 'en')).toBe('December 15, 2026');
    expect(handoutDate('2026-12-15', 'es')).toBe('15 de diciembre de 2026');
    expect(handoutDate('2026-12-15', 'ar')).toMatch(/ديسمبر/);
  });
});
