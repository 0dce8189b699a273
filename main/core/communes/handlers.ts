import type { communesContract } from '../../../shared/communes/contract';
import type { HandlersFor } from '../../../shared/contract';
import type { CommunesIndex } from './communes-index';

export function communesHandlers(communes: CommunesIndex): HandlersFor<keyof typeof communesContract> {
  return {
    'communes.search': (input) => communes.search(input.query, input.limit),
    'communes.get': (input) => communes.get(input.code),
  };
}
