import { afterAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core';
import { call, removeTempDirs, tempDir } from './helpers';

// The search through the whole core, over the guides shipped in resources/guides.

let core: Core | null = null;
afterAll(async () => {
  await core?.close();
  removeTempDirs();
});

function open(): Core {
  core ??= createCore({ dataDir: tempDir('mediane-search-'), maintenance: false });
  return core;
}

async function topThree(query: string): Promise<string[]> {
  const answer = await call(open(), 'search.query', { query, limit: 5 });
  return answer.groups.flatMap((g) => g.results.map((r) => r.id)).slice(0, 3);
}

describe('search over the shipped guides', () => {
  it.each([
    ['carte grise', 'ants-carte-grise-changement-titulaire'],
    ['apl', 'caf-aide-logement'],
    ['alocation logement', 'caf-aide-logement'],
    ['retraite', 'retraite-demande-en-ligne'],
    ['impots', 'impots-declaration-revenus'],
    ['pasport', 'ants-carte-identite-passeport'],
    ['d’identité', 'ants-carte-identite-passeport'],
    ['CMU', 'ameli-complementaire-sante-solidaire'],
    ['pôle emploi', 'france-travail-inscription'],
    ['CPF', 'mon-compte-formation'],
  ])('"%s" has %s in the top three', async (query, id) => {
    expect(await topThree(query)).toContain(id);
  });

  it('refuses an empty or oversized query with a typed error', async () => {
    await expect(call(open(), 'search.query', { query: '   ', limit: 5 })).rejects.toMatchObject({
      error: { code: 'invalid_input' },
    });
    await expect(call(open(), 'search.query', { query: 'x'.repeat(500), limit: 5 })).rejects.toMatchObject({
      error: { code: 'invalid_input' },
    });
  });
});

describe('opening a result from a running session', () => {
  it('adds a guide to the running timer’s guides; nothing without a timer, nor for a fiche', async () => {
    const core = createCore({ dataDir: tempDir('mediane-search-link-'), maintenance: false });
    try {
      expect(await call(core, 'search.open', { kind: 'guide', id: 'caf-aide-logement' })).toEqual({ linkedTo: null });
      const timer = await call(core, 'journal.startTimer', {});
      expect(await call(core, 'search.open', { kind: 'guide', id: 'caf-aide-logement' })).toEqual({
        linkedTo: timer.id,
      });
      expect(await call(core, 'search.open', { kind: 'fiche', id: 'F12006' })).toEqual({ linkedTo: null });
      const used = await call(core, 'guides.session', { holder: { timerId: timer.id } });
      expect(used.guides.map((g) => g.id)).toEqual(['caf-aide-logement']);
    } finally {
      await core.close();
    }
  });
});
