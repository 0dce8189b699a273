// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { initAppI18n } from '../app/features';
import { coreErrorKey, coreErrorText, coreFieldErrors } from './core-error';

beforeAll(() => {
  initAppI18n('fr');
});

describe('core errors as text', () => {
  it('prefers the message key, else the code, for a thrown ApiError and for the AppError a hook keeps', () => {
    const withKey = { code: 'not_found', messageKey: 'journal.notFound' } as const;
    expect(coreErrorKey(new ApiError(withKey))).toBe('journal.notFound');
    expect(coreErrorKey(withKey)).toBe('journal.notFound');
    expect(coreErrorKey({ code: 'storage_unavailable' })).toBe('code.storage_unavailable');
    expect(coreErrorText({ code: 'storage_unavailable' })).toBe(
      'Les données de Médiane sont indisponibles pour le moment.',
    );
  });

  it('reads anything that is not a core answer as an internal error', () => {
    expect(coreErrorKey(new Error('boom'))).toBe('code.internal');
    expect(coreErrorKey({ code: 'made_up' })).toBe('code.internal');
    expect(coreErrorKey(undefined)).toBe('code.internal');
  });

  it('translates the field issues, the first one of a path winning', () => {
    const refusal = new ApiError({
      code: 'invalid_input',
      issues: [
        { path: 'durationMin', message: 'journal.durationTooLong' },
        { path: 'durationMin', message: 'journal.durationInvalid' },
        { path: 'topics', message: 'invalid.too_small' },
      ],
    });
    expect(coreFieldErrors(refusal)).toEqual({
      durationMin: 'Une séance ne peut pas dépasser 23 h 59.',
      topics: 'Valeur trop petite ou champ vide.',
    });
    expect(coreFieldErrors(new Error('boom'))).toEqual({});
  });
});
