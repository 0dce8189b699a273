import { mutation } from '../contract-kit';
import { OpenSource, OpenSourceRequest, SaveTarget, SaveTargetRequest } from './schema';

export const filesContract = {
  /** Asks the user where to save (desktop: the system dialog). null: the user cancelled. */
  // Self-service too: a person alone at the PC may save their own report as a PDF (print.savePdf).
  'files.pickSave': mutation(SaveTargetRequest, SaveTarget.nullable(), { selfService: true }),
  /** Asks the user for a file to read (desktop: the system dialog; browser mode uploads to the host instead). */
  'files.pickOpen': mutation(OpenSourceRequest, OpenSource.nullable()),
} as const;
