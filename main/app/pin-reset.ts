import { resetPin } from '../core/lock/reset';
import { startupErrorMessage } from '../core/startup-errors';

// `Médiane --reset-pin` (desktop) — the recovery of a forgotten PIN for IT or the owner of the computer's account,
// with Médiane closed (SECURITY.md, rule 21). The browser-mode host has the same flag (main/web/cli.ts). It opens no
// window and serves nothing; the message says what happened.

export const RESET_PIN_FLAG = '--reset-pin';

export function runPinReset(dataDir: string, french: boolean): { code: number; message: string } {
  try {
    const outcome = resetPin(dataDir, 'desktop');
    if (outcome === 'no-pin') {
      return {
        code: 0,
        message: french
          ? `Aucun code de verrouillage n’était défini (${dataDir}) : rien à faire.`
          : `No lock PIN was set (${dataDir}): nothing to do.`,
      };
    }
    return {
      code: 0,
      message: french
        ? `Le code de verrouillage est retiré (${dataDir}) et le mode libre-service arrêté. Définissez un nouveau code dans « Mon lieu ».`
        : `The lock PIN was removed (${dataDir}) and self-service mode ended. Set a new PIN in “My site”.`,
    };
  } catch (err) {
    // Médiane still running on this folder (or another failure): the folder lock's message names the process.
    return {
      code: 1,
      message:
        startupErrorMessage(err, french ? 'fr' : 'en') ??
        (french ? `Le code n’a pas pu être retiré (${dataDir}).` : `The PIN could not be removed (${dataDir}).`),
    };
  }
}
