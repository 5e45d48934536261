import { useEffect } from 'react';
import type { BackupReason } from '../../src-shared/backup/backup-manifest';
import { toAppError } from '../../src-shared/errors/app-error';
import { db } from '../db/database';
import { useStationSettings } from '../settings/station-settings-context';
import { station } from '../station/station';
import { onBackupRequest, setBackupState } from './backup-state';
import { runBackup } from './run-backup';

const CHECK_MS = 60_000;
/** After a failed scheduled backup (the USB drive not plugged in), wait this long before the next try. */
const RETRY_MS = 30 * 60_000;

/**
 * Backs up in the background while someone is signed in: when the schedule says one is
 * due, after the finalize queue has signed a batch, and when someone asks. Does nothing
 * until the admin has chosen a folder and set the recovery passphrase.
 */
export function useBackupRunner(enabled: boolean): void {
  const { settings } = useStationSettings();
  const folder = settings?.backup.folder ?? '';
  const intervalHours = settings?.backup.intervalHours ?? 0;
  const afterSigning = settings?.backup.afterSigning ?? false;
  useEffect(() => {
    if (!enabled || !folder) return;
    let stopped = false;
    let running: Promise<void> | null = null;
    const run = (reason: BackupReason) => {
      if (reason === 'signing' && !afterSigning) return;
      running ??= (async () => {
        setBackupState({ running: reason, progress: null, error: null });
        try {
          await runBackup(db, station, reason, (progress) => {
            if (!stopped) setBackupState({ progress });
          });
        } catch (error) {
          setBackupState({ error: toAppError(error).toData() });
        } finally {
          running = null;
          setBackupState({ running: null, progress: null, runs: Date.now() });
        }
      })();
    };
    const check = async () => {
      if (intervalHours === 0) return;
      const status = await station.backup.status({}).catch(() => null);
      if (!status?.passphraseSet) return;
      const now = Date.now();
      const due = (status.lastSuccessAt ?? 0) + intervalHours * 3600_000 <= now;
      const failedRecently = status.last && !status.last.ok && now - status.last.at < RETRY_MS;
      if (due && !failedRecently) run('schedule');
    };
    onBackupRequest(run);
    void check();
    const timer = setInterval(() => void check(), CHECK_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      onBackupRequest(() => undefined);
    };
  }, [enabled, folder, intervalHours, afterSigning]);
}
