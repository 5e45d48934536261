import { useSyncExternalStore } from 'react';

export interface FinalizeRunnerState {
  /** The record being finalized now. */
  current: string | null;
  /** Records are queued but nobody has unlocked the signing device. */
  waiting: boolean;
}

let state: FinalizeRunnerState = { current: null, waiting: false };
const listeners = new Set<() => void>();

/** The runner (mounted once, in the shell) says what it is doing; screens show it. */
export function setFinalizeState(next: FinalizeRunnerState): void {
  if (next.current === state.current && next.waiting === state.waiting) return;
  state = next;
  for (const listener of listeners) listener();
}

export const useFinalizeState = () =>
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
