import type { RecordStatus } from './record-status';

/** A batch of records a clerk captured together (one department and procedure), reviewed as a whole. */
export const BATCH_STATUSES = [
  'open',
  'submitted',
  'inReview',
  'approved',
  'partlyRejected',
  'queued',
  'synced',
] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

const DECIDED: readonly RecordStatus[] = ['approved', 'rejected', 'queued', 'synced'];

/**
 * A batch's status follows from its records' (it is stored beside them only to be indexed,
 * and always rewritten from them): open until something is submitted; submitted while
 * records wait and none is decided; in review while some wait and some are decided; partly
 * rejected when none waits and some are rejected or back with the clerk (a correction being
 * made); approved, queued or synced when every record is. Records a correction superseded
 * no longer count: their correction stands for them.
 */
export function batchStatusOf(statuses: readonly RecordStatus[]): BatchStatus {
  const live = statuses.filter((status) => status !== 'superseded');
  const count = (wanted: readonly RecordStatus[]) => live.filter((status) => wanted.includes(status)).length;
  const waiting = count(['submitted']);
  const decided = count(DECIDED);
  if (waiting + decided === 0) return 'open';
  if (waiting > 0) return decided > 0 ? 'inReview' : 'submitted';
  if (decided < live.length || count(['rejected']) > 0) return 'partlyRejected';
  if (count(['synced']) === live.length) return 'synced';
  if (count(['queued', 'synced']) === live.length) return 'queued';
  return 'approved';
}

/**
 * A batch may be submitted when it has records and every one is signed: none is still
 * being captured, indexed or waiting for its signature. Already decided ones stay as they are.
 */
export function canSubmitBatch(statuses: readonly RecordStatus[]): boolean {
  const live = statuses.filter((status) => status !== 'superseded');
  return (
    live.some((status) => status === 'finalized') &&
    live.every((status) => !['draft', 'captured', 'indexed'].includes(status))
  );
}
