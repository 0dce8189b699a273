import type { ComponentType, ReactNode } from 'react';
import type { Locale } from '../../shared/settings/schema';
import { guides } from '../features/guides';
import { catalogue } from '../features/catalogue';
import { content } from '../features/content';
import { coordinator } from '../features/coordinator';
import { diagnostic } from '../features/diagnostic';
import { exportsFeature } from '../features/exports';
import { journal } from '../features/journal';
import { search } from '../features/search';
import { lock } from '../features/lock';
import { site } from '../features/site';
import { stats } from '../features/stats';
import { sync } from '../features/sync';
import { transfer } from '../features/transfer';
import { assembleResources, coreResources, initI18n } from '../i18n';
import { navigate, parseHash, type HashLocation } from '../lib/router';
import { provideSessionSlots } from '../ui/session-slots';
import type { FeatureRoute, NavEntry } from './feature';

// THE list of features: the shell builds its routes, navigation and translations from it, so a new feature is one
// more entry here (and its folder). The first feature's first navigation entry is the home page.
export const FEATURES = [
  journal,
  stats,
  exportsFeature,
  site,
  transfer,
  guides,
  catalogue,
  diagnostic,
  search,
  sync,
  content,
  coordinator,
  lock,
] as const;

// The journal's session screens show what other features add (guided mode): the shell hands them over here.
provideSessionSlots(FEATURES.flatMap((f) => ('sessionSlots' in f && f.sessionSlots ? [f.sessionSlots] : [])));

type Feature = (typeof FEATURES)[number];
type FeatureTexts<L extends 'fr' | 'en'> = { [F in Feature as F['namespace']]: F['i18n'][L] };
type FeatureErrors<L extends 'fr' | 'en'> = {
  [F in Feature as F extends { errors: object } ? F['namespace'] : never]: F extends {
    errors: { fr: object; en: object };
  }
    ? F['errors'][L]
    : never;
};
type Texts<L extends 'fr' | 'en'> = Omit<(typeof coreResources)[L], 'errors'> & {
  errors: (typeof coreResources)[L]['errors'] & FeatureErrors<L>;
} & FeatureTexts<L>;

/** Every namespace, central and per feature, in both languages (the completeness test reads them all). */
export const resources = assembleResources(FEATURES) as unknown as { fr: Texts<'fr'>; en: Texts<'en'> };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['fr'];
  }
}

export function initAppI18n(locale: Locale = 'fr') {
  return initI18n(locale, FEATURES);
}

export const ROUTES: readonly FeatureRoute[] = FEATURES.flatMap((f): readonly FeatureRoute[] => f.routes);
export const NAV: readonly NavEntry[] = FEATURES.flatMap((f): readonly NavEntry[] => f.nav);
export const HOME = NAV[0]!;
/** The features' header tools, in the order of FEATURES. */
export const HEADER_TOOLS: ReadonlyArray<{ key: string; Tool: ComponentType }> = FEATURES.flatMap((f) =>
  'headerTool' in f && f.headerTool ? [{ key: f.namespace, Tool: f.headerTool as ComponentType }] : [],
);
export const FIRST_RUN = FEATURES.map((f) => ('firstRun' in f ? f.firstRun : undefined)).find((c) => c !== undefined);
export const LOCK_SCREENS = FEATURES.map((f) => ('lockScreens' in f ? f.lockScreens : undefined)).find(
  (c) => c !== undefined,
);

/** In self-service mode: the self-service route this address leads to, or null (the shell then goes to SELF_SERVICE_HOME). */
export function resolveSelfServiceRoute(location: HashLocation): { name: string; screen: ReactNode } | null {
  for (const route of ROUTES) {
    if (!route.selfService) continue;
    const screen = route.match(location);
    if (screen !== null) return { name: route.name, screen };
  }
  return null;
}

/** The route an address leads to; an unknown address leads home. */
export function resolveRoute(location: HashLocation): { name: string; screen: ReactNode; beforeSetup: boolean } {
  for (const route of ROUTES) {
    const screen = route.match(location);
    if (screen !== null) return { name: route.name, screen, beforeSetup: route.beforeSetup ?? false };
  }
  const home = parseHash(HOME.href);
  const route = ROUTES.find((r) => r.match(home) !== null)!;
  return { name: route.name, screen: route.match(home), beforeSetup: route.beforeSetup ?? false };
}

/** After the first run: open the home page, unless the address already leads there. */
export function goHome(): void {
  if (resolveRoute(parseHash(window.location.hash)).name !== resolveRoute(parseHash(HOME.href)).name)
    navigate(HOME.href);
}
