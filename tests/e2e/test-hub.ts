import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A real hub for the end-to-end specs: `hub/cli.ts` on 127.0.0.1 (a free port unless told), a temporary data folder,
// and its admin CLI (sites, enrollment codes, scopes, coordinators), as an operator would run them.

process.env.NO_PROXY = '127.0.0.1,localhost';
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

export type TestHub = ReturnType<typeof testHub>;

export function testHub(name: string, env: NodeJS.ProcessEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), `mediane-e2e-${name}-hub-`));
  let child: ChildProcess | null = null;

  function stop(): Promise<void> {
    const hub = child;
    child = null;
    return new Promise((resolve) => {
      if (!hub || hub.exitCode !== null) return resolve();
      hub.removeAllListeners('exit');
      hub.once('exit', () => resolve());
      hub.kill('SIGTERM');
    });
  }

  return {
    dir,

    /** `npm run hub:admin -- …` on this hub's data folder: its JSON answer. */
    admin(...args: string[]): Record<string, string> {
      return JSON.parse(execFileSync(TSX, ['hub/admin-cli.ts', ...args, '--data-dir', dir], { encoding: 'utf8' }));
    },

    /** Starts the hub (on `port` to come back at the same address after a stop) and resolves with its URL. */
    start(port = '0'): Promise<string> {
      const hub = spawn(TSX, ['hub/cli.ts', '--port', port, '--data-dir', dir], {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, ...env },
      });
      child = hub;
      return new Promise((resolve, reject) => {
        let out = '';
        hub.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
          if (m) resolve(m[0]);
        });
        hub.on('exit', (code) => reject(new Error(`hub exited (${code}): ${out}`)));
      });
    },

    /** Stops it and waits for the process to be gone. */
    stop,

    async dispose(): Promise<void> {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
