import type { Feature } from '../../app/feature';
import { en, fr } from './i18n';
import * as errors from './i18n-errors';
import { LeaveSelfService } from './LeaveSelfService';
import { LockButton } from './LockButton';
import { LockScreen } from './LockScreen';
import { routes } from './routes';

/** The app lock of a shared PC (PIN, idle and on-demand lock) and self-service mode; the core enforces both. */
export const lock = {
  namespace: 'lock',
  i18n: { fr, en },
  errors: { fr: errors.fr, en: errors.en },
  routes,
  nav: [],
  headerTool: LockButton,
  lockScreens: { Locked: LockScreen, LeaveSelfService },
} as const satisfies Feature;
