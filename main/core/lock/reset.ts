import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { lockDataFolder, type HostKind } from '../storage/data-folder-lock';
import { LOCK_STATE_FILE } from './lock-store';

// The only way back from a forgotten PIN: whoever controls the computer's account (IT, the account owner) runs
// `node out/main/web.js --reset-pin --data-dir DIR` (or `npm run web -- --reset-pin --data-dir DIR`) with Médiane
// closed. It removes the PIN, the lock, self-service mode and the wrong-PIN count, and touches nothing else: the
// journal is never opened. It takes the data folder's lock first, so a running Médiane is never changed underneath.

export type ResetOutcome = 'reset' | 'no-pin';

export function resetPin(dataDir: string, host: HostKind = 'browser'): ResetOutcome {
  const folderLock = lockDataFolder(dataDir, host);
  try {
    const path = join(dataDir, LOCK_STATE_FILE);
    if (!existsSync(path)) return 'no-pin';
    rmSync(path);
    return 'reset';
  } finally {
    folderLock.release();
  }
}
