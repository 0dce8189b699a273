import { z } from 'zod';

// Printing a document (a handout, a report) to a PDF file the user chose. The desktop shell renders the current page
// with its print styles (only the print sheet shows); browser mode uses the browser's own print dialog instead.

export const SavePdfInput = z.object({ targetId: z.uuid() }).strict();
export type SavePdfInput = z.infer<typeof SavePdfInput>;

export const SavePdfResult = z.object({ name: z.string(), bytes: z.number().int().nonnegative() });
export type SavePdfResult = z.infer<typeof SavePdfResult>;
