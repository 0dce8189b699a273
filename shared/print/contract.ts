import { mutation } from '../contract-kit';
import { SavePdfInput, SavePdfResult } from './schema';

export const printContract = {
  /** Writes the page being shown, as printed (A4, print styles), to the PDF file chosen with files.pickSave('pdf'). */
  'print.savePdf': mutation(SavePdfInput, SavePdfResult, { selfService: true }),
} as const;
