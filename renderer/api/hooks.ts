import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import { toAppError } from '../lib/core-error';
import { api } from './client';

// Data hooks over the contract, so that no screen writes its own fetch-and-ignore-if-unmounted effect. A result is
// only ever applied by the request that is still the latest one of a mounted component: an answer that arrives
// after unmount, after the input changed or after a refetch is dropped.

export interface CoreQuery<M extends MethodName> {
  /** The latest answer; kept while a newer request is on its way (a list stays on screen while it reloads). */
  data: MethodOutput<M> | undefined;
  /** The latest request's failure, if it failed (null as soon as a request succeeds). */
  error: AppError | null;
  /** True from a request's start until its answer (or failure) is applied. */
  loading: boolean;
  /** Asks the core again with the same input. */
  refetch(): void;
}

export interface CoreQueryOptions {
  /** False holds the request back (nothing needed yet); true by default. */
  enabled?: boolean;
}

/**
 * Calls a query method of the contract and follows its input: inputs are compared by value (their JSON), so an
 * object literal written in the render does not ask again on every render.
 */
export function useCoreQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: CoreQueryOptions = {},
): CoreQuery<M> {
  const enabled = options.enabled ?? true;
  // Inputs cross the boundary as JSON anyway: the JSON is both the comparison key and the value sent.
  const inputJson = JSON.stringify(input ?? {});
  const [version, setVersion] = useState(0);
  const requestKey = `${method} ${inputJson} #${version}`;
  const [state, setState] = useState<{
    data: MethodOutput<M> | undefined;
    error: AppError | null;
    settled: string | null;
  }>({
    data: undefined,
    error: null,
    settled: null,
  });

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    api(method, JSON.parse(inputJson) as MethodInput<M>).then(
      (data) => current && setState({ data, error: null, settled: requestKey }),
      (e: unknown) => current && setState((s) => ({ data: s.data, error: toAppError(e), settled: requestKey })),
    );
    return () => {
      current = false;
    };
  }, [method, inputJson, requestKey, enabled]);

  const refetch = useCallback(() => setVersion((v) => v + 1), []);
  return { data: state.data, error: state.error, loading: enabled && state.settled !== requestKey, refetch };
}

export interface CoreMutation<M extends MethodName> {
  /** Calls the method; resolves to its answer or rejects with the ApiError (the caller decides what to show). */
  mutate(input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** True while a call is on its way. */
  pending: boolean;
  /** The last call's failure, until the next call starts or `reset`. */
  error: AppError | null;
  reset(): void;
}

/** Calls a mutation method of the contract; state changes after unmount, or from a superseded call, are dropped. */
export function useCoreMutation<M extends MethodName>(method: M): CoreMutation<M> {
  const [state, setState] = useState<{ pending: boolean; error: AppError | null }>({ pending: false, error: null });
  const mounted = useRef(true);
  const lastCall = useRef(0);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const mutate = useCallback(
    async (input: MethodInput<M>) => {
      const call = ++lastCall.current;
      const apply = (next: { pending: boolean; error: AppError | null }) => {
        if (mounted.current && call === lastCall.current) setState(next);
      };
      apply({ pending: true, error: null });
      try {
        const value = await api(method, input);
        apply({ pending: false, error: null });
        return value;
      } catch (e) {
        apply({ pending: false, error: toAppError(e) });
        throw e;
      }
    },
    [method],
  );
  const reset = useCallback(() => {
    lastCall.current++;
    setState({ pending: false, error: null });
  }, []);
  return { mutate, pending: state.pending, error: state.error, reset };
}
