import type { HandlersFor } from '../../../shared/contract';
import type { settingsContract } from '../../../shared/settings/contract';
import type { createSettingsService } from './settings-service';

export function settingsHandlers(
  settings: ReturnType<typeof createSettingsService>,
): HandlersFor<keyof typeof settingsContract> {
  return {
    'settings.update': (input) => settings.update(input),
  };
}
