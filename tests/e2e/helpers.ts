import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Calls the core the way the page does (same cookie, same header, same contract), to seed data a test is not about. */
export async function rpc<T = unknown>(page: Page, method: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([m, body]) => {
      const res = await fetch(`./rpc/${m}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-mediane-rpc': '1' },
        body: JSON.stringify(body),
      });
      return res.json();
    },
    [method, input] as const,
  );
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

export const SITE = {
  name: 'France Services de Lunel',
  siteType: 'france_services',
  communeCode: '34145',
  postcode: '34400',
  street: '12 rue de la République',
  services: ['Aide aux démarches administratives'],
};

/** A desk already set up (first-run setup has its own test), then the journal reloaded. */
export async function withSite(page: Page): Promise<void> {
  await rpc(page, 'site.save', SITE);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Journal des séances' })).toBeVisible();
}

export function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function adminSession(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'individuel',
    date: today(),
    durationMin: 30,
    channel: 'lieu_activite',
    topics: ['aide_aux_demarches_administratives'],
    adminTopics: ['social_sante'],
    operators: ['caf'],
    procedureName: 'Demande de prime d’activité',
    outcome: 'finalisee',
    ...overrides,
  };
}

/** A digital-mediation session (e-mail), no operator, no outcome: the other common kind of individual session. */
export function emailSession(overrides: Record<string, unknown> = {}) {
  return adminSession({
    topics: ['email'],
    adminTopics: [],
    operators: [],
    procedureName: '',
    outcome: null,
    ...overrides,
  });
}
