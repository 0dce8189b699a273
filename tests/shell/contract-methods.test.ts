import { describe, expect, it } from 'vitest';
import { CONTRACT_METHOD_NAMES, IPC_CHANNEL_PREFIX as PRELOAD_PREFIX } from '../../shared/contract-methods';
import { contract, IPC_CHANNEL_PREFIX, METHOD_NAMES } from '../../shared/contract';

// The preload imports the zod-free list; it must be the contract's keys exactly (same order, same prefix).
describe('shared/contract-methods', () => {
  it('lists exactly the contract methods', () => {
    expect([...CONTRACT_METHOD_NAMES]).toEqual(Object.keys(contract));
    expect([...CONTRACT_METHOD_NAMES]).toEqual(METHOD_NAMES);
  });
  it('uses the contract channel prefix', () => {
    expect(PRELOAD_PREFIX).toBe(IPC_CHANNEL_PREFIX);
  });
});
