import { useLiveQuery } from 'dexie-react-hooks';
import { RECORD_STATUSES, type RecordStatus } from '../../src-shared/domain/record-status';
import { db } from './database';

export type StatusCounts = Record<RecordStatus, number>;

const emptyCounts = (): StatusCounts =>
  Object.fromEntries(RECORD_STATUSES.map((status) => [status, 0])) as StatusCounts;

/** Live record counts per status, straight from IndexedDB (no copy of state in React). */
export function useStatusCounts(): StatusCounts {
  return (
    useLiveQuery(async () => {
      const counts = emptyCounts();
      await Promise.all(
        RECORD_STATUSES.map(async (status) => {
          counts[status] = await db.records.where('status').equals(status).count();
        }),
      );
      return counts;
    }) ?? emptyCounts()
  );
}
