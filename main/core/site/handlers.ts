import type { HandlersFor } from '../../../shared/contract';
import type { siteContract } from '../../../shared/site/contract';
import type { createSiteService } from './site-service';

export function siteHandlers(site: ReturnType<typeof createSiteService>): HandlersFor<keyof typeof siteContract> {
  return {
    'site.save': (input) => site.save(input),
    'site.exportNationalRecord': () => site.exportNationalRecord(),
  };
}
