import type { HandlersFor } from '../../../shared/contract';
import type { printContract } from '../../../shared/print/contract';
import type { PrintService } from './print-service';

export function printHandlers(print: PrintService): HandlersFor<keyof typeof printContract> {
  return { 'print.savePdf': (input) => print.savePdf(input) };
}
