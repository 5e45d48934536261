import type { Database } from './db/database';

const KEYS = {
  department: `coalesce(r.department_code, '')`,
  procedure: `coalesce(r.procedure_code, '')`,
  // The month the record was signed at its station, in Viet Nam's time.
  month: `to_char(to_timestamp((r.meta->>'signedAt')::bigint / 1000) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM')`,
  station: `s.number`,
} as const;

/**
 * Counts of records and pages across stations, by department, procedure, month or station.
 * A record a correction superseded is not counted: its correction stands for it, once.
 */
export function createStatistics(db: Database) {
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
  };
}
