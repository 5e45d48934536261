import { useSyncExternalStore } from 'react';
import type { AppErrorData } from '../../src-shared/errors/app-error';

export interface SyncRunnerState {
  /** SoHoa Central answered its health check the last time it was asked (null: not asked yet). */
  online: boolean | null;
  running: boolean;
  /** Why sync is stuck now (Central unreachable, the station revoked…), shown in Vietnamese. */
  error: AppErrorData | null;
}

let state: SyncRunnerState = { online: null, running: false, error: null };
const listeners = new Set<() => void>();

/** The runner says what it is doing; the status bar and the sync screen show it. */
export function setSyncState(change: Partial<SyncRunnerState>): void {
  const next = { ...state, ...change };
  if (next.online === state.online && next.running === state.running && next.error === state.error) return;
  state = next;
  for (const listener of listeners) listener();
}

export const getSyncState = () => state;

export const useSyncState = () =>
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );

let wake: () => void = () => undefined;
/** The runner registers how to start a pass at once; "Sync now" calls it. */
export const onSyncWake = (handler: () => void) => {
  wake = handler;
};
export const wakeSyncRunner = () => wake();
