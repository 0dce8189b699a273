#!/usr/bin/env node
// `npm test`: everything a fresh clone needs, then every check CI runs, in order:
// dependencies, native module for Node, Chromium for the end-to-end tests, typecheck, format, lint, the production build
// (with bundle sizes), unit and integration tests, end-to-end tests with axe-core. Ends with one summary line.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };

function run(title, cmd, args, options = {}) {
  console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env, ...options });
  if (r.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${r.status ?? r.signal}).`);
    summary();
    process.exit(1);
  }
}

function canRun(cmd) {
  try {
    execSync(cmd, { stdio: 'ignore', env });
    return true;
  } catch {
    return false;
  }
}

// 1. Dependencies.
const lock = join(root, 'package-lock.json');
const marker = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(marker) || statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000) {
  run('Install dependencies', 'npm', ['ci', '--no-audit', '--no-fund']);
}

// 2. better-sqlite3 must be built for Node's ABI (npm start rebuilds it for Electron's).
if (!canRun(`node -e "new (require('better-sqlite3'))(':memory:').close()"`)) {
  run('Rebuild better-sqlite3 for Node', 'npm', ['rebuild', 'better-sqlite3']);
}

// 3. Chromium for the end-to-end tests (Playwright's own browser download cannot work offline).
const chromiumCandidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  Boolean,
);
let chromium = chromiumCandidates.find((p) => existsSync(p));
if (!chromium && process.platform === 'linux' && process.getuid?.() === 0 && canRun('command -v apt-get')) {
  run('Install Chromium (Debian package)', 'sh', [
    '-c',
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
  ]);
  chromium = chromiumCandidates.find((p) => existsSync(p));
}
if (!chromium) {
  console.error(
    '\n✖ The end-to-end tests need Chromium. Install it with `sudo apt-get install chromium` (Debian/Ubuntu), ' +
      'or set CHROMIUM_PATH to a Chrome/Chromium executable, then run `npm test` again.',
  );
  process.exit(1);
}
env.CHROMIUM_PATH = chromium;

mkdirSync(join(root, 'test-results'), { recursive: true });
run('Typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']);
run('Format (Prettier; `npm run format` fixes it)', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
run('Lint (layers, i18n, accessibility)', 'npx', ['eslint', '.', '--max-warnings', '0']);
run('Production build', 'npx', ['electron-vite', 'build']);
run('Bundle size budget', 'node', ['tests/bundle-size.mjs']);
// After the build, so the shell tests also check the app:// handler against the real renderer output.
run('Unit and integration tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
]);
run('End-to-end tests (Chromium, axe-core)', 'npx', ['playwright', 'test']);
summary();

function summary() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const vitest = join(root, 'test-results', 'vitest.json');
  if (existsSync(vitest)) {
    const v = JSON.parse(readFileSync(vitest, 'utf8'));
    passed += v.numPassedTests ?? 0;
    failed += v.numFailedTests ?? 0;
    skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  }
  const e2e = join(root, 'test-results', 'e2e.json');
  if (existsSync(e2e)) {
    const s = JSON.parse(readFileSync(e2e, 'utf8')).stats ?? {};
    passed += s.expected ?? 0;
    failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
    skipped += s.skipped ?? 0;
  }
  console.log(`\nSummary: ${passed} passed, ${failed} failed, ${skipped} skipped`);
}
