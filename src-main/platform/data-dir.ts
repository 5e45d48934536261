import { homedir } from 'node:os';
import { join } from 'node:path';

/** Folder name under the OS application-data folder; ASCII so that every tool copes with it. */
export const DATA_FOLDER_NAME = 'SoHoa Station';

/**
 * Where the station keeps its files. Electron main, the CLI and the browser harness must
 * agree on it, so it is computed here rather than taken from Electron's `userData`.
 * `SOHOA_DATA_DIR` overrides it (tests, portable installs, a second station on one PC).
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.SOHOA_DATA_DIR) return env.SOHOA_DATA_DIR;
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), DATA_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', DATA_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), DATA_FOLDER_NAME);
}
