import { describe, expect, it } from 'vitest';
import { batchStatusOf, canSubmitBatch } from '../../../src-shared/domain/batch';
import { canTransition, RECORD_STATUSES, type RecordStatus } from '../../../src-shared/domain/record-status';

describe('record state machine', () => {
  it('refuses every step that skips review or goes back', () => {
    const illegal: [RecordStatus, RecordStatus][] = [
      ['finalized', 'approved'],
      ['finalized', 'queued'],
      ['submitted', 'queued'],
      ['submitted', 'synced'],
      ['rejected', 'approved'],
      ['rejected', 'queued'],
      ['queued', 'approved'],
      ['synced', 'queued'],
      ['indexed', 'submitted'],
      ['captured', 'finalized'],
      ['approved', 'rejected'],
      ['queued', 'superseded'],
      ['submitted', 'superseded'],
    ];
    for (const [from, to] of illegal) expect(canTransition(from, to), `${from} → ${to}`).toBe(false);
  });

  it('allows the path a record takes, and a correction at every signed stop but review and the sync queue', () => {
    const path: RecordStatus[] = [
      'draft',
      'captured',
      'indexed',
      'finalized',
      'submitted',
      'approved',
      'queued',
      'synced',
    ];
    for (let index = 1; index < path.length; index++)
      expect(canTransition(path[index - 1]!, path[index]!)).toBe(true);
    expect(canTransition('submitted', 'rejected')).toBe(true);
    expect(canTransition('rejected', 'submitted')).toBe(true);
    const correctable = RECORD_STATUSES.filter((status) => canTransition(status, 'superseded'));
    expect(correctable).toEqual(['finalized', 'approved', 'rejected', 'synced']);
  });
});

describe('a batch status follows from its records', () => {
  it.each<[RecordStatus[], string]>([
    [[], 'open'],
    [['draft', 'captured', 'finalized'], 'open'],
    [['submitted', 'submitted'], 'submitted'],
    [['submitted', 'finalized'], 'submitted'],
    [['submitted', 'queued'], 'inReview'],
    [['rejected', 'queued', 'queued'], 'partlyRejected'],
    // The rejected record is being corrected: the batch is still the clerk's to mend.
    [['superseded', 'captured', 'queued', 'queued'], 'partlyRejected'],
    [['superseded', 'submitted', 'queued', 'queued'], 'inReview'],
    [['approved', 'queued'], 'approved'],
    [['queued', 'queued', 'superseded'], 'queued'],
    [['synced', 'queued'], 'queued'],
    [['synced', 'synced'], 'synced'],
  ])('%j → %s', (statuses, expected) => {
    expect(batchStatusOf(statuses)).toBe(expected);
  });

  it('may be submitted only when it has signed records and none still in the clerk’s hands', () => {
    expect(canSubmitBatch(['finalized', 'finalized'])).toBe(true);
    expect(canSubmitBatch(['finalized', 'queued', 'rejected'])).toBe(true);
    expect(canSubmitBatch(['finalized', 'indexed'])).toBe(false);
    expect(canSubmitBatch(['queued', 'queued'])).toBe(false);
    expect(canSubmitBatch([])).toBe(false);
  });
});
