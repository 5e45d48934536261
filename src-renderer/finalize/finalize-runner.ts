import { useEffect } from 'react';
import { AppError } from '../../src-shared/errors/app-error';
import { requestBackup } from '../backup/backup-state';
import { db } from '../db/database';
import { station } from '../station/station';
import { finalizeRecord } from './finalize-record';
import { setFinalizeState as setState } from './finalize-state';

const IDLE_POLL_MS = 1500;

/** Failures that are about the moment (no device unlocked, offline), not the record: try again later. */
const waitsForUnlock = (error: unknown) =>
  error instanceof AppError &&
  (error.code === 'signing.locked' ||
    error.code === 'signing.notConfigured' ||
    error.code === 'ipc.disconnected' ||
    error.code.startsWith('auth.'));

/**
 * Finalizes queued records in the background, one at a time, while someone who may sign is
 * logged in. The queue lives in IndexedDB (records marked `finalize.queued`), so a crash or
 * a restart resumes it; a record whose signing failed is marked with the reason and left
 * for the clerk. A token error that needs the clerk (wrong PIN, removed token) pauses the
 * queue rather than failing every record after it.
 */
export function useFinalizeRunner(enabled: boolean, context: { agencyName: string }): void {
  const { agencyName } = context;
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Records signed since the queue was last empty: a batch done is a backup due.
    let signed = 0;
    const later = () => {
      if (!stopped) timer = setTimeout(() => void pump(), IDLE_POLL_MS);
    };
    const pump = async () => {
      if (stopped) return;
      const next = (
        await db.records
          .where('finalize.state')
          .equals('queued')
          .filter((record) => record.status === 'indexed')
          .toArray()
      ).sort((a, b) => a.finalize!.queuedAt - b.finalize!.queuedAt)[0];
      if (!next) {
        setState({ current: null, waiting: false });
        if (signed > 0) requestBackup('signing');
        signed = 0;
        return later();
      }
      const status = await station.signing.status({}).catch(() => null);
      if (!status?.unlocked) {
        setState({ current: null, waiting: true });
        return later();
      }
      setState({ current: next.id, waiting: false });
      try {
        const procedure = next.procedureCode
          ? (await station.procedures.list({})).find((each) => each.code === next.procedureCode)
          : undefined;
        await finalizeRecord(next.id, {
          agencyName,
          ...(procedure ? { procedureName: procedure.name } : {}),
        });
        signed += 1;
      } catch (error) {
        if (!waitsForUnlock(error)) {
          const data = (
            error instanceof AppError ? error : new AppError('internal', { detail: String(error) })
          ).toData();
          await db.records.update(next.id, {
            finalize: { state: 'failed', queuedAt: next.finalize!.queuedAt, error: data },
          });
        }
        if (error instanceof AppError && error.code.startsWith('signing.'))
          await station.signing.lock({}).catch(() => undefined);
      }
      setState({ current: null, waiting: false });
      void pump();
    };
    void pump();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [enabled, agencyName]);
}
