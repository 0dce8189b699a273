import { rmSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { startHostProcess, stopHostProcess, type HostProcess } from '../fixtures/web-host';

export type Host = HostProcess;

/** Starts the built browser-mode host (out/main/web.js) on a fresh data folder and a free port. */
export function startHost(dataDir?: string, env: NodeJS.ProcessEnv = {}): Promise<Host> {
  return startHostProcess({ dataDir, env, timeoutMs: 20_000 });
}

export const stopHost = (host: Host): Promise<void> => stopHostProcess(host);

/** axe-core scan: no serious or critical violation (WCAG 2.1 A and AA rules). */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    ),
    `axe violations on ${screen}`,
  ).toEqual([]);
}

export const test = base.extend<{ host: Host; app: Page }>({
  // Playwright reads a fixture's dependencies from its destructured first argument: this one has none.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await stopHost(host);
    rmSync(host.dataDir, { recursive: true, force: true });
  },
  app: async ({ browser, host }, use) => {
    // A context made with browser.newContext(), as @axe-core/playwright requires.
    const context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    // The one-time launch URL, as the host's launcher opens it: the page then holds the session cookie.
    await page.goto(host.launchUrl);
    await use(page);
    await context.close();
    expect(problems, 'no script error nor CSP violation in the page').toEqual([]);
  },
});

export { expect };
