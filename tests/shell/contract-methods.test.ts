import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES, QUERY_METHODS } from '../../shared/contract';
import { preloadDefine } from '../../electron.vite.config';

// The preload gets the method names written in at build time from the contract itself; the built bundle must carry
// exactly the contract's keys.
describe('contract method names in the preload', () => {
  it('are the contract keys, generated from the contract', () => {
    expect(JSON.parse(preloadDefine.__CONTRACT_METHODS__)).toEqual(Object.keys(contract));
  });
  it('are in the built preload bundle', () => {
    const built = readFileSync(new URL('../../out/preload/index.cjs', import.meta.url), 'utf8');
    for (const m of METHOD_NAMES) expect(built).toContain(JSON.stringify(m));
  });
  it('every method declares its kind, and queries are a strict subset', () => {
    for (const m of METHOD_NAMES) expect(['query', 'mutation']).toContain(contract[m].kind);
    expect(QUERY_METHODS.length).toBeGreaterThan(0);
    expect(QUERY_METHODS.length).toBeLessThan(METHOD_NAMES.length);
  });
});
