import type { HandlersFor } from '../../../shared/contract';
import type { searchContract } from '../../../shared/search/contract';
import type { SearchService } from './search-service';

export function searchHandlers(search: SearchService): HandlersFor<keyof typeof searchContract> {
  return {
    'search.query': (input) => search.query(input.query, input.limit),
    'search.open': (input) => search.open(input.kind, input.id),
  };
}
