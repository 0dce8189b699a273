import { METHOD_NAMES, kindOf, type Handlers, type MethodName } from '../../shared/contract';
import { CoreError } from '../../shared/errors';

/**
 * Wraps every mutation of the contract so that it is refused while `refuse()` is true (the file was found damaged):
 * nothing lands in a damaged file. Queries stay allowed. The kind comes from the contract, so a method added later
 * is guarded by declaring it a mutation, with no list to keep here.
 */
export function guardWrites(handlers: Handlers, refuse: () => boolean): Handlers {
  const guarded = { ...handlers } as Record<string, (input: unknown) => unknown>;
  for (const method of METHOD_NAMES.filter((m: MethodName) => kindOf(m) === 'mutation')) {
    const inner = handlers[method] as (input: unknown) => unknown;
    guarded[method] = (input: unknown) => {
      if (refuse()) throw new CoreError('storage_unavailable', 'storage.integrityFailed');
      return inner(input);
    };
  }
  return guarded as Handlers;
}
