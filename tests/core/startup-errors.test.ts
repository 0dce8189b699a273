import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../shared/errors';
import { DataFolderLockedError } from '../../main/core/storage/data-folder-lock';
import { startupErrorMessage } from '../../main/core/startup-errors';

describe('startup error messages', () => {
  it('names the refusals the core reports, in French and English, and nothing else', () => {
    const newer = new CoreError('storage_unavailable', 'storage.newerVersion');
    expect(startupErrorMessage(newer, 'fr')).toMatch(/version plus récente.*n’a pas été modifié/);
    expect(startupErrorMessage(newer, 'en')).toMatch(/newer version.*not changed/);
    expect(startupErrorMessage(new CoreError('storage_unavailable', 'storage.migrationTampered'), 'en')).toMatch(
      /does not match/,
    );
    expect(startupErrorMessage(new Error('disk full'), 'fr')).toBeNull();
    expect(startupErrorMessage(null, 'en')).toBeNull();
  });

  it('names the process that holds the data folder, and which host it is when known', () => {
    const here = hostname();
    const at = '2026-03-10T08:00:00.000Z';
    const desktop = new DataFolderLockedError({ pid: 812, hostname: here, host: 'desktop', startedAt: at });
    expect(startupErrorMessage(desktop, 'fr')).toBe(
      'Ce dossier de données est déjà ouvert par l’application de bureau Médiane (processus 812). ' +
        'Fermez d’abord cet autre Médiane, puis relancez celui-ci ; rien n’a été modifié.',
    );
    expect(startupErrorMessage(desktop, 'en')).toBe(
      'This data folder is already open in the Médiane desktop app (process 812). ' +
        'Close that other Médiane first, then start this one again; nothing was changed.',
    );
    const browser = new DataFolderLockedError({ pid: 77, hostname: here, host: 'browser', startedAt: at });
    expect(startupErrorMessage(browser, 'fr')).toContain('par Médiane en mode navigateur (processus 77)');
    const unknown = new DataFolderLockedError({ pid: 5, hostname: here, host: null, startedAt: at });
    expect(startupErrorMessage(unknown, 'en')).toContain('open in another Médiane (process 5)');
  });
});
