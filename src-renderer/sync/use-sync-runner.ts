import { useEffect } from 'react';
import { backoffDelay } from '../../src-shared/sync/backoff';
import { useStationSettings } from '../settings/station-settings-context';
import { pruneSyncedDocuments } from './prune-documents';
import { runSyncPass } from './sync-pass';
import { onSyncWake } from './sync-state';

const IDLE_MS = 5_000;

/**
 * Syncs in the background while someone is signed in: a pass every few seconds while
 * Central answers, backing off (with jitter) while it does not. Mounted once, in the shell.
 */
export function useSyncRunner(enabled: boolean): void {
  const { settings } = useStationSettings();
  const pruneAfterDays = settings?.sync.pruneAfterDays ?? 0;
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let offlinePasses = 0;
    const pass = async () => {
      if (stopped) return;
      const result = await runSyncPass().catch(() => ({ online: false, synced: 0, failed: 0 }));
      offlinePasses = result.online ? 0 : offlinePasses + 1;
      await pruneSyncedDocuments(pruneAfterDays).catch(() => 0);
      if (stopped) return;
      const wait =
        result.synced > 0 ? 0 : result.online ? IDLE_MS : Math.max(IDLE_MS, backoffDelay(offlinePasses - 1));
      timer = setTimeout(start, wait);
    };
    let passing: Promise<void> | null = null;
    const start = () => {
      clearTimeout(timer);
      passing ??= pass().finally(() => (passing = null));
    };
    onSyncWake(start);
    start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      onSyncWake(() => undefined);
    };
  }, [enabled, pruneAfterDays]);
}
