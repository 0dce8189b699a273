import { readFileSync } from 'node:fs';

// Deployment settings are decided by whoever installs Médiane, not in the UI (see shared/contract.ts AppStatus).
// Today there is one: whether the installation is operated by a State body, the only case where the State's
// brand block may be shown (DSFR terms of use). Sources, first match wins:
//   1. the environment variable MEDIANE_STATE_OPERATED ("1"/"true" or "0"/"false");
//   2. a deployment.json placed by IT next to the executable (or in the app's resources folder);
//   3. a deployment.json in the user's data folder.
// Anything unreadable or malformed is ignored (with a warning): the default is "not State-operated".

export interface Deployment {
  stateOperated: boolean;
  /** Where the value came from, for the logs. */
  source: string;
}

export interface DeploymentSources {
  env: Record<string, string | undefined>;
  /** Candidate deployment.json paths, in order of precedence. */
  files: readonly string[];
  /** Returns the file's text, or null when it does not exist. Defaults to the real file system. */
  readText?: (path: string) => string | null;
  log?: { warn(message: string): void };
}

function readTextOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function flag(value: string | undefined): boolean | null {
  if (value === undefined) return null;
  const v = value.trim().toLowerCase();
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  return null;
}

export function readDeployment({ env, files, readText = readTextOrNull, log }: DeploymentSources): Deployment {
  const fromEnv = flag(env.MEDIANE_STATE_OPERATED);
  if (fromEnv !== null) return { stateOperated: fromEnv, source: 'env:MEDIANE_STATE_OPERATED' };
  if (env.MEDIANE_STATE_OPERATED !== undefined) log?.warn('[mediane] MEDIANE_STATE_OPERATED must be 1 or 0; ignored');
  for (const file of files) {
    const text = readText(file);
    if (text === null) continue;
    try {
      const parsed = JSON.parse(text) as unknown;
      const value = (parsed as { stateOperated?: unknown } | null)?.stateOperated;
      if (typeof value === 'boolean') return { stateOperated: value, source: file };
      log?.warn(`[mediane] ${file}: "stateOperated" must be true or false; ignored`);
    } catch {
      log?.warn(`[mediane] ${file} is not valid JSON; ignored`);
    }
  }
  return { stateOperated: false, source: 'default' };
}
