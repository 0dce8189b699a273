import { z } from 'zod';

// Files the user chooses (a desk export to write, a desk file to read) never cross the boundary as paths: the host
// shows its own dialog (desktop) or receives an upload / serves a download (browser mode) and the core hands the
// renderer an opaque, single-use id for it.

// 'desk': a desk file; 'pdf': a printed document; 'guidePack': guides shared between desks; 'catalogue': a
// service-public.fr archive; 'snapshots': statistics handed over on a file; 'csv' / 'xlsx' / 'ods': an export written
// in that format; 'spreadsheet': a national-tool export to import (CSV or XLSX); 'contentPack': a signed content pack
// (guides, catalogue archives) as `npm run content:sign` writes it.
export const FILE_PURPOSES = [
  'desk',
  'pdf',
  'guidePack',
  'catalogue',
  'snapshots',
  'csv',
  'xlsx',
  'ods',
  'spreadsheet',
  'contentPack',
] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

export const SaveTargetRequest = z
  .object({ purpose: z.enum(FILE_PURPOSES), suggestedName: z.string().min(1).max(120) })
  .strict();

export const SaveTarget = z.object({
  targetId: z.uuid(),
  /** The file name as the user will see it. */
  name: z.string(),
  /** 'native': written where the user chose; 'download': the browser downloads it from the host once written. */
  delivery: z.enum(['native', 'download']),
});
export type SaveTarget = z.infer<typeof SaveTarget>;

export const OpenSourceRequest = z.object({ purpose: z.enum(FILE_PURPOSES) }).strict();

export const OpenSource = z.object({ sourceId: z.uuid(), name: z.string(), bytes: z.number().int().nonnegative() });
export type OpenSource = z.infer<typeof OpenSource>;
