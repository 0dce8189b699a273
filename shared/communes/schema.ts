import { z } from 'zod';

export const CommuneQuery = z
  .object({ query: z.string().trim().min(1).max(80), limit: z.number().int().min(1).max(50).default(10) })
  .strict();

export const Commune = z.object({
  code: z.string(),
  name: z.string(),
  postcodes: z.array(z.string()),
  departement: z.string(),
  departementName: z.string(),
  epci: z.string().nullable(),
  population: z.number().nullable(),
});
export type Commune = z.infer<typeof Commune>;
