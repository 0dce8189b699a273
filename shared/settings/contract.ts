import { mutation } from '../contract-kit';
import { Settings, SettingsInput } from './schema';

export const settingsContract = {
  'settings.update': mutation(SettingsInput, Settings),
} as const;
