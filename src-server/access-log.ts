import type { z } from 'zod';
import type { accessLogQuerySchema } from '../src-shared/central/central-api';
import type { Database } from './db/database';
import type { Caller } from './http/api-routes';

const PAGE = 200;

/** A read of personal data: who read (the caller, the user it names), what was asked, what was shown. */
export interface PersonalDataRead {
  caller: Caller;
  user: string;
  action: 'lookup' | 'file' | 'changes';
  query: Record<string, string>;
  /** Why, as an API client of another system said it. */
  purpose?: string;
  /** Each record shown; none when the lookup found nothing (the search itself is logged). */
  disclosed: readonly { code: string; ownerId: string | null }[];
}

/**
 * Every read of personal data on Central (lookups, files, the change feed), one row per record
 * shown: which station and which user it named, or which API client and the purpose it gave,
 * what they asked, whose record, when. Central's administrator reads it by owner (who looked at
 * this citizen?), by station or by client.
 */
export function createAccessLog(db: Database, clock: () => Date) {
  return {
    async record(read: PersonalDataRead): Promise<void> {
      const at = clock();
      const stationId = read.caller.station?.stationId ?? null;
      const clientId = read.caller.partner?.clientId ?? null;
      const rows = read.disclosed.length
        ? read.disclosed
        : [{ code: null, ownerId: read.query.ownerId ?? null }];
      // One statement for all the rows: a page of the change feed is hundreds.
      await db.query(
        `INSERT INTO access_log (at, station_id, client_id, user_name, purpose, action, query, code, owner_id)
           SELECT $1, $2, $3, $4, $5, $6, $7, code, owner_id
             FROM unnest($8::text[], $9::text[]) AS shown (code, owner_id)`,
        [
          at,
          stationId,
          clientId,
          read.user,
          read.purpose ?? null,
          read.action,
          JSON.stringify(read.query),
          rows.map((row) => row.code),
          rows.map((row) => row.ownerId),
        ],
      );
    },

    async list(query: z.output<typeof accessLogQuerySchema>) {
      const offset = query.offset ?? 0;
      const rows = await db.query<{
        at: Date;
        station_id: string | null;
        number: string | null;
        user_name: string;
        client_id: string | null;
        purpose: string | null;
        action: 'lookup' | 'file' | 'changes';
        query: Record<string, string>;
        code: string | null;
        owner_id: string | null;
      }>(
        `SELECT a.*, s.number FROM access_log a LEFT JOIN stations s ON s.id = a.station_id
          WHERE ($1::text IS NULL OR a.owner_id = $1) AND ($2::uuid IS NULL OR a.station_id = $2)
            AND ($4::uuid IS NULL OR a.client_id = $4)
          ORDER BY a.id DESC LIMIT ${PAGE + 1} OFFSET $3`,
        [query.ownerId ?? null, query.stationId ?? null, offset, query.clientId ?? null],
      );
      return {
        entries: rows.slice(0, PAGE).map((row) => ({
          at: new Date(row.at).toISOString(),
          stationId: row.station_id,
          stationNumber: row.number,
          clientId: row.client_id,
          user: row.user_name,
          purpose: row.purpose,
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
