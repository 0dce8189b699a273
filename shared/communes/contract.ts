import { z } from 'zod';
import { query } from '../contract-kit';
import { Commune, CommuneQuery } from './schema';

export const communesContract = {
  'communes.search': query(CommuneQuery, z.array(Commune)),
  'communes.get': query(z.object({ code: z.string().max(5) }).strict(), Commune.nullable()),
} as const;
