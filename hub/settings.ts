import { DEFAULT_K, MIN_K } from '../shared/sync/dimensions';
import type { Granularity } from '../shared/sync/snapshot';
import type { HubDb } from './db/database';
import { HubError } from './errors';

export interface Disclosure {
  k: number;
  granularity: Granularity;
}

export const DISCLOSURE_KEYS = ['k', 'granularity'];

export async function readDisclosure(db: HubDb): Promise<Disclosure> {
  return disclosureFrom(await db.selectFrom('hub_settings').selectAll().where('key', 'in', DISCLOSURE_KEYS).execute());
}

/** The disclosure parameters from their `hub_settings` rows (absent: the defaults). */
export function disclosureFrom(rows: ReadonlyArray<{ key: string; value: string }>): Disclosure {
  const get = (key: string) => rows.find((r) => r.key === key)?.value;
  return {
    k: Number(get('k') ?? DEFAULT_K),
    granularity: get('granularity') === 'week' ? 'week' : 'month',
  };
}

export function checkDisclosure(d: Partial<Disclosure>): void {
  if (d.k !== undefined && (!Number.isInteger(d.k) || d.k < MIN_K || d.k > 100))
    throw new HubError(400, 'invalid_k', `k must be a whole number from ${MIN_K} to 100`);
  if (d.granularity !== undefined && d.granularity !== 'month' && d.granularity !== 'week')
    throw new HubError(400, 'invalid_granularity', 'granularity must be month or week');
}
