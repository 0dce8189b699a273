import { defineConfig } from '@playwright/test';

// End-to-end tests drive the browser mode (the same core and renderer as the desktop app) in Debian's Chromium.
// Each test gets its own host process on a fresh data folder: see tests/e2e/fixtures.ts.
export default defineConfig({
  testDir: 'tests/e2e',
  // Artifacts (traces) in a subfolder: Playwright empties its outputDir, and test-results/ also holds vitest's report.
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
