import type { AuditAction } from '../../src-shared/audit/audit-chain';
import { batchStatusOf } from '../../src-shared/domain/batch';
import { canTransition, isEditable, type RecordStatus } from '../../src-shared/domain/record-status';
import { AppError } from '../../src-shared/errors/app-error';
import { appendAudit, type AuditDetails } from '../audit/audit-log';
import { db } from './database';
import type { RecordRow } from './rows';

/**
 * The one gate a record's status passes through (DESIGN.md: one state machine). Every write
 * of a status — a new record, a transition — is made here, in the caller's transaction or
 * in one of its own: the state machine is checked against the status stored now, the status
 * is written with the caller's patch, the batches it is filed in are settled, and the audit
 * entry is appended, all or none.
 */

/** What a transition writes beside the status: never the status itself, the id or the author. */
export type RecordPatch = Partial<Omit<RecordRow, 'id' | 'status' | 'createdBy' | 'createdAt'>>;

/** The audit entry of a change, appended in its transaction. */
export interface AuditedAs {
  action: AuditAction;
  details?: Omit<AuditDetails, 'recordId'>;
}

/** The tables a transaction must hold to pass a record through the gate. */
export const GATE_TABLES = () => [db.records, db.batches, db.audit];

/** Rewrites a batch's status from its records'; inside the caller's transaction. */
export async function settleBatch(batchId: string | undefined): Promise<void> {
  if (!batchId) return;
  const batch = await db.batches.get(batchId);
  if (!batch) return;
  const statuses = (await db.records.where('batchId').equals(batchId).toArray()).map(
    (record) => record.status,
  );
  const status = batchStatusOf(statuses);
  if (status !== batch.status) await db.batches.update(batchId, { status, updatedAt: Date.now() });
}

/**
 * Whether a record in `from` may be written as `to`. Staying in a status is no transition:
 * allowed only while the record may still change (a page added to a captured record).
 */
export const mayWrite = (from: RecordStatus, to: RecordStatus): boolean =>
  from === to ? isEditable(from) : canTransition(from, to);

function refusal(record: RecordRow, to: RecordStatus): AppError {
  const detail = `${record.id}: ${record.status} → ${to}`;
  // Changing the pages or fields of a signed record: the clerk's answer is a correction.
  if (isEditable(to) && !isEditable(record.status)) return new AppError('records.notEditable', { detail });
  return new AppError('records.wrongState', { detail });
}

/** The record, if it may still change (its pages, its fields); else `records.notEditable` or `records.notFound`. */
export async function editableRecord(recordId: string): Promise<RecordRow> {
  const record = await db.records.get(recordId);
  if (!record) throw new AppError('records.notFound', { detail: recordId });
  if (!isEditable(record.status)) throw new AppError('records.notEditable', { detail: record.status });
  return record;
}

/** Adds a new record; it starts as a draft, or captured when it is born with pages (a split, a correction). */
export async function addRecord(
  row: RecordRow & { status: 'draft' | 'captured' },
  audit?: AuditedAs,
): Promise<void> {
  await db.transaction('rw', GATE_TABLES(), async () => {
    await db.records.add(row);
    await settleBatch(row.batchId);
    if (audit) await appendAudit(audit.action, { recordId: row.id, ...audit.details });
  });
}

/**
 * Moves record `id` to `to` (or keeps it there, see `mayWrite`) with `patch`, or throws
 * `records.notFound`, `records.notEditable` (a change to a signed record) or
 * `records.wrongState`; nothing is written then. Returns the record as it was before.
 */
export async function transitionRecord(
  id: string,
  to: RecordStatus,
  options: { patch?: RecordPatch; audit?: AuditedAs } = {},
): Promise<RecordRow> {
  return db.transaction('rw', GATE_TABLES(), async () => {
    const record = await db.records.get(id);
    if (!record) throw new AppError('records.notFound', { detail: id });
    if (!mayWrite(record.status, to)) throw refusal(record, to);
    await db.records.update(id, { ...options.patch, status: to, updatedAt: Date.now() });
    await settleBatch(record.batchId);
    const movedTo = options.patch?.batchId;
    if (movedTo && movedTo !== record.batchId) await settleBatch(movedTo);
    if (options.audit) await appendAudit(options.audit.action, { recordId: id, ...options.audit.details });
    return record;
  });
}

/** Removes a record that holds nothing signed (merged into another, or emptied), settling its batch. */
export async function removeRecord(recordId: string, audit?: AuditedAs): Promise<void> {
  await db.transaction('rw', GATE_TABLES(), async () => {
    const stored = await db.records.get(recordId);
    if (!stored) return;
    if (!isEditable(stored.status)) throw refusal(stored, 'draft');
    await db.records.delete(recordId);
    await settleBatch(stored.batchId);
    if (audit) await appendAudit(audit.action, { recordId, ...audit.details });
  });
}
