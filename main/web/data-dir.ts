import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * The browser mode's data folder: the same as the desktop app's (Electron's appData + "Mediane"), so both modes share
 * one journal. MEDIANE_DATA_DIR overrides it. Per the XDG base-directory spec, an empty or relative XDG_CONFIG_HOME
 * is ignored: it must never put the journal in whatever folder the host was started from.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.MEDIANE_DATA_DIR) return env.MEDIANE_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA || home, 'Mediane');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Mediane');
  const xdg = env.XDG_CONFIG_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.config'), 'Mediane');
}
