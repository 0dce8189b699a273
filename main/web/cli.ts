import { demoArchives } from '../core/catalogue/demo';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../core';
import { readDeployment } from '../core/deployment';
import { resetPin } from '../core/lock/reset';
import { startupErrorMessage } from '../core/startup-errors';
import { defaultDataDir } from './data-dir';
import { createWebServer } from './server';

// `npm run web`: Médiane in the browser, for machines without the Electron runtime and for end-to-end tests.

const here = dirname(fileURLToPath(import.meta.url));

function packageVersion(): string | undefined {
  // out/main/web.js and main/web/cli.ts both sit two folders below the project's package.json.
  try {
    return (JSON.parse(readFileSync(join(here, '..', '..', 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    spawn(cmd, args, { detached: true, stdio: 'ignore' })
      .on('error', () => undefined)
      .unref();
  } catch {
    // No browser launcher: the URL is printed, that is enough.
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      'no-open': { type: 'boolean', default: false },
      'renderer-dir': { type: 'string' },
      'reset-pin': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Invalid --port "${values.port}": give a number from 0 to 65535 (0 picks a free port).`);
    process.exit(2);
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  // A forgotten PIN: run by IT or the account's owner with Médiane closed (SECURITY.md, rule 21). Serves nothing.
  if (values['reset-pin']) {
    if (!existsSync(dataDir)) {
      console.error(`No Médiane data folder at ${dataDir}: give it with --data-dir.`);
      process.exit(2);
    }
    const outcome = resetPin(dataDir);
    console.log(
      outcome === 'reset'
        ? `The app lock's PIN was removed from ${dataDir} (and self-service mode ended). Set a new PIN in « Mon lieu ».`
        : `No PIN was set in ${dataDir}: nothing to do.`,
    );
    return;
  }
  const core = createCore({
    dataDir,
    stateOperated: readDeployment({ env: process.env, files: [join(dataDir, 'deployment.json')], log: console })
      .stateOperated,
    appVersion: process.env.npm_package_version ?? packageVersion(),
    // out/main/web.js → the repository's resources/ (browser mode runs from a checkout).
    demoCatalogue: demoArchives(join(here, '..', '..', 'resources')),
    // Another set of pinned publisher keys (a network's own, or a test's); by default resources/content-keys.
    contentKeysDir: process.env.MEDIANE_CONTENT_KEYS_DIR || undefined,
  });
  const rendererDir = resolve(values['renderer-dir'] ?? join(here, '..', 'renderer'));
  const { server, url, launchUrl } = await createWebServer({
    handlers: core.handlers,
    rendererDir,
    port,
    files: core.files,
  });
  core.warm();
  // The launch URL works once: the browser that opens it first gets the session cookie (see ./launch.ts). Tests parse
  // both lines. Residual risk: while a browser is being started, its command line (with the URL) is visible to other
  // local accounts in the process list; a stolen code is spent, so the real browser then shows the launch message.
  console.log(`Médiane (browser mode) serves ${url}`);
  console.log(`Open (one use): ${launchUrl}`);
  console.log(`Data: ${dataDir}`);
  if (!values['no-open']) openBrowser(launchUrl);

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    // Running jobs are cancelled and remove their partial files before the database closes.
    void core.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  console.error(startupErrorMessage(err, 'en') ?? (err instanceof Error ? err.message : err));
  process.exit(1);
});
