import type { KeyObject } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import {
  LOOKUP_KEYS,
  LOOKUP_PAGE_SIZE,
  type CentralRecord,
  type centralLookupQuerySchema,
} from '../../src-shared/central/central-api';
import type { AccessLog } from '../access-log';
import type { BlobStore } from '../storage/blob-store';
import type { Database } from '../db/database';
import type { Caller, StationCaller } from '../http/api-routes';
import { CentralError } from '../http/central-error';
import type { createRateLimit } from '../http/rate-limit';
import { receiptOf, recordByCode, revocationOf, type RecordRow } from './record-row';

/** Whether a station may read a record: one it uploaded, one of its departments, or any if its scope is the province. */
export const mayRead = (station: StationCaller, row: Pick<RecordRow, 'station_id' | 'department_code'>) =>
  station.readScope === 'province' ||
  row.station_id === station.stationId ||
  (row.department_code !== null && station.departments.includes(row.department_code));

/** The same rule as SQL over `records r`, its parameters numbered from `first`. */
function scopeSql(caller: Caller, first: number): { sql: string; params: unknown[] } {
  const station = caller.station;
  if (!station || station.readScope === 'province') return { sql: 'TRUE', params: [] };
  return {
    sql: `(r.station_id = $${first} OR r.department_code = ANY($${first + 1}::text[]))`,
    params: [station.stationId, station.departments],
  };
}

/** Who reads: the user the station names (it must), an API client (by its name), or Central's administrator. */
function readerOf(caller: Caller, user: string | undefined): string {
  if (caller.kind === 'admin') return user ?? 'admin';
  if (caller.partner) return caller.partner.name;
  if (!user)
    throw new CentralError('invalidRequest', 'a station names the user who reads personal data (user=)');
  return user;
}

/**
 * Reads of personal data: lookups and files, each within the caller's scope (see mayRead),
 * each logged in the access log. Lookups by owner ID are rate-limited per station, and every
 * lookup is answered a page at a time.
 */
export function createRecordReads(deps: {
  db: Database;
  blobs: BlobStore;
  receiptKey: KeyObject;
  accessLog: AccessLog;
  ownerLookups: ReturnType<typeof createRateLimit>;
}) {
  const { db } = deps;
  return {
    async lookup(
      caller: Caller,
      query: Omit<z.output<typeof centralLookupQuerySchema>, 'user'> & { user?: string; purpose?: string },
    ): Promise<{ records: CentralRecord[]; next: number | null }> {
      const user = readerOf(caller, query.user);
      if (query.ownerId && caller.station) {
        const wait = deps.ownerLookups.take(caller.station.stationId);
        if (wait !== null) {
          throw new CentralError('rateLimited', `too many lookups by owner ID; try again in ${wait} s`, {
            retryAfterSeconds: wait,
          });
        }
      }
      const [column, value] = query.code
        ? ['r.code', query.code]
        : query.ownerId
          ? // A passport number is kept in capitals; ID numbers and tax codes are digits.
            ['r.owner_id', query.ownerId.replace(/\s/g, '').toUpperCase()]
          : query.documentNumber
            ? ['r.document_number', query.documentNumber.toUpperCase()]
            : ['r.dossier_code', query.dossierCode!.toUpperCase()];
      const offset = query.offset ?? 0;
      const scope = scopeSql(caller, 2);
      const rows = await db.query<RecordRow>(
        `SELECT r.*, s.number FROM records r JOIN stations s ON s.id = r.station_id
          WHERE ${column} = $1 AND ${scope.sql}
          ORDER BY r.stored_at, r.code LIMIT ${LOOKUP_PAGE_SIZE + 1} OFFSET $${2 + scope.params.length}`,
        [value, ...scope.params, offset],
      );
      const page = rows.slice(0, LOOKUP_PAGE_SIZE);
      const asked = Object.fromEntries(LOOKUP_KEYS.flatMap((key) => (query[key] ? [[key, query[key]]] : [])));
      await deps.accessLog.record({
        caller,
        user,
        action: 'lookup',
        query: asked,
        ...(query.purpose ? { purpose: query.purpose } : {}),
        disclosed: page.map((row) => ({ code: row.code, ownerId: row.owner_id })),
      });
      return {
        records: page.map((row) => ({
          receipt: receiptOf(deps.receiptKey, row),
          meta: row.meta,
          stationNumber: row.number ?? '',
          supersededBy: row.superseded_by,
          revocation: revocationOf(row),
        })),
        next: rows.length > LOOKUP_PAGE_SIZE ? offset + LOOKUP_PAGE_SIZE : null,
      };
    },

    async file(caller: Caller, code: string, user: string | undefined, purpose?: string): Promise<Readable> {
      const reader = readerOf(caller, user);
      const row = await recordByCode(db, code);
      if (!row) throw new CentralError('notFound', `no record ${code}`);
      if (caller.station && !mayRead(caller.station, row)) {
        throw new CentralError('forbidden', `record ${code} belongs to another department`, { code });
      }
      await deps.accessLog.record({
        caller,
        user: reader,
        action: 'file',
        query: { code },
        ...(purpose ? { purpose } : {}),
        disclosed: [{ code, ownerId: row.owner_id }],
      });
      return await deps.blobs.read(row.sha256);
    },
  };
}
