import { z } from 'zod';

// Moving a desk to another computer: the whole desk (its database: journal, site, settings) in one file, encrypted
// with a passphrase the user chooses (the file travels on USB keys and holds the notes).

export const PASSPHRASE_MIN = 10;
export const Passphrase = z.string().min(PASSPHRASE_MIN, 'transfer.passphraseTooShort').max(200);

export const ExportDeskInput = z.object({ targetId: z.uuid(), passphrase: Passphrase }).strict();
export const ExportDeskResult = z.object({ name: z.string(), bytes: z.number().int(), sessions: z.number().int() });
export type ExportDeskResult = z.infer<typeof ExportDeskResult>;

export const RestoreDeskInput = z.object({ sourceId: z.uuid(), passphrase: z.string().min(1).max(200) }).strict();
export const RestoreDeskResult = z.object({
  siteName: z.string().nullable(),
  sessions: z.number().int(),
  exportedAt: z.string(),
});
export type RestoreDeskResult = z.infer<typeof RestoreDeskResult>;
