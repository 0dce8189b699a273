import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, RUNNING_MARKER } from '../../main/core/storage/names';
import { removeTempDirs, tempDir } from './helpers';

// Two browser-mode hosts on one data folder: the second is refused with a message naming the first, and the first
// keeps serving (before the lock, the second would have deleted the first one's running marker on exit).
// Runs the built host (out/main/web.js), as a desk does: `npx electron-vite build` first (npm test does).

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WEB_HOST = join(ROOT, 'out/main/web.js');

interface Spawned {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function spawnHost(dataDir: string): Spawned {
  const child = spawn(process.execPath, [WEB_HOST, '--data-dir', dataDir, '--port', '0', '--no-open'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

function servingUrl(host: Spawned): Promise<string> {
  return new Promise((resolve, reject) => {
    const look = () => {
      const m = /serves (http:\/\/127\.0\.0\.1:\d+\/)/.exec(host.output());
      if (m) resolve(m[1]!);
    };
    host.child.stdout!.on('data', look);
    void host.exited.then((code) => reject(new Error(`host exited (${code}) before serving:\n${host.output()}`)));
    look();
  });
}

const started: Spawned[] = [];
beforeAll(() => {
  if (!existsSync(WEB_HOST))
    throw new Error(`${WEB_HOST} is missing: run \`npx electron-vite build\` before this test.`);
});
afterAll(async () => {
  for (const h of started) {
    if (h.child.exitCode === null && h.child.signalCode === null) {
      h.child.kill('SIGTERM');
      await h.exited;
    }
  }
  removeTempDirs();
});

describe('two browser-mode hosts on one data folder', () => {
  it('refuses the second with a message naming the first, which keeps serving and keeps its marker', async () => {
    const dataDir = tempDir();
    const first = spawnHost(dataDir);
    started.push(first);
    const url = await servingUrl(first);
    const marker = readFileSync(join(dataDir, RUNNING_MARKER), 'utf8');
    expect(marker).toBe(String(first.child.pid));

    const second = spawnHost(dataDir);
    started.push(second);
    const code = await second.exited;
    expect(code).not.toBe(0);
    expect(second.output()).toContain(
      `This data folder is already open in Médiane in browser mode (process ${first.child.pid}).`,
    );
    expect(second.output()).not.toMatch(/serves http/);

    // The first host is untouched: still serving, its marker and lock in place.
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(readFileSync(join(dataDir, RUNNING_MARKER), 'utf8')).toBe(marker);
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({
      pid: first.child.pid,
      host: 'browser',
    });

    // A normal exit releases the folder: the lock and the marker go, and a new host opens it.
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    expect(existsSync(join(dataDir, RUNNING_MARKER))).toBe(false);
    const third = spawnHost(dataDir);
    started.push(third);
    await servingUrl(third);
  });
});
