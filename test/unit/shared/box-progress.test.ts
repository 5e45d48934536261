import { describe, expect, it } from 'vitest';
import { boxProgress } from '../../../src-shared/stats/boxes';

const record = (
  status: Parameters<typeof boxProgress>[0][number]['status'],
  box?: string,
  shelf?: string,
) => ({
  status,
  fields: { ...(box ? { box } : {}), ...(shelf ? { shelf } : {}), indefinite: true },
});

describe('progress per archive box', () => {
  it('counts each box’s records, those digitized and those in hand, boxes in natural order', () => {
    const lines = boxProgress(
      [
        record('synced', 'H-10', 'K1'),
        record('approved', 'H-2', 'K1'),
        record('captured', 'H-2', 'K2'),
        record('indexed', 'H-2'),
        record('superseded', 'H-2'),
        record('approved'),
        { status: 'synced' as const, fields: { box: 'H-10', expiryDate: '2020-01-01' } },
      ],
      '2026-12-07',
    );
    expect(lines).toEqual([
      { box: 'H-2', shelves: ['K1', 'K2'], records: 3, digitized: 1, inProgress: 2 },
      // An expired result is held but no longer counts for the plan.
      { box: 'H-10', shelves: ['K1'], records: 2, digitized: 1, inProgress: 0 },
    ]);
  });
});
