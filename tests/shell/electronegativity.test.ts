import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// SECURITY.md, rule 11: the desktop shell scanned by Doyensec's Electron security linter, electronegativity, with no
// HIGH severity finding. Scanned: the shell's sources (main/app, main/ipc, main/preload.ts, the CSP) and, when a
// build exists, the built main entry, preload and renderer page (out/).
//
// Excluded checks and filtered findings, each narrowly:
// - AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK is not run: it downloads Electron's release list from GitHub, which
//   build machines cannot reach (the result would depend on the network). Electron's version is pinned in
//   package.json and kept current by hand (SECURITY.md, rule 10).
// - CONTEXT_ISOLATION_JS_CHECK at `new BrowserWindow(createWindowOptions(...))`: the linter reads one file at a
//   time and cannot see the options built in main/app/window-options.ts, so it reports "no contextIsolation".
//   Filtered only at that exact call, and only after this test checks that createWindowOptions() really sets
//   contextIsolation: true (the values are also pinned by window-options.test.ts and main-entry.test.ts).

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
  manualReview: boolean;
}
interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Issue[];
}
type Run = (options: Record<string, unknown>) => Promise<ScanResult>;

// Check class names, as the linter's options expect (its report shows AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK).
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function copy(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

/** Stages the files to scan in a temp folder (the linter takes one input folder). */
function stage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mediane-eneg-'));
  dirs.push(dir);
  const sources = [
    ...readdirSync(join(root, 'main/app'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => `main/app/${f}`),
    ...readdirSync(join(root, 'main/ipc'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => `main/ipc/${f}`),
    'main/preload.ts',
    'shared/security.ts',
    'shared/ipc.ts',
  ];
  for (const f of sources) copy(join(root, f), join(dir, 'src', f));
  copy(join(root, 'package.json'), join(dir, 'package.json')); // the linter reads the Electron version here
  const built: Array<[string, string]> = [
    ['out/main/index.js', 'built/main/index.js'],
    ['out/preload/index.cjs', 'built/preload/index.js'], // the linter only reads .js/.ts/.html names
    ['out/renderer/index.html', 'built/renderer/index.html'],
  ];
  for (const [from, to] of built) if (existsSync(join(root, from))) copy(join(root, from), join(dir, to));
  return dir;
}

async function scan(input: string): Promise<ScanResult> {
  const run = require('@doyensec/electronegativity') as Run;
  const log = console.log;
  console.log = () => undefined; // it prints about fetching translations; keep the test output quiet
  try {
    return await run({ input, isRelative: true, excludeFromScan: EXCLUDED_CHECKS });
  } finally {
    console.log = log;
  }
}

/** The exact call the linter cannot follow: `new BrowserWindow(createWindowOptions(` from the flagged position. */
function isWindowOptionsFactoryCall(dir: string, issue: Issue): boolean {
  const lines = readFileSync(join(dir, issue.file), 'utf8').split('\n');
  const from = lines
    .slice(issue.location.line - 1, issue.location.line + 2)
    .join('\n')
    .slice(issue.location.column);
  return /^new BrowserWindow\(\s*createWindowOptions\(/.test(from);
}

describe('electronegativity scan', () => {
  it('finds HIGH issues in a deliberately insecure fixture (the scanner works here)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mediane-eneg-bad-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ devDependencies: { electron: '45.5.0' } }));
    writeFileSync(
      join(dir, 'bad.js'),
      "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n",
    );
    const result = await scan(dir);
    expect(result.issues.filter((i) => i.severity.name === 'HIGH').map((i) => i.id)).toEqual(
      // No contextIsolation, and no will-navigate / window-open handler anywhere.
      expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']),
    );
  });

  it('reports no HIGH severity finding in the desktop shell', async () => {
    const { createWindowOptions } = await import('../../main/app/window-options');
    expect(createWindowOptions({ preloadPath: 'p' }).webPreferences?.contextIsolation).toBe(true);

    const dir = stage();
    const result = await scan(dir);
    expect(result.atomicChecks).toBeGreaterThan(20);
    // Every staged file was parsed (a file the linter cannot read would be a silent pass).
    expect(result.errors.filter((e) => !e.tolerable)).toEqual([]);

    const high = result.issues.filter((i) => i.severity.name === 'HIGH');
    const filtered = high.filter((i) => i.id === 'CONTEXT_ISOLATION_JS_CHECK' && isWindowOptionsFactoryCall(dir, i));
    const remaining = high.filter((i) => !filtered.includes(i));
    expect(remaining.map((i) => `${i.id} ${i.file}:${i.location.line}`)).toEqual([]);
    // The filter must stay narrow: at most the one call site in the sources and the same one in the build.
    expect(filtered.length).toBeLessThanOrEqual(2);

    const others = result.issues.filter((i) => i.severity.name !== 'HIGH');
    console.info(
      `electronegativity: ${result.atomicChecks + result.globalChecks} checks, no HIGH finding` +
        (filtered.length ? ` (${filtered.length} filtered: createWindowOptions call)` : '') +
        (others.length
          ? `; for review: ${others.map((i) => `${i.id} ${i.severity.name} ${i.file}:${i.location.line}`).join(', ')}`
          : ''),
    );
  });
});
