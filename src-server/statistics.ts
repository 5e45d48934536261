import { vietnamDay } from '../src-shared/domain/vietnam-day';
import type { RecordedRevocation } from '../src-shared/domain/revocation';
import type { RecordFields } from '../src-shared/domain/record-fields';
import { DEFAULT_MILESTONES, type Milestone } from '../src-shared/domain/plan-milestones';
import { progressReport } from '../src-shared/stats/progress';
import type { Database } from './db/database';
import type { Inventory } from './inventory';

const KEYS = {
  department: `coalesce(r.department_code, '')`,
  procedure: `coalesce(r.procedure_code, '')`,
  // The month the record was signed at its station, in Viet Nam's time.
  month: `to_char(to_timestamp((r.meta->>'signedAt')::bigint / 1000) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM')`,
  station: `s.number`,
} as const;

/**
 * Counts of records and pages across stations, by department, procedure, month or station,
 * and progress against the plan across stations. A record a correction superseded is not
 * counted: its correction stands for it, once.
 */
export function createStatistics(deps: {
  db: Database;
  inventory: Inventory;
  clock: () => Date;
  milestones?: readonly Milestone[];
}) {
  const { db } = deps;
  return {
    async by(dimension: keyof typeof KEYS) {
      const rows = await db.query<{ key: string; records: string; pages: string }>(
        `SELECT ${KEYS[dimension]} AS key, count(*) AS records, sum(r.pages) AS pages
           FROM records r JOIN stations s ON s.id = r.station_id
          WHERE r.superseded_by IS NULL
          GROUP BY 1 ORDER BY 1`,
      );
      return {
        by: dimension,
        rows: rows.map((row) => ({ key: row.key, records: Number(row.records), pages: Number(row.pages) })),
      };
    },

    /**
     * Progress as the station computes it (the same function), over what Central holds: every
     * station's records and the offices' latest inventory counts. Only the columns progress
     * needs are read, the versions that stand only.
     */
    async progress() {
      const rows = await db.query<{
        department_code: string | null;
        procedure_code: string | null;
        expiry: RecordFields['expiryDate'] | null;
        indefinite: boolean | null;
        revocation: RecordedRevocation | null;
      }>(
        `SELECT department_code, procedure_code, meta->'fields'->>'expiryDate' AS expiry,
                (meta->'fields'->>'indefinite')::boolean AS indefinite, revocation
           FROM records WHERE superseded_by IS NULL`,
      );
      const today = vietnamDay(deps.clock().getTime());
      const report = progressReport({
        records: rows.map((row) => ({
          status: 'synced' as const,
          departmentCode: row.department_code ?? undefined,
          procedureCode: row.procedure_code ?? undefined,
          fields: {
            ...(row.expiry ? { expiryDate: row.expiry } : {}),
            ...(row.indefinite ? { indefinite: true } : {}),
          },
          revocation: row.revocation ?? undefined,
        })),
        inventory: await deps.inventory.all(),
        milestones: deps.milestones ?? DEFAULT_MILESTONES,
        today,
      });
      return { today, ...report };
    },
  };
}
