import type { CaptureStep } from '../../src-shared/capture/capture-run';
import type { ScanOptions } from '../../src-shared/capture/scan-options';
import { AppError } from '../../src-shared/errors/app-error';
import { db } from '../db/database';
import { station } from '../station/station';
import { storeCapturedPage } from './store-captured-page';

/** The run being drained and the record it fills, kept in IndexedDB so a reload resumes it. */
export interface ActiveCapture {
  runId: string;
  recordId: string;
}

const ACTIVE_KEY = 'capture.active';
const CURRENT_RECORD_KEY = 'capture.currentRecord';

export const readActiveCapture = async (): Promise<ActiveCapture | null> =>
  ((await db.meta.get(ACTIVE_KEY))?.value as ActiveCapture | undefined) ?? null;

export const readCurrentRecordId = async (): Promise<string | null> =>
  ((await db.meta.get(CURRENT_RECORD_KEY))?.value as string | undefined) ?? null;

/** A new draft record for the next pages; it becomes the capture screen's current record. */
export async function startNewRecord(userId: string): Promise<string> {
  const id = crypto.randomUUID();
  const now = Date.now();
  await db.transaction('rw', db.records, db.meta, async () => {
    await db.records.add({
      id,
      status: 'draft',
      fields: {},
      createdBy: userId,
      createdAt: now,
      updatedAt: now,
    });
    await db.meta.put({ key: CURRENT_RECORD_KEY, value: id });
  });
  return id;
}

/** Starts a scan into `recordId` and remembers it before the first page can arrive. */
export async function beginCapture(options: ScanOptions, recordId: string): Promise<ActiveCapture> {
  const { runId } = await station.capture.start(options);
  const active = { runId, recordId };
  await db.meta.put({ key: ACTIVE_KEY, value: active });
  return active;
}

/**
 * Drains a run: each page is committed to IndexedDB, then confirmed to main with the next
 * request. Ends when the run ends (normally or with a device failure), returning that end.
 */
export async function drainCapture(
  active: ActiveCapture,
  onPage: () => void,
): Promise<Extract<CaptureStep, { kind: 'end' }>> {
  let confirmed: number | null = null;
  for (;;) {
    let step: CaptureStep;
    try {
      step = await station.capture.next({ runId: active.runId, confirmed });
    } catch (error) {
      // Main no longer knows the run (it restarted): nothing left to resume. A lost
      // connection, by contrast, keeps the run remembered for the next attempt.
      if (error instanceof AppError && error.code === 'capture.unknownRun') await db.meta.delete(ACTIVE_KEY);
      throw error;
    }
    if (step.kind === 'end') {
      await db.meta.delete(ACTIVE_KEY);
      return step;
    }
    await storeCapturedPage(active.recordId, active.runId, step.page);
    confirmed = step.page.sequence;
    onPage();
  }
}
