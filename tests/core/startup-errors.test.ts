import { describe, expect, it } from 'vitest';
import { CoreError } from '../../shared/errors';
import { startupErrorMessage } from '../../main/core/startup-errors';

describe('startup error messages', () => {
  it('names the refusals the core reports, in French and English, and nothing else', () => {
    const newer = new CoreError('storage_unavailable', 'storage.newerVersion');
    expect(startupErrorMessage(newer, 'fr')).toMatch(/version plus récente.*n’a pas été modifié/);
    expect(startupErrorMessage(newer, 'en')).toMatch(/newer version.*not changed/);
    expect(startupErrorMessage(new CoreError('storage_unavailable', 'storage.migrationTampered'), 'en')).toMatch(/does not match/);
    expect(startupErrorMessage(new Error('disk full'), 'fr')).toBeNull();
    expect(startupErrorMessage(null, 'en')).toBeNull();
  });
});
