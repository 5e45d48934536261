import { chmodSync, mkdirSync } from 'node:fs';

/** Mode of a folder holding personal data: its owner only. */
export const OWNER_ONLY_FOLDER = 0o700;
/** Mode of a file holding personal data (scans, accounts, logs, keys): its owner only. */
export const OWNER_ONLY_FILE = 0o600;

/**
 * Personal data at rest, for a whole process (the station's main, the CLI, the harness,
 * SoHoa Central): every file and folder it makes from now on is its owner's only (umask
 * 077), and the data folder, made or found, is closed to other users of the machine, so
 * what was written under it before (by an older version, with 0755/0644) is out of their
 * reach too. On Windows the modes mean little: the per-user profile folders' ACLs do it.
 */
export function keepDataOwnerOnly(dataDir: string): void {
  process.umask(0o077);
  mkdirSync(dataDir, { recursive: true, mode: OWNER_ONLY_FOLDER });
  if (process.platform !== 'win32') chmodSync(dataDir, OWNER_ONLY_FOLDER);
}
