import { backoffDelay } from '../../src-shared/sync/backoff';
import { eachInFlight, RECORDS_IN_FLIGHT } from '../../src-shared/sync/in-flight';
import { AppError } from '../../src-shared/errors/app-error';
import { db } from '../db/database';
import type { OutboxRow } from '../db/rows';
import { station } from '../station/station';
import { syncAuditTrail } from './sync-audit';
import { syncInventory, syncRevocations } from './sync-facts';
import { syncRecord } from './sync-record';
import { setSyncState, type SyncRunnerState } from './sync-state';

export const LAST_SUCCESS_KEY = 'sync.lastSuccessAt';
export const PAUSED_KEY = 'sync.paused';
const UNREACHABLE_IN_A_ROW = 3;

/** Failures that are about this record, for good: a person must look (Central said no). */
const REFUSED = new Set(['sync.conflict', 'sync.rejected', 'sync.notApproved', 'sync.forbidden']);
/** Failures that stop the whole pass until someone acts (enrolment, revocation) or the session returns. */
const STOPS = (code: string) =>
  // A receipt Central did not sign: something stands between the station and Central.
  [
    'sync.unauthorized',
    'sync.stationRevoked',
    'sync.notEnrolled',
    'sync.notConfigured',
    'sync.receiptInvalid',
    // A certificate other than the one pinned: something stands in the way, or Central changed it.
    'sync.certificateMismatch',
    'sync.insecureUrl',
  ].includes(code) ||
  code.startsWith('auth.') ||
  code === 'ipc.disconnected';

const asAppError = (error: unknown) =>
  error instanceof AppError ? error : new AppError('internal', { detail: String(error) });

export interface SyncPassResult {
  online: boolean;
  synced: number;
  failed: number;
}

/**
 * One pass of the outbox: if SoHoa Central answers its health check, every record whose
 * time has come is sent (oldest first); a transient failure waits with exponential backoff
 * and jitter, a refusal is marked for a person, a station-wide problem stops the pass.
 * Then revocations, inventory counts and the audit trail follow. Everything it needs is in
 * IndexedDB, so a pass interrupted at any point (a crash, a reload, a restart) is simply
 * run again.
 */
export async function runSyncPass(now = Date.now()): Promise<SyncPassResult> {
  const result: SyncPassResult = { online: false, synced: 0, failed: 0 };
  if ((await db.meta.get(PAUSED_KEY))?.value === true) return result;
  const status = await station.sync.status({});
  if (!status.enrolled) {
    setSyncState({
      online: null,
      error: new AppError(status.centralUrl ? 'sync.notEnrolled' : 'sync.notConfigured').toData(),
    });
    return result;
  }
  const health = await station.sync.health({});
  setSyncState({ online: health.reachable, ...(health.reachable ? {} : { error: health.error }) });
  if (!health.reachable) return result;
  result.online = true;
  setSyncState({ running: true });
  try {
    const due = (await db.outbox.where('status').anyOf('pending', 'uploading').toArray())
      .filter((row) => row.nextAttemptAt <= now)
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.updatedAt - b.updatedAt);
    let unreachable = 0;
    let stop: Partial<SyncRunnerState> | null = null;
    // Several records at once (Central takes them in any order); a station-wide problem or
    // Central gone stops new ones from starting, and those under way finish.
    await eachInFlight(
      due,
      RECORDS_IN_FLIGHT,
      async (row) => {
        try {
          await syncRecord(row);
          result.synced += 1;
          unreachable = 0;
          await db.meta.put({ key: LAST_SUCCESS_KEY, value: Date.now() });
        } catch (error) {
          const failure = asAppError(error);
          if (STOPS(failure.code)) {
            stop ??= { error: failure.toData() };
            return;
          }
          result.failed += 1;
          await markFailure(row, failure);
          // A request lost now and then does not stop the pass; Central gone (several in a row)
          // does, and the rest waits for the next health check.
          if (failure.code === 'sync.unreachable' && ++unreachable >= UNREACHABLE_IN_A_ROW) {
            stop ??= { online: false, error: failure.toData() };
          }
        }
      },
      () => stop !== null,
    );
    if (stop) {
      setSyncState(stop);
      return result;
    }
    // Then the facts about records and offices (after the records they refer to), and the trail.
    let followFailed = false;
    for (const follow of [syncRevocations, syncInventory, syncAuditTrail]) {
      await follow().catch((error: unknown) => {
        followFailed = true;
        setSyncState({ error: asAppError(error).toData() });
      });
    }
    if (result.failed === 0 && !followFailed) setSyncState({ error: null });
    return result;
  } finally {
    setSyncState({ running: false });
  }
}

async function markFailure(row: OutboxRow, failure: AppError): Promise<void> {
  const attempts = row.attempts + 1;
  const refused = REFUSED.has(failure.code);
  await db.outbox.update(row.id, {
    status: refused ? 'failed' : 'pending',
    attempts,
    nextAttemptAt: Date.now() + backoffDelay(attempts),
    lastError: failure.toData(),
    updatedAt: Date.now(),
  });
}

/** "Sync now": every waiting record is due at once (backoff forgotten), refused ones tried again. */
export async function syncNow(): Promise<void> {
  const now = Date.now();
  await db.outbox
    .where('status')
    .anyOf('pending', 'uploading', 'failed')
    .modify((row: OutboxRow) => {
      row.nextAttemptAt = now;
      if (row.status === 'failed') row.status = 'pending';
    });
}

export const setSyncPaused = (paused: boolean) => db.meta.put({ key: PAUSED_KEY, value: paused });
