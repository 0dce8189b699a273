// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { parseHash } from '../lib/router';
import { SELF_SERVICE_HOME } from '../lib/self-service';
import { FEATURES, HOME, initAppI18n, NAV, resolveRoute, resolveSelfServiceRoute, resources, ROUTES } from './features';

// The shell trusts what each feature declares: these checks catch a feature that collides with another or points
// its navigation at nothing.

beforeAll(() => {
  initAppI18n('fr');
});

describe('the feature list', () => {
  it('gives each feature its own namespace, beside the central ones', () => {
    const names = FEATURES.map((f) => f.namespace);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(['common', 'errors', 'taxonomy']).not.toContain(name);
    expect(Object.keys(resources.fr)).toEqual(expect.arrayContaining(names));
  });

  it('has unique route names, and every navigation entry leads to one of its own routes', () => {
    const names = ROUTES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const entry of NAV) {
      expect(names).toEqual(expect.arrayContaining([...entry.routes]));
      expect(entry.routes).toContain(resolveRoute(parseHash(entry.href)).name);
    }
  });

  it('labels every navigation entry with a text of its namespace, in both languages', () => {
    for (const entry of NAV) {
      const [ns, path] = entry.label.split(':') as [string, string];
      for (const lang of ['fr', 'en'] as const) {
        const text = path
          .split('.')
          .reduce<unknown>(
            (node, key) => (node as Record<string, unknown> | undefined)?.[key],
            (resources[lang] as Record<string, unknown>)[ns],
          );
        expect(typeof text, `${lang} ${entry.label}`).toBe('string');
      }
    }
  });

  it('keeps the French routes and sends an unknown address home', () => {
    expect(resolveRoute(parseHash('#/seance/nouvelle?type=collectif')).name).toBe('newSession');
    expect(resolveRoute(parseHash('#/seance/11111111-1111-4111-8111-111111111111')).name).toBe('editSession');
    expect(resolveRoute(parseHash('#/relances')).name).toBe('followUps');
    expect(resolveRoute(parseHash('#/lieu')).name).toBe('site');
    expect(resolveRoute(parseHash('')).name).toBe('journal');
    expect(resolveRoute(parseHash('#/nulle-part')).name).toBe(resolveRoute(parseHash(HOME.href)).name);
  });

  it('keeps self-service mode inside the diagnosis, whose start answers SELF_SERVICE_HOME', () => {
    const id = '11111111-1111-4111-8111-111111111111';
    expect(resolveSelfServiceRoute(parseHash(SELF_SERVICE_HOME))?.name).toBe('diagnostic');
    for (const [hash, name] of [
      [`#/diagnostic/${id}/entreprise`, 'diagnosticBusiness'],
      [`#/diagnostic/${id}/questions/1`, 'diagnosticPage1'],
      [`#/diagnostic/${id}/resultats`, 'diagnosticResults'],
      [`#/diagnostic/${id}/rapport`, 'diagnosticReport'],
    ] as const)
      expect(resolveSelfServiceRoute(parseHash(hash))?.name).toBe(name);
    // The journal, the settings, the lock's settings, the statistics: none answers in self-service mode.
    for (const hash of ['', '#/seance/nouvelle', '#/lieu', '#/lieu/verrouillage', '#/statistiques', '#/nulle-part'])
      expect(resolveSelfServiceRoute(parseHash(hash)), hash).toBeNull();
    expect(ROUTES.filter((r) => r.selfService).every((r) => r.name.startsWith('diagnostic'))).toBe(true);
  });
});
