import type { PrintToPDFOptions } from 'electron';

/** The part of a window used to print, so tests can fake it. */
export interface PrintableWindowLike {
  webContents: { printToPDF(options: PrintToPDFOptions): Promise<Buffer> };
}

// A4 as the print sheet's `@page` rule says (preferCSSPageSize), backgrounds kept (callouts, tables), and a tagged PDF
// so screen readers can read the saved file.
export const PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  generateTaggedPDF: true,
};

/** The core's print port: the main window's current page, as printed, in a PDF. */
export function createPrintToPdf(getWindow: () => PrintableWindowLike | null): () => Promise<Uint8Array> {
  return async () => {
    const win = getWindow();
    if (!win) throw new Error('no window to print');
    return win.webContents.printToPDF(PDF_OPTIONS);
  };
}
