import type { CaptureRunSummary, CaptureStep } from '../../src-shared/capture/capture-run';
import type { RecordTarget, RunPolicy } from '../../src-shared/capture/capture-profile';
import type { ScanOptions } from '../../src-shared/capture/scan-options';
import {
  separationStep,
  type SeparationPolicy,
  type SeparationState,
} from '../../src-shared/capture/stack-separation';
import { AppError } from '../../src-shared/errors/app-error';
import { appendAudit } from '../audit/audit-log';
import { openBatchFor } from '../batches/batches';
import { db } from '../db/database';
import { addRecord, GATE_TABLES } from '../db/record-transition';
import { actingUser } from '../session/acting-user';
import { station } from '../station/station';
import { storeCapturedItem } from './store-captured-item';

/**
 * The renderer's side of capture runs. A run drains into a record; which record (and
 * whether a blank page starts the next one) is kept in IndexedDB (`capture.run:<runId>`)
 * before the first item is stored, so a reload resumes the run into the same record.
 */
export type RunEnd = Extract<CaptureStep, { kind: 'end' }>;

export interface RunBinding extends SeparationPolicy, SeparationState {
  recordId: string;
  /** The filing targets the run started with (a profile's), kept when a cover names others. */
  target?: RecordTarget;
}

const CURRENT_RECORD_KEY = 'capture.currentRecord';
const bindingKey = (runId: string) => `capture.run:${runId}`;
/** A sheet ended a run before the pages it announced came: the next run into that record starts them. */
const CARRY_KEY = 'capture.separationCarry';

/**
 * The record the capture screen scans into, while it is still being captured: once indexed
 * (or gone), the clerk has finished it, and the next scan starts a new one instead of
 * adding pages to a record whose fields are already written.
 */
export async function readCurrentRecordId(): Promise<string | null> {
  const id = (await db.meta.get(CURRENT_RECORD_KEY))?.value as string | undefined;
  const record = id ? await db.records.get(id) : undefined;
  return record && (record.status === 'draft' || record.status === 'captured') ? record.id : null;
}

export const setCurrentRecordId = (recordId: string) =>
  db.meta.put({ key: CURRENT_RECORD_KEY, value: recordId });

interface NewRecordOptions extends RecordTarget {
  captureLabel?: string;
  /** Fields known before a page is read (a cover sheet's). */
  fields?: Record<string, unknown>;
  coverReference?: string;
}

/** Adds a draft record filed in the clerk's open batch for its targets; inside the caller's transaction. */
async function addDraftRecord(userId: string, options: NewRecordOptions): Promise<string> {
  const { captureLabel, departmentCode, procedureCode, coverReference, box, shelf } = options;
  const id = crypto.randomUUID();
  const now = Date.now();
  const batch = await openBatchFor(userId, { departmentCode, procedureCode });
  await addRecord({
    id,
    status: 'draft',
    batchId: batch.id,
    fields: { ...(box ? { box } : {}), ...(shelf ? { shelf } : {}), ...options.fields },
    captureLabel,
    ...(coverReference ? { coverReference } : {}),
    ...(departmentCode ? { departmentCode } : {}),
    ...(procedureCode ? { procedureCode } : {}),
    createdBy: userId,
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

/**
 * A new draft record for the next pages, in the clerk's open batch for its department and
 * procedure; unless told otherwise, the capture screen's current record.
 */
export async function startNewRecord(
  userId: string,
  options: NewRecordOptions & { makeCurrent?: boolean } = {},
): Promise<string> {
  const { makeCurrent = true, ...record } = options;
  return db.transaction('rw', [db.meta, ...GATE_TABLES()], async () => {
    const id = await addDraftRecord(userId, record);
    if (makeCurrent) await setCurrentRecordId(id);
    return id;
  });
}

const bindRun = (runId: string, binding: RunBinding) =>
  db.meta.put({ key: bindingKey(runId), value: binding });

/** What a run that ended on a sheet leaves for the next run into the same record. */
interface SeparationCarry {
  recordId: string;
  cover?: string;
  /** The run ended on a sheet's front: if the next run starts on its back, that back goes with it. */
  dropBack?: boolean;
}

/**
 * Binds a new run to its record before its first item is stored. A sheet that ended the
 * previous run into that record (a jam, a restart of main right after a cover) still
 * starts the next record: its cut is carried over. Returns the binding to drain with.
 */
export async function bindNewRun(runId: string, binding: RunBinding): Promise<RunBinding> {
  return db.transaction('rw', db.meta, async () => {
    const carry = (await db.meta.get(CARRY_KEY))?.value as SeparationCarry | undefined;
    const carried =
      carry?.recordId === binding.recordId
        ? {
            ...binding,
            separatorSeen: true,
            ...(carry.cover ? { cover: carry.cover } : {}),
            // Only a page the device names a back is dropped: a run resumed on a front keeps it.
            ...(carry.dropBack ? { dropSequence: 1 } : {}),
          }
        : binding;
    if (carry?.recordId === binding.recordId) await db.meta.delete(CARRY_KEY);
    await bindRun(runId, carried);
    return carried;
  });
}

const readBinding = async (runId: string): Promise<RunBinding | null> =>
  ((await db.meta.get(bindingKey(runId)))?.value as RunBinding | undefined) ?? null;

/**
 * The record a run drains into. A run nobody bound yet (the hot folder's, or one whose
 * window closed before binding it) gets a new record of its own, beside the current one,
 * cut as `policy` says (the hot folder's profile).
 */
export async function bindingForRun(
  run: CaptureRunSummary,
  userId: string,
  policy: RunPolicy = { separateOnBlank: false },
): Promise<RunBinding> {
  const bound = await readBinding(run.runId);
  if (bound && (await db.records.get(bound.recordId))) return bound;
  return db.transaction('rw', [db.meta, ...GATE_TABLES()], async () => {
    const recordId = await addDraftRecord(userId, { captureLabel: run.label, ...policy.target });
    const binding = { recordId, ...policy };
    await bindRun(run.runId, binding);
    return binding;
  });
}

/** Starts a scan into `binding.recordId` and binds it before the first page can arrive. */
export async function beginScan(
  options: ScanOptions,
  binding: RunBinding,
): Promise<{ runId: string; binding: RunBinding }> {
  const { runId } = await station.capture.start(options);
  return { runId, binding: await bindNewRun(runId, binding) };
}

const targetOf = (record: { departmentCode?: string; procedureCode?: string } | undefined): RecordTarget => ({
  ...(record?.departmentCode ? { departmentCode: record.departmentCode } : {}),
  ...(record?.procedureCode ? { procedureCode: record.procedureCode } : {}),
});

/** What a cover sheet gives its record: the prepared fields, and the filing target they name. */
async function coverOf(reference: string | undefined) {
  if (!reference) return null;
  const prepared = await station.sheets.prepared({ reference });
  if (!prepared) return null;
  return {
    fields: prepared.fields as Record<string, unknown>,
    coverReference: reference,
    target: targetOf({
      procedureCode: prepared.fields.procedureCode,
      departmentCode: prepared.departmentCode,
    }),
  };
}

/**
 * The run goes on into a new record with the same filing targets as the one it filled (a
 * cover's first), created and bound in one transaction: a reload between the two cannot
 * leave an empty record behind and start another.
 */
async function continueInNewRecord(
  binding: RunBinding,
  runId: string,
  userId: string,
  cover: Awaited<ReturnType<typeof coverOf>> = null,
): Promise<RunBinding> {
  return db.transaction('rw', [db.meta, ...GATE_TABLES()], async () => {
    const current = await db.records.get(binding.recordId);
    const target = binding.target ?? targetOf(current);
    const recordId = await addDraftRecord(current?.createdBy ?? userId, {
      captureLabel: current?.captureLabel,
      ...target,
      ...(cover ? { ...cover.target, fields: cover.fields, coverReference: cover.coverReference } : {}),
    });
    await setCurrentRecordId(recordId);
    const next = { ...binding, recordId, target, separatorSeen: false, cover: undefined };
    await bindRun(runId, next);
    return next;
  });
}

/**
 * The first page after a separator or cover sheet: it starts a new record with the same
 * filing targets (a cover's fields and procedure first), unless the current one is still
 * empty (a stack's first sheet, two separators in a row): that one takes the cover's fields.
 */
async function separate(binding: RunBinding, runId: string, userId: string): Promise<RunBinding> {
  const cover = await coverOf(binding.cover);
  if ((await db.pages.where('recordId').equals(binding.recordId).count()) === 0) {
    return db.transaction('rw', [db.meta, ...GATE_TABLES()], async () => {
      const record = await db.records.get(binding.recordId);
      const next = {
        ...binding,
        target: binding.target ?? targetOf(record),
        separatorSeen: false,
        cover: undefined,
      };
      if (cover && record) {
        const target = { ...targetOf(record), ...cover.target };
        // Filed where the cover says: the batch of its procedure, as a new record would be.
        const batch = await openBatchFor(record.createdBy, target);
        await db.records.update(record.id, {
          fields: { ...record.fields, ...cover.fields },
          coverReference: cover.coverReference,
          ...target,
          batchId: batch.id,
          updatedAt: Date.now(),
        });
      }
      await bindRun(runId, next);
      return next;
    });
  }
  return continueInNewRecord(binding, runId, userId, cover);
}

/** The record a run fills was signed or removed while its pages still came: they are kept in a new one. */
const isClosedRecord = (error: unknown) =>
  error instanceof AppError && (error.code === 'records.notEditable' || error.code === 'records.notFound');

/** Runs being drained by this window: one drain per run, whoever asks. */
const draining = new Map<string, Promise<RunEnd>>();

/**
 * Drains a run: each item is committed to IndexedDB, then confirmed to main with the next
 * request. Ends when the run ends (normally or with a failure), returning that end.
 */
export function drainRun(
  runId: string,
  start: RunBinding,
  onItem: (recordId: string) => void = () => undefined,
) {
  const existing = draining.get(runId);
  if (existing) return existing;
  const drain = (async (): Promise<RunEnd> => {
    let binding = start;
    let confirmed: number | null = null;
    // The last page seen by this drain (a reload starts again from the page not confirmed).
    let lastSequence = 0;
    for (;;) {
      let step: CaptureStep;
      const asked = performance.now();
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
        await db.transaction('rw', db.meta, db.audit, async () => {
          await db.meta.delete(bindingKey(runId));
          if (binding.separatorSeen) {
            const carry: SeparationCarry = {
              recordId: binding.recordId,
              ...(binding.cover ? { cover: binding.cover } : {}),
              ...(binding.dropSequence !== undefined && binding.dropSequence > lastSequence
                ? { dropBack: true }
                : {}),
            };
            await db.meta.put({ key: CARRY_KEY, value: carry });
          }
          await appendAudit('capture', {
            recordId: binding.recordId,
            after: { run: runId, items: step.pages, failure: step.failure?.code ?? null },
          });
        });
        return step;
      }
      if (step.kind === 'page') {
        const { page } = step;
        // Its place among the file's pages (a PDF's original comes first in its run).
        const sequence = page.originalPage ?? page.sequence;
        lastSequence = sequence;
        const sheet = separationStep(binding, { ...page, sequence });
        if (sheet.state !== binding) {
          // Saved before the page is confirmed: a reload hands the page out again and gets the same cut.
          binding = sheet.state;
          await bindRun(runId, binding);
        }
        if (sheet.skip) {
          confirmed = page.sequence;
          continue;
        }
      }
      if (binding.separatorSeen) binding = await separate(binding, runId, actingUser().userId);
      // Timings for DevTools and bench/capture: waiting for main, storing in IndexedDB.
      const received = performance.now();
      performance.measure('capture.wait', { start: asked, end: received });
      try {
        confirmed = await storeCapturedItem(binding.recordId, runId, step);
      } catch (error) {
        if (!isClosedRecord(error)) throw error;
        binding = await continueInNewRecord(binding, runId, actingUser().userId);
        confirmed = await storeCapturedItem(binding.recordId, runId, step);
      }
      performance.measure('capture.store', { start: received, end: performance.now() });
      onItem(binding.recordId);
    }
  })().finally(() => draining.delete(runId));
  draining.set(runId, drain);
  return drain;
}

export const isDraining = (runId: string) => draining.has(runId);

/** Whether this window is storing any capture run right now. */
export const isCapturing = () => draining.size > 0;
