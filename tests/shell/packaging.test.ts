import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// SECURITY.md, rule 8 (fuses) and the packaging contract: electron-builder.yml loaded and validated by
// electron-builder's own loader and JSON schema (an unknown or misspelt key fails here, not on a release machine).

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));

type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  nsis: Record<string, unknown>;
  linux: Record<string, unknown>;
  mac: Record<string, unknown>;
  win: Record<string, unknown>;
  files: Array<string | { filter: string[] }>;
  asarUnpack: string[];
  directories: Record<string, string>;
};

let config: Config;

beforeAll(async () => {
  // app-builder-lib is electron-builder's engine (a dependency of the electron-builder devDependency).
  const builderDir = dirname(require.resolve('electron-builder/package.json'));
  const lib = createRequire(join(builderDir, 'package.json'));
  const { getConfig, validateConfiguration } = lib('app-builder-lib/out/util/config/config') as {
    getConfig(dir: string, path: string, opts: null): Promise<Config>;
    validateConfiguration(c: Config, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = lib('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  config = await getConfig(root, join(root, 'electron-builder.yml'), null);
  await validateConfiguration(config, new DebugLogger(false));
});

describe('electron-builder.yml', () => {
  it('identifies the product', () => {
    expect(config.appId).toBe('fr.mediane.app');
    expect(config.productName).toBe('Médiane');
    expect(config.directories.output).toBe('release');
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the built app in an asar, with the SQLite addon unpacked', () => {
    expect(config.asar).toBe(true);
    // getConfig normalises `files` to [{ filter: [...] }].
    const files = config.files.flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(files).toEqual(expect.arrayContaining(['out/**', 'package.json', 'resources/**']));
    expect(config.asarUnpack.some((p) => p.includes('better-sqlite3') && p.endsWith('.node'))).toBe(true);
  });

  it('builds an all-users assisted NSIS installer on Windows, keeping user data on uninstall', () => {
    expect(JSON.stringify(config.win.target)).toContain('nsis');
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      allowElevation: true,
      deleteAppDataOnUninstall: false,
    });
    const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    expect(text).toMatch(/\/S \/allusers/); // the silent install line for IT
  });

  it('builds AppImage and deb (Office) on Linux and a dmg on macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('signs macOS builds with the hardened runtime and a minimal entitlements file (allow-jit for V8, nothing else)', () => {
    expect(config.mac).toMatchObject({
      hardenedRuntime: true,
      entitlements: 'resources/packaging/entitlements.mac.plist',
      entitlementsInherit: 'resources/packaging/entitlements.mac.plist',
    });
    const plist = readFileSync(join(root, 'resources', 'packaging', 'entitlements.mac.plist'), 'utf8').replace(
      /<!--[\s\S]*?-->/g,
      '',
    );
    expect(plist).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\s*<!DOCTYPE plist[^>]*>\s*<plist version="1\.0">\s*<dict>/,
    );
    const entries = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<(true|false)\/>/g)].map((m) => [m[1], m[2]]);
    expect(entries).toEqual([['com.apple.security.cs.allow-jit', 'true']]);
    // No other key of any kind (arrays, strings) slipped in.
    expect(plist.match(/<key>/g)).toHaveLength(1);
  });

  it('publishes nowhere (no auto-update channel)', () => {
    expect(config.publish).toBeNull();
  });
});

describe('app icon', () => {
  it('is a 512x512 PNG, with its SVG source', () => {
    const png = readFileSync(join(root, 'resources', 'icons', 'icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    const svg = readFileSync(join(root, 'resources', 'icons', 'icon.svg'), 'utf8');
    expect(svg).toContain('viewBox="0 0 512 512"');
    // Original artwork, not the State's identity (the comment in the file says so; the drawing must not use it).
    expect(svg.replace(/<!--[\s\S]*?-->/g, '')).not.toMatch(/marianne|république|republique|#000091|#e1000f/i);
  });
});
