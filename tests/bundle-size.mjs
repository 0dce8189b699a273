// The renderer's initial JavaScript must stay under 500 KB gzipped (issue #2). Reads the built index.html,
// gzips every script it loads up front (entry and modulepreload), prints the figure and fails over budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 500 * 1024;
const dir = join(import.meta.dirname, '..', 'out', 'renderer');
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const scripts = [
  ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\.?\/?([^"]+\.js)"/g),
].map((m) => m[1]);
let total = 0;
for (const s of new Set(scripts)) {
  const gz = gzipSync(readFileSync(join(dir, s))).length;
  total += gz;
  console.log(`  ${s}: ${(gz / 1024).toFixed(1)} KB gzipped`);
}
console.log(`Initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (budget ${BUDGET / 1024} KB)`);
if (scripts.length === 0 || total > BUDGET) process.exit(1);
