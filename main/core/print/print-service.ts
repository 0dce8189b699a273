import { rename, rm, writeFile } from 'node:fs/promises';
import { CoreError } from '../../../shared/errors';
import type { SavePdfInput, SavePdfResult } from '../../../shared/print/schema';
import type { Files } from '../files/files';

/** The host's renderer of the current page as a PDF (desktop: Electron's printToPDF). Absent in browser mode. */
export type PrintToPdf = () => Promise<Uint8Array>;

export interface PrintServiceOptions {
  files: Pick<Files, 'takeTarget'>;
  printToPdf?: PrintToPdf;
}

/** One print path for every printable document (handouts, reports): the page's print sheet, as a PDF file. */
export function createPrintService({ files, printToPdf }: PrintServiceOptions) {
  return {
    async savePdf(input: SavePdfInput): Promise<SavePdfResult> {
      // Browser mode prints with the browser's own dialog: the renderer never asks the core there.
      if (!printToPdf) throw new CoreError('forbidden', 'print.unavailable');
      const target = files.takeTarget(input.targetId, 'pdf');
      const part = `${target.path}.part`;
      try {
        const pdf = await printToPdf();
        await writeFile(part, pdf, { mode: 0o600 });
        // The rename is the commit point: the chosen name never holds half a PDF.
        await rename(part, target.path);
        target.commit();
        return { name: target.name, bytes: pdf.byteLength };
      } catch (err) {
        target.abandon();
        await rm(part, { force: true });
        if (err instanceof CoreError) throw err;
        throw new CoreError('internal', 'print.failed');
      }
    },
  };
}

export type PrintService = ReturnType<typeof createPrintService>;
