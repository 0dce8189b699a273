import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export interface Host {
  url: string;
  dataDir: string;
  process: ChildProcess;
}

/** Starts the built browser-mode host (out/main/web.js) on a fresh data folder and a free port. */
export async function startHost(dataDir = mkdtempSync(join(tmpdir(), 'mediane-e2e-')), env: NodeJS.ProcessEnv = {}): Promise<Host> {
  const child = spawn(process.execPath, ['out/main/web.js', '--data-dir', dataDir, '--port', '0', '--no-open'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /serves (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`host exited ${code}: ${out}`)));
  });
  return { url, dataDir, process: child };
}

export async function stopHost(host: Host): Promise<void> {
  if (host.process.exitCode === null) {
    const exited = new Promise((r) => host.process.once('exit', r));
    host.process.kill('SIGTERM');
    await exited;
  }
}

/** axe-core scan: no serious or critical violation (WCAG 2.1 A and AA rules). */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`),
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
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await page.goto(host.url);
    await use(page);
    await context.close();
    expect(problems, 'no script error nor CSP violation in the page').toEqual([]);
  },
});

export { expect };
