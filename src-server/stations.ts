import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type {
  enrolmentCreateSchema,
  enrolRequestSchema,
  StationScope,
} from '../src-shared/central/central-api';
import type { Database } from './db/database';
import type { StationCaller } from './http/api-routes';
import { CentralError } from './http/central-error';
import type { Journal } from './journal';

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface StationRow {
  id: string;
  number: string;
  name: string;
  enrolled_at: Date;
  revoked_at: Date | null;
  departments: string[];
  read_scope: StationScope['readScope'];
  records: string;
}
const STATION_COLUMNS = `s.id, s.number, s.name, s.enrolled_at, s.revoked_at, s.departments, s.read_scope,
  (SELECT count(*) FROM records r WHERE r.station_id = s.id) AS records`;
const stationOf = (row: StationRow) => ({
  stationId: row.id,
  stationNumber: row.number,
  stationName: row.name,
  enrolledAt: iso(row.enrolled_at)!,
  revokedAt: iso(row.revoked_at),
  records: Number(row.records),
  departments: row.departments,
  readScope: row.read_scope,
});

/**
 * Stations and their credentials. An administrator makes a one-time enrolment code for the
 * departments a station works for; the station trades it for its id and a secret (shown once;
 * Central keeps only its SHA-256) and Central's receipt key, which it pins; every later call
 * carries both. What a station may read is the administrator's to say, never the station's.
 * A revoked station is refused from then on.
 */
export function createStations(deps: {
  db: Database;
  clock: () => Date;
  journal: Journal;
  /** Central's receipt key (SPKI DER, base64), handed to each station at enrolment. */
  receiptKey: string;
}) {
  const { db, clock } = deps;
  return {
    async createEnrolment(request: z.output<typeof enrolmentCreateSchema>) {
      // Grouped for reading aloud over the phone: XXXX-XXXX-XXXX, no 0/O or 1/I.
      const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
      const code = [...randomBytes(12)]
        .map((byte, index) => (index && index % 4 === 0 ? '-' : '') + alphabet[byte % 32])
        .join('');
      const now = clock();
      const expiresAt = new Date(now.getTime() + request.validHours * 3600_000);
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO enrolments (code_hash, note, created_at, expires_at, departments, read_scope)
             VALUES ($1, $2, $3, $4, $5, $6)`,
          [hash(code), request.note, now, expiresAt, request.departments, request.readScope],
        );
        await deps.journal.append(tx, {
          actor: 'admin',
          action: 'enrolmentCreated',
          subject: request.note,
          detail: { departments: request.departments, readScope: request.readScope, expiresAt },
        });
      });
      return { code, expiresAt: expiresAt.toISOString() };
    },

    async enrol(request: z.output<typeof enrolRequestSchema>) {
      const stationId = randomUUID();
      const secret = randomBytes(32).toString('base64url');
      const now = clock();
      const departments = await db.transaction(async (tx) => {
        // Taken in the same statement that checks it: a code works once, even raced.
        const [taken] = await tx.query<{ departments: string[]; read_scope: string }>(
          `UPDATE enrolments SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2
             RETURNING departments, read_scope`,
          [hash(request.code.toUpperCase()), now],
        );
        if (!taken)
          throw new CentralError('enrolmentInvalid', 'the enrolment code is unknown, used or expired');
        await tx.query(
          `INSERT INTO stations (id, number, name, secret_hash, enrolled_at, departments, read_scope)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            stationId,
            request.stationNumber,
            request.stationName,
            hash(secret),
            now,
            taken.departments,
            taken.read_scope,
          ],
        );
        await tx.query('UPDATE enrolments SET station_id = $1 WHERE code_hash = $2', [
          stationId,
          hash(request.code.toUpperCase()),
        ]);
        return taken.departments;
      });
      return { stationId, secret, receiptKey: deps.receiptKey, departments };
    },

    /** The station a bearer credential `<stationId>.<secret>` belongs to, with what it may read. */
    async authenticate(credential: string): Promise<StationCaller> {
      const [stationId, secret] = credential.split('.');
      if (!stationId || !secret || !UUID.test(stationId)) {
        throw new CentralError('unauthorized', 'a station credential is required');
      }
      const [row] = await db.query<{
        secret_hash: string;
        revoked_at: Date | null;
        number: string;
        departments: string[];
        read_scope: StationScope['readScope'];
      }>('SELECT secret_hash, revoked_at, number, departments, read_scope FROM stations WHERE id = $1', [
        stationId,
      ]);
      const given = Buffer.from(hash(secret));
      if (!row || !timingSafeEqual(given, Buffer.from(row.secret_hash))) {
        throw new CentralError('unauthorized', 'the station credential is not valid');
      }
      if (row.revoked_at) throw new CentralError('stationRevoked', 'this station has been revoked');
      return {
        stationId,
        stationNumber: row.number,
        departments: row.departments,
        readScope: row.read_scope,
      };
    },

    /** The administrator changes what a station works for and may read; the journal keeps it. */
    async setScope(stationId: string, scope: StationScope) {
      const [row] = await db.transaction(async (tx) => {
        const rows = await tx.query<{ departments: string[]; read_scope: string }>(
          'SELECT departments, read_scope FROM stations WHERE id = $1 FOR UPDATE',
          [stationId],
        );
        if (!rows[0]) throw new CentralError('notFound', 'no such station');
        await tx.query('UPDATE stations SET departments = $2, read_scope = $3 WHERE id = $1', [
          stationId,
          scope.departments,
          scope.readScope,
        ]);
        await deps.journal.append(tx, {
          actor: 'admin',
          action: 'stationScope',
          subject: stationId,
          detail: {
            before: { departments: rows[0].departments, readScope: rows[0].read_scope },
            after: scope,
          },
        });
        return tx.query<StationRow>(`SELECT ${STATION_COLUMNS} FROM stations s WHERE s.id = $1`, [stationId]);
      });
      return stationOf(row!);
    },

    async revoke(stationId: string) {
      await db.transaction(async (tx) => {
        const rows = await tx.query(
          'UPDATE stations SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id',
          [stationId, clock()],
        );
        if (rows.length === 0) throw new CentralError('notFound', 'no such active station');
        await deps.journal.append(tx, {
          actor: 'admin',
          action: 'stationRevoked',
          subject: stationId,
          detail: {},
        });
      });
    },

    async list() {
      const rows = await db.query<StationRow>(
        `SELECT ${STATION_COLUMNS} FROM stations s ORDER BY s.number, s.enrolled_at`,
      );
      return rows.map(stationOf);
    },
  };
}

export type Stations = ReturnType<typeof createStations>;
