import type { z } from 'zod';
import type { accessLogQuerySchema } from '../src-shared/central/central-api';
import type { Database } from './db/database';
import type { Caller } from './http/api-routes';

const PAGE = 200;

/** A read of personal data: who read (the caller, the user it names), what was asked, what was shown. */
export interface PersonalDataRead {
  caller: Caller;
  user: string;
  action: 'lookup' | 'file';
  query: Record<string, string>;
  /** Each record shown; none when the lookup found nothing (the search itself is logged). */
  disclosed: readonly { code: string; ownerId: string | null }[];
}

/**
 * Every read of personal data on Central (lookups, files), one row per record shown: which
 * station and which user it named, what they asked, whose record, when. Central's
 * administrator reads it by owner (who looked at this citizen?) or by station.
 */
export function createAccessLog(db: Database, clock: () => Date) {
  return {
    async record(read: PersonalDataRead): Promise<void> {
      const at = clock();
      const stationId = read.caller.station?.stationId ?? null;
      const rows = read.disclosed.length
        ? read.disclosed
        : [{ code: null, ownerId: read.query.ownerId ?? null }];
      for (const row of rows) {
        await db.query(
          `INSERT INTO access_log (at, station_id, user_name, action, query, code, owner_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [at, stationId, read.user, read.action, JSON.stringify(read.query), row.code, row.ownerId],
        );
      }
    },

    async list(query: z.output<typeof accessLogQuerySchema>) {
      const offset = query.offset ?? 0;
      const rows = await db.query<{
        at: Date;
        station_id: string | null;
        number: string | null;
        user_name: string;
        action: 'lookup' | 'file';
        query: Record<string, string>;
        code: string | null;
        owner_id: string | null;
      }>(
        `SELECT a.*, s.number FROM access_log a LEFT JOIN stations s ON s.id = a.station_id
          WHERE ($1::text IS NULL OR a.owner_id = $1) AND ($2::uuid IS NULL OR a.station_id = $2)
          ORDER BY a.id DESC LIMIT ${PAGE + 1} OFFSET $3`,
        [query.ownerId ?? null, query.stationId ?? null, offset],
      );
      return {
        entries: rows.slice(0, PAGE).map((row) => ({
          at: new Date(row.at).toISOString(),
          stationId: row.station_id,
          stationNumber: row.number,
          user: row.user_name,
          action: row.action,
          query: row.query,
          code: row.code,
          ownerId: row.owner_id,
        })),
        next: rows.length > PAGE ? offset + PAGE : null,
      };
    },
  };
}

export type AccessLog = ReturnType<typeof createAccessLog>;
