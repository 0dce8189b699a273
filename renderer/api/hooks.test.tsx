// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Commune } from '../../shared/communes/schema';
import { callsOf, installFakeApi, refused } from '../test-kit';
import { isApiError } from './client';
import { useCoreMutation, useCoreQuery } from './hooks';

const commune = (code: string, name: string): Commune => ({
  code,
  name,
  postcodes: ['00000'],
  departement: code.slice(0, 2),
  departementName: '',
  epci: null,
  population: null,
});
const LUNEL = commune('34145', 'Lunel');
const SETE = commune('34301', 'Sète');

/** A promise resolved from the test, to decide in which order the core answers. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

afterEach(() => {
  cleanup();
  delete window.mediane;
});

describe('useCoreQuery', () => {
  it('is loading, then gives the typed answer', async () => {
    const api = installFakeApi({ 'communes.get': ({ code }) => (code === LUNEL.code ? LUNEL : null) });
    const { result } = renderHook(() => useCoreQuery('communes.get', { code: LUNEL.code }));
    expect(result.current).toMatchObject({ loading: true, data: undefined, error: null });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.data?.name).toBe('Lunel');
    expect(callsOf(api, 'communes.get')).toEqual([{ code: LUNEL.code }]);
  });

  it('gives the core error, and a refetch that succeeds clears it', async () => {
    let fail = true;
    const api = installFakeApi({ 'journal.timers': () => (fail ? refused({ code: 'storage_unavailable' }) : []) });
    const { result } = renderHook(() => useCoreQuery('journal.timers', {}));
    await waitFor(() => expect(result.current.error).toEqual({ code: 'storage_unavailable' }));
    expect(result.current.loading).toBe(false);
    fail = false;
    act(() => result.current.refetch());
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current).toMatchObject({ error: null, data: [] });
    expect(callsOf(api, 'journal.timers')).toHaveLength(2);
  });

  it('does not ask again when the input is a new object with the same value', async () => {
    const api = installFakeApi({ 'communes.search': () => [LUNEL] });
    const { result, rerender } = renderHook(({ query }) => useCoreQuery('communes.search', { query, limit: 8 }), {
      initialProps: { query: 'Lu' },
    });
    await waitFor(() => expect(result.current.loading).toBe(false));
    rerender({ query: 'Lu' });
    rerender({ query: 'Lu' });
    expect(result.current.loading).toBe(false);
    expect(callsOf(api, 'communes.search')).toHaveLength(1);
  });

  it('keeps the answer of the newest input when an older request answers last', async () => {
    const slow = deferred<Commune[]>();
    const fast = deferred<Commune[]>();
    installFakeApi({ 'communes.search': ({ query }) => (query === 'Lu' ? slow.promise : fast.promise) });
    const { result, rerender } = renderHook(({ query }) => useCoreQuery('communes.search', { query }), {
      initialProps: { query: 'Lu' },
    });
    rerender({ query: 'Sè' });
    await act(async () => fast.resolve([SETE]));
    await waitFor(() => expect(result.current.loading).toBe(false));
    await act(async () => slow.resolve([LUNEL]));
    expect(result.current.data).toEqual([SETE]);
    expect(result.current.loading).toBe(false);
  });

  it('keeps the previous answer on screen while a refetch is on its way, and drops the superseded one', async () => {
    const answers = [deferred<Commune[]>(), deferred<Commune[]>(), deferred<Commune[]>()];
    let n = 0;
    installFakeApi({ 'communes.search': () => answers[n++]!.promise });
    const { result } = renderHook(() => useCoreQuery('communes.search', { query: 'Lu' }));
    await act(async () => answers[0]!.resolve([LUNEL]));
    expect(result.current).toMatchObject({ loading: false, data: [LUNEL] });
    act(() => result.current.refetch());
    await waitFor(() => expect(n).toBe(2));
    act(() => result.current.refetch());
    await waitFor(() => expect(n).toBe(3));
    expect(result.current).toMatchObject({ loading: true, data: [LUNEL] });
    await act(async () => answers[2]!.resolve([SETE]));
    await act(async () => answers[1]!.resolve([]));
    expect(result.current).toMatchObject({ loading: false, data: [SETE] });
  });

  it('asks nothing while disabled', async () => {
    const api = installFakeApi({ 'communes.get': () => LUNEL });
    const { result, rerender } = renderHook(
      ({ enabled }) => useCoreQuery('communes.get', { code: LUNEL.code }, { enabled }),
      {
        initialProps: { enabled: false },
      },
    );
    expect(result.current.loading).toBe(false);
    expect(callsOf(api, 'communes.get')).toHaveLength(0);
    rerender({ enabled: true });
    await waitFor(() => expect(result.current.data).toEqual(LUNEL));
    expect(callsOf(api, 'communes.get')).toHaveLength(1);
  });
});

describe('useCoreMutation', () => {
  it('resolves to the answer and is pending meanwhile', async () => {
    const answer = deferred<{ id: string; startedAt: string; label: string }>();
    const api = installFakeApi({ 'journal.startTimer': () => answer.promise });
    const { result } = renderHook(() => useCoreMutation('journal.startTimer'));
    expect(result.current.pending).toBe(false);
    let done!: Promise<unknown>;
    act(() => {
      done = result.current.mutate({});
    });
    expect(result.current.pending).toBe(true);
    await act(async () => answer.resolve({ id: 't1', startedAt: '2026-03-12T10:00:00Z', label: '' }));
    await expect(done).resolves.toEqual({ id: 't1', startedAt: '2026-03-12T10:00:00Z', label: '' });
    expect(result.current).toMatchObject({ pending: false, error: null });
    expect(callsOf(api, 'journal.startTimer')).toEqual([{}]);
  });

  it('rejects with the ApiError and keeps the error until reset', async () => {
    installFakeApi({ 'journal.delete': () => refused({ code: 'not_found', messageKey: 'journal.notFound' }) });
    const { result } = renderHook(() => useCoreMutation('journal.delete'));
    let thrown: unknown;
    await act(async () => {
      await result.current.mutate({ id: 'x' }).catch((e: unknown) => (thrown = e));
    });
    expect(isApiError(thrown) && thrown.error.code).toBe('not_found');
    expect(result.current.error).toEqual({ code: 'not_found', messageKey: 'journal.notFound' });
    act(() => result.current.reset());
    expect(result.current.error).toBeNull();
  });

  it('reports the state of the latest call when an earlier one answers last', async () => {
    const first = deferred<{ id: string }>();
    let n = 0;
    installFakeApi({
      'journal.cancelTimer': () => (n++ === 0 ? first.promise : refused({ code: 'not_found' })),
    });
    const { result } = renderHook(() => useCoreMutation('journal.cancelTimer'));
    act(() => void result.current.mutate({ id: 'a' }).catch(() => undefined));
    await act(async () => {
      await result.current.mutate({ id: 'b' }).catch(() => undefined);
    });
    expect(result.current.error).toEqual({ code: 'not_found' });
    await act(async () => first.resolve({ id: 'a' }));
    expect(result.current).toMatchObject({ pending: false, error: { code: 'not_found' } });
  });
});
