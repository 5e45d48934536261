import type { CaptureRunSummary, CaptureStep } from '../../src-shared/capture/capture-run';
import type { ScanOptions } from '../../src-shared/capture/scan-options';
import { AppError } from '../../src-shared/errors/app-error';
import { db } from '../db/database';
import { station } from '../station/station';
import { storeCapturedItem } from './store-captured-item';

/**
 * The renderer's side of capture runs. Each run drains into one record; which record is
 * kept in IndexedDB (`capture.run:<runId>`) before the first item is stored, so a reload
 * resumes the run into the same record.
 */
export type RunEnd = Extract<CaptureStep, { kind: 'end' }>;

const CURRENT_RECORD_KEY = 'capture.currentRecord';
const bindingKey = (runId: string) => `capture.run:${runId}`;

export const readCurrentRecordId = async (): Promise<string | null> =>
  ((await db.meta.get(CURRENT_RECORD_KEY))?.value as string | undefined) ?? null;

export const setCurrentRecordId = (recordId: string) =>
  db.meta.put({ key: CURRENT_RECORD_KEY, value: recordId });

/** A new draft record for the next pages; unless told otherwise, the capture screen's current record. */
export async function startNewRecord(
  userId: string,
  options: { captureLabel?: string; makeCurrent?: boolean } = {},
): Promise<string> {
  const { captureLabel, makeCurrent = true } = options;
  const id = crypto.randomUUID();
  const now = Date.now();
  await db.transaction('rw', db.records, db.meta, async () => {
    await db.records.add({
      id,
      status: 'draft',
      fields: {},
      captureLabel,
      createdBy: userId,
      createdAt: now,
      updatedAt: now,
    });
    if (makeCurrent) await setCurrentRecordId(id);
  });
  return id;
}

export const bindRun = (runId: string, recordId: string) =>
  db.meta.put({ key: bindingKey(runId), value: recordId });

/**
 * The record a run drains into. A run nobody bound yet (the hot folder's, or one whose
 * window closed before binding it) gets a new record of its own, beside the current one.
 */
export async function recordForRun(run: CaptureRunSummary, userId: string): Promise<string> {
  const bound = (await db.meta.get(bindingKey(run.runId)))?.value as string | undefined;
  if (bound && (await db.records.get(bound))) return bound;
  const recordId = await startNewRecord(userId, { captureLabel: run.label, makeCurrent: false });
  await bindRun(run.runId, recordId);
  return recordId;
}

/** Starts a scan into `recordId` and binds it before the first page can arrive. */
export async function beginScan(options: ScanOptions, recordId: string): Promise<string> {
  const { runId } = await station.capture.start(options);
  await bindRun(runId, recordId);
  return runId;
}

/** Runs being drained by this window: one drain per run, whoever asks. */
const draining = new Map<string, Promise<RunEnd>>();

/**
 * Drains a run: each item is committed to IndexedDB, then confirmed to main with the next
 * request. Ends when the run ends (normally or with a failure), returning that end.
 */
export function drainRun(runId: string, recordId: string, onItem: () => void = () => undefined) {
  const existing = draining.get(runId);
  if (existing) return existing;
  const drain = (async (): Promise<RunEnd> => {
    let confirmed: number | null = null;
    for (;;) {
      let step: CaptureStep;
      try {
        step = await station.capture.next({ runId, confirmed });
      } catch (error) {
        // Main no longer knows the run: nothing left to resume. A lost connection, by
        // contrast, keeps the binding for the next attempt.
        if (error instanceof AppError && error.code === 'capture.unknownRun')
          await db.meta.delete(bindingKey(runId));
        throw error;
      }
      if (step.kind === 'end') {
        await db.meta.delete(bindingKey(runId));
        return step;
      }
      confirmed = await storeCapturedItem(recordId, runId, step);
      onItem();
    }
  })().finally(() => draining.delete(runId));
  draining.set(runId, drain);
  return drain;
}

export const isDraining = (runId: string) => draining.has(runId);
