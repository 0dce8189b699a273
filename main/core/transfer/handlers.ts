import type { HandlersFor } from '../../../shared/contract';
import type { transferContract } from '../../../shared/transfer/contract';
import type { TransferService } from './transfer-service';

export function transferHandlers(transfer: TransferService): HandlersFor<keyof typeof transferContract> {
  return {
    'transfer.export': (input) => transfer.exportDesk(input),
    'transfer.restore': (input) => transfer.restoreDesk(input),
  };
}
