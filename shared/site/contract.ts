import { mutation, noInput, query } from '../contract-kit';
import { LieuExport, SiteProfile, SiteProfileInput } from './schema';

export const siteContract = {
  'site.save': mutation(SiteProfileInput, SiteProfile),
  'site.exportLieu': query(noInput, LieuExport),
} as const;
