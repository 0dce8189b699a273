import type { appContract } from '../../../shared/app/contract';
import type { AppStatus } from '../../../shared/app/schema';
import type { HandlersFor } from '../../../shared/contract';

export function appHandlers(status: () => AppStatus): HandlersFor<keyof typeof appContract> {
  return { 'app.status': () => status() };
}
