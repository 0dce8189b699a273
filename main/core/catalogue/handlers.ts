import type { catalogueContract } from '../../../shared/catalogue/contract';
import type { HandlersFor } from '../../../shared/contract';
import type { CatalogueService } from './catalogue-service';

export function catalogueHandlers(catalogue: CatalogueService): HandlersFor<keyof typeof catalogueContract> {
  return {
    'catalogue.status': () => catalogue.status(),
    'catalogue.entry': (input) => catalogue.entry(input.id),
    'catalogue.search': (input) => catalogue.search(input),
    'catalogue.import': (input) => catalogue.startImport(input),
  };
}
