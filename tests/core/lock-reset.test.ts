import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runPinReset } from '../../main/app/pin-reset';
import { LOCK_STATE_FILE } from '../../main/core/lock/lock-store';
import { call, individual, LYON_SITE, openCore, removeTempDirs, testClock } from './helpers';

// The recovery of a forgotten PIN, as IT runs it: the browser-mode command line (`--reset-pin --data-dir DIR`) and
// the desktop app's flag (`Médiane --reset-pin`, main/app/pin-reset.ts). Both refuse while Médiane holds the folder.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FAST = { kdf: { N: 2 ** 10, r: 8, p: 1 } };

afterEach(removeTempDirs);

async function deskWithPin() {
  const core = openCore({ clock: testClock(), lock: FAST });
  await call(core, 'site.save', LYON_SITE);
  await call(core, 'journal.create', individual());
  await call(core, 'lock.setPin', { pin: '4321' });
  await call(core, 'lock.enterSelfService', {});
  return core;
}

function cli(dataDir: string) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'main/web/cli.ts'), '--reset-pin', '--data-dir', dataDir],
    { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' }, encoding: 'utf8', timeout: 60_000 },
  );
}

describe('resetting a forgotten PIN', () => {
  it('from the command line: refused while Médiane runs, then removes the PIN and keeps the journal', async () => {
    const core = await deskWithPin();
    const busy = cli(core.dataDir);
    expect(busy.status).not.toBe(0);
    expect(existsSync(join(core.dataDir, LOCK_STATE_FILE))).toBe(true);
    await core.close();

    const done = cli(core.dataDir);
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toContain('PIN was removed');
    expect(existsSync(join(core.dataDir, LOCK_STATE_FILE))).toBe(false);
    expect(cli(core.dataDir).stdout).toContain('No PIN was set');

    const after = openCore({ dataDir: core.dataDir, clock: testClock(), lock: FAST });
    expect((await call(after, 'lock.status', {})).pinSet).toBe(false);
    expect((await call(after, 'journal.list', {})).total).toBe(1);
    await after.close();
  }, 90_000);

  it('from the desktop flag: says why when Médiane runs, then resets', async () => {
    const core = await deskWithPin();
    const busy = runPinReset(core.dataDir, true);
    expect(busy.code).toBe(1);
    expect(busy.message).toMatch(/déjà ouvert|utilis/i);
    await core.close();
    expect(runPinReset(core.dataDir, true)).toMatchObject({ code: 0, message: expect.stringContaining('est retiré') });
    expect(runPinReset(core.dataDir, false)).toMatchObject({
      code: 0,
      message: expect.stringContaining('No lock PIN'),
    });
  });
});
