import { useSyncExternalStore } from 'react';
import type { BackupReason } from '../../src-shared/backup/backup-manifest';
import type { AppErrorData } from '../../src-shared/errors/app-error';
import type { BackupProgress } from './run-backup';

export interface BackupRunnerState {
  running: BackupReason | null;
  progress: BackupProgress | null;
  /** The last run's failure in this window (main keeps the lasting record in backup.status). */
  error: AppErrorData | null;
  /** Bumped after each run, so screens re-read main's status. */
  runs: number;
}

let state: BackupRunnerState = { running: null, progress: null, error: null, runs: 0 };
const listeners = new Set<() => void>();

export function setBackupState(change: Partial<BackupRunnerState>): void {
  state = { ...state, ...change };
  for (const listener of listeners) listener();
}

export const useBackupState = () =>
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );

let request: (reason: BackupReason) => void = () => undefined;
/** The runner registers how to start a backup; "Back up now" and the finalize queue call it. */
export const onBackupRequest = (handler: (reason: BackupReason) => void) => {
  request = handler;
};
export const requestBackup = (reason: BackupReason) => request(reason);
