import { api } from '../../api/client';
import { chooseSaveTarget, isDesktop } from '../../api/files';

/**
 * Prints the sheet on screen. Desktop: the user chooses a file and the shell writes the PDF there (null: cancelled).
 * Browser mode: the browser's print window, where « Enregistrer au format PDF » is one of the printers.
 */
export async function printSheet(fileName: string): Promise<{ name: string } | null> {
  if (!isDesktop()) {
    window.print();
    return null;
  }
  const target = await chooseSaveTarget('pdf', fileName);
  if (!target) return null;
  return api('print.savePdf', { targetId: target.targetId });
}
