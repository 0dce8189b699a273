import type { HandlersFor } from '../../../shared/contract';
import type { coordinatorContract } from '../../../shared/coordinator/contract';
import type { CoordinatorService } from './coordinator-service';

export function coordinatorHandlers(c: CoordinatorService): HandlersFor<keyof typeof coordinatorContract> {
  return {
    'coordinator.status': () => c.status(),
    'coordinator.connect': (input) => c.connect(input),
    'coordinator.disconnect': () => c.disconnect(),
    'coordinator.summary': (input) => c.summary(input),
    'coordinator.site': (input) => c.site(input),
    'coordinator.importSnapshotFile': (input) => c.importSnapshotFile(input),
    'coordinator.export': (input) => c.exportTables(input),
  };
}
