import { canSubmitBatch } from '../../src-shared/domain/batch';
import { canTransition } from '../../src-shared/domain/record-status';
import { AppError } from '../../src-shared/errors/app-error';
import { appendAudit } from '../audit/audit-log';
import { db } from '../db/database';
import { GATE_TABLES, transitionRecord } from '../db/record-transition';
import { actingUser } from '../session/acting-user';
import type { BatchRow, RecordRow } from '../db/rows';

/** Filing targets a batch groups records by. */
export interface BatchTarget {
  departmentCode?: string;
  procedureCode?: string;
}

const currentKey = (userId: string) => `capture.currentBatch:${userId}`;
const sameTarget = (batch: BatchRow, target: BatchTarget) =>
  (batch.departmentCode ?? '') === (target.departmentCode ?? '') &&
  (batch.procedureCode ?? '') === (target.procedureCode ?? '');

const day = (time: number) =>
  new Date(time).toLocaleDateString('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric' });

async function createBatch(userId: string, target: BatchTarget): Promise<BatchRow> {
  const now = Date.now();
  const sameDay = await db.batches
    .where('ownerUserId')
    .equals(userId)
    .filter((batch) => day(batch.createdAt) === day(now))
    .count();
  // "01/12/2026 · NCC · 3": the day, the department, and which of the clerk's batches that day.
  const name = [day(now), target.departmentCode, String(sameDay + 1)].filter(Boolean).join(' · ');
  const batch: BatchRow = {
    id: crypto.randomUUID(),
    name,
    status: 'open',
    ...(target.departmentCode ? { departmentCode: target.departmentCode } : {}),
    ...(target.procedureCode ? { procedureCode: target.procedureCode } : {}),
    ownerUserId: userId,
    ownerName: actingUser().displayName,
    createdAt: now,
    updatedAt: now,
  };
  await db.batches.add(batch);
  await db.meta.put({ key: currentKey(userId), value: batch.id });
  return batch;
}

/**
 * The batch new records of this clerk go into: the current one while it is open and files
 * to the same department and procedure, else the newest such open batch, else a new one.
 * Runs inside the caller's transaction (records, batches, meta).
 */
export async function openBatchFor(userId: string, target: BatchTarget): Promise<BatchRow> {
  const currentId = (await db.meta.get(currentKey(userId)))?.value as string | undefined;
  const current = currentId ? await db.batches.get(currentId) : undefined;
  if (current?.status === 'open' && sameTarget(current, target)) return current;
  const open = (await db.batches.where('ownerUserId').equals(userId).toArray())
    .filter((batch) => batch.status === 'open' && sameTarget(batch, target))
    .sort((a, b) => b.createdAt - a.createdAt)[0];
  if (open) {
    await db.meta.put({ key: currentKey(userId), value: open.id });
    return open;
  }
  return createBatch(userId, target);
}

/** The clerk starts a new batch (a new box, a new run): the records that follow go there. */
export function startNewBatch(userId: string, target: BatchTarget): Promise<BatchRow> {
  return db.transaction('rw', db.batches, db.meta, () => createBatch(userId, target));
}

/**
 * Submits a batch for review: every signed record in it (and a rejected one the clerk sends
 * back unchanged, when named) goes to the supervisor's queue, in one transaction.
 */
export async function submitBatch(batchId: string, resubmit: readonly string[] = []): Promise<number> {
  return db.transaction('rw', GATE_TABLES(), async () => {
    const batch = await db.batches.get(batchId);
    if (!batch) throw new AppError('batches.notFound', { detail: batchId });
    const records = await db.records.where('batchId').equals(batchId).toArray();
    const chosen = (record: RecordRow) =>
      record.status === 'finalized' || (record.status === 'rejected' && resubmit.includes(record.id));
    if (!canSubmitBatch(records.map((record) => (chosen(record) ? 'finalized' : record.status)))) {
      throw new AppError('batches.notReady', { params: { name: batch.name } });
    }
    const now = Date.now();
    let count = 0;
    for (const record of records.filter(chosen)) {
      if (!canTransition(record.status, 'submitted')) continue;
      await transitionRecord(record.id, 'submitted');
      count += 1;
    }
    await db.batches.update(batchId, { submittedAt: now, updatedAt: now });
    await appendAudit('submit', { batchId, after: { records: count, name: batch.name } });
    return count;
  });
}
