import { mutation, query } from '../contract-kit';
import { OpenAnswer, OpenInput, SearchAnswer, SearchQuery } from './schema';

export const searchContract = {
  'search.query': query(SearchQuery, SearchAnswer),
  'search.open': mutation(OpenInput, OpenAnswer),
} as const;
