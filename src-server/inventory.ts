import type { z } from 'zod';
import type { inventoryUploadSchema } from '../src-shared/central/central-api';
import type { InventoryCount } from '../src-shared/stats/progress';
import type { Database } from './db/database';

/**
 * The offices' inventory counts (kiểm đếm) as the stations entered them, each kept once per
 * station and entry number, so a batch sent twice (an answer lost) changes nothing.
 */
export function createInventory(db: Database) {
  return {
    async append(stationId: string, counts: z.output<typeof inventoryUploadSchema>['counts']) {
      let stored = 0;
      await db.transaction(async (tx) => {
        for (const count of counts) {
          const inserted = await tx.query(
            `INSERT INTO inventory_counts (station_id, entry_id, department_code, procedure_code, count,
                                           counted_at, entered_by, entered_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
               ON CONFLICT (station_id, entry_id) DO NOTHING RETURNING entry_id`,
            [
              stationId,
              count.entryId,
              count.departmentCode,
              count.procedureCode,
              count.count,
              count.countedAt,
              count.enteredBy,
              new Date(count.enteredAt),
            ],
          );
          stored += inserted.length;
        }
      });
      return { stored };
    },

    /** Every count, for progress: the latest of each department and procedure holds, whichever station counted. */
    async all(): Promise<InventoryCount[]> {
      const rows = await db.query<{
        department_code: string;
        procedure_code: string;
        count: number;
        counted_at: string;
      }>(
        'SELECT department_code, procedure_code, count, counted_at FROM inventory_counts ORDER BY entered_at',
      );
      return rows.map((row) => ({
        departmentCode: row.department_code,
        procedureCode: row.procedure_code,
        count: Number(row.count),
        countedAt: row.counted_at,
      }));
    },
  };
}

export type Inventory = ReturnType<typeof createInventory>;
