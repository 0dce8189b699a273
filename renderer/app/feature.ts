import type { ComponentType, ReactNode } from 'react';
import type { HashLocation } from '../lib/router';
import type { SessionSlots } from '../ui/session-slots';

// What a feature hands to the shell (renderer/app/features.ts lists them). A feature folder exports one of these
// from its index.ts and never imports another feature: what two features share goes to renderer/ui or renderer/lib.

export interface FeatureRoute {
  /** Unique across the app; navigation entries name the routes they stand for. */
  name: string;
  /** The screen for this address, or null when the address is not this route's. */
  match(location: HashLocation): ReactNode | null;
  /** Also reachable before the desk is set up (instead of the first-run screen), e.g. restoring a desk. */
  beforeSetup?: boolean;
  /** Reachable in self-service mode (the diagnosis): every other route then leads to SELF_SERVICE_HOME. */
  selfService?: boolean;
}

export interface NavEntry {
  key: string;
  href: string;
  /** i18n key with its namespace ("journal:nav.journal"). */
  label: string;
  /** The routes under which this entry is the current page. */
  routes: readonly string[];
  /** A keyboard shortcut that opens this entry (renderer/lib/shortcuts.ts), with its i18n description. */
  shortcut?: { keys: string; description: string };
}

export interface Feature {
  /** The folder's name, also its i18n namespace. */
  namespace: string;
  i18n: { fr: object; en: object };
  /** Texts of the core's refusals for this feature's methods, filed under "errors:<namespace>.". */
  errors?: { fr: object; en: object };
  routes: readonly FeatureRoute[];
  nav: readonly NavEntry[];
  /** The screen shown instead of every route until the desk is set up (one feature at most provides it). */
  firstRun?: ComponentType<{ onDone(): void }>;
  /** A tool shown in the header on every screen once the desk is set up (the running timer). */
  headerTool?: ComponentType;
  /** What the feature adds to the journal's session screens (renderer/ui/session-slots.tsx). */
  sessionSlots?: SessionSlots;
  /** The app lock's screens (one feature at most): shown by the shell while the core says locked / self-service. */
  lockScreens?: {
    /** Instead of the whole app while locked. */
    Locked: ComponentType;
    /** In the header in self-service mode: the way out, with the PIN. */
    LeaveSelfService: ComponentType;
  };
}
