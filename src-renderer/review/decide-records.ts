import { canTransition } from '../../src-shared/domain/record-status';
import { AppError } from '../../src-shared/errors/app-error';
import type { RejectReason } from '../../src-shared/review/review-decision';
import { appendAudit } from '../audit/audit-log';
import { db } from '../db/database';
import { GATE_TABLES, transitionRecord } from '../db/record-transition';
import type { OutboxRow } from '../db/rows';
import { station } from '../station/station';

export interface Reviewer {
  userId: string;
  displayName: string;
}

/**
 * A supervisor's decision on submitted records. Main decides (role, four-eyes, each file as
 * it attested it at signing) and gives one attestation per record; only then, in one
 * transaction, do the records change: approved ones straight into the sync outbox
 * (approved → queued), rejected ones back to the clerk with the reason. If main refuses
 * one, nothing changes.
 */
export async function decideRecords(
  recordIds: readonly string[],
  decision: 'approve' | 'reject',
  reviewer: Reviewer,
  reason?: { code: RejectReason; text: string },
): Promise<void> {
  const records = await db.records.bulkGet([...recordIds]);
  const documents = await db.documents.bulkGet([...recordIds]);
  const items = records.map((record, index) => {
    const document = documents[index];
    if (!record || record.status !== 'submitted') {
      throw new AppError('review.notWaiting', { params: { code: record?.code ?? '' } });
    }
    if (!document?.attestation || !record.code) {
      throw new AppError('review.unsigned', { params: { code: record.code ?? '' } });
    }
    return {
      code: record.code,
      sha256: document.sha256,
      capturedBy: record.createdBy,
      finalized: document.attestation,
    };
  });
  const { decisions } = await station.review.decide({ items, decision, ...(reason ? { reason } : {}) });

  const now = Date.now();
  const status = decision === 'approve' ? 'approved' : 'rejected';
  await db.transaction('rw', [db.outbox, ...GATE_TABLES()], async () => {
    for (const [index, id] of recordIds.entries()) {
      const record = await db.records.get(id);
      if (!record || !canTransition(record.status, status)) {
        throw new AppError('review.notWaiting', { params: { code: record?.code ?? '' } });
      }
      const review = {
        decision: status,
        by: reviewer.userId,
        byName: reviewer.displayName,
        at: now,
        ...(reason ? { reason } : {}),
        token: decisions[index]!,
      } as const;
      // Nothing leaves the station unapproved: the outbox gets a record only here.
      const queued = status === 'approved' && canTransition('approved', 'queued');
      await transitionRecord(id, status, { patch: { review } });
      if (queued) {
        await transitionRecord(id, 'queued');
        const entry: OutboxRow = {
          id: `record:${id}`,
          kind: 'record',
          recordId: id,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          updatedAt: now,
        };
        await db.outbox.put(entry);
      }
      await appendAudit(decision === 'approve' ? 'approve' : 'reject', {
        recordId: id,
        batchId: record.batchId,
        before: { status: record.status },
        after: { status: queued ? 'queued' : status, ...(reason ? { reason } : {}) },
      });
    }
  });
}
