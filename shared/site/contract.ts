import { mutation, noInput, query } from '../contract-kit';
import { NationalRecordExport, SiteProfile, SiteProfileInput } from './schema';

export const siteContract = {
  'site.save': mutation(SiteProfileInput, SiteProfile),
  'site.exportNationalRecord': query(noInput, NationalRecordExport),
} as const;
