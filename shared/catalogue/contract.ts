import { job, noInput, query } from '../contract-kit';
import {
  CatalogueEntry,
  CatalogueStatus,
  EntryInput,
  ImportInput,
  ImportResult,
  SearchInput,
  SearchResult,
} from './schema';

export const catalogueContract = {
  /** The installed catalogue: data date, counts per kind, source, demo or not. */
  'catalogue.status': query(noInput, CatalogueStatus),
  /** One entry (fiche, service, topic page) for display. */
  'catalogue.entry': query(EntryInput, CatalogueEntry),
  /** Ranked entries for a query (the catalogue's own screen; the search box goes through the core service). */
  'catalogue.search': query(SearchInput, SearchResult),
  /** Replaces the catalogue with the archives the user picked (files.pickOpen, purpose 'catalogue'). */
  'catalogue.import': job(ImportInput, ImportResult),
} as const;
