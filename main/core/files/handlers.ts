import type { HandlersFor } from '../../../shared/contract';
import type { filesContract } from '../../../shared/files/contract';
import type { Files } from './files';

export function filesHandlers(files: Files): HandlersFor<keyof typeof filesContract> {
  return {
    'files.pickSave': (input) => files.pickSave(input),
    'files.pickOpen': (input) => files.pickOpen(input),
  };
}
