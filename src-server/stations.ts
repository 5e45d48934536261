import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { enrolmentCreateSchema, enrolRequestSchema } from '../src-shared/central/central-api';
import type { Database } from './db/database';
import { CentralError } from './http/central-error';

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/**
 * Stations and their credentials. An administrator makes a one-time enrolment code; a
 * station trades it for its id and a secret (shown once; Central keeps only its SHA-256);
 * every later call carries both. A revoked station is refused from then on.
 */
export function createStations(db: Database, clock: () => Date) {
  return {
    async createEnrolment(request: z.output<typeof enrolmentCreateSchema>) {
      // Grouped for reading aloud over the phone: XXXX-XXXX-XXXX, no 0/O or 1/I.
      const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
      const code = [...randomBytes(12)]
        .map((byte, index) => (index && index % 4 === 0 ? '-' : '') + alphabet[byte % 32])
        .join('');
      const now = clock();
      const expiresAt = new Date(now.getTime() + request.validHours * 3600_000);
      await db.query(
        'INSERT INTO enrolments (code_hash, note, created_at, expires_at) VALUES ($1, $2, $3, $4)',
        [hash(code), request.note, now, expiresAt],
      );
      return { code, expiresAt: expiresAt.toISOString() };
    },

    async enrol(request: z.output<typeof enrolRequestSchema>) {
      const stationId = randomUUID();
      const secret = randomBytes(32).toString('base64url');
      const now = clock();
      await db.transaction(async (tx) => {
        // Taken in the same statement that checks it: a code works once, even raced.
        const taken = await tx.query(
          `UPDATE enrolments SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING code_hash`,
          [hash(request.code.toUpperCase()), now],
        );
        if (taken.length === 0)
          throw new CentralError('enrolmentInvalid', 'the enrolment code is unknown, used or expired');
        await tx.query(
          'INSERT INTO stations (id, number, name, secret_hash, enrolled_at) VALUES ($1, $2, $3, $4, $5)',
          [stationId, request.stationNumber, request.stationName, hash(secret), now],
        );
        await tx.query('UPDATE enrolments SET station_id = $1 WHERE code_hash = $2', [
          stationId,
          hash(request.code.toUpperCase()),
        ]);
      });
      return { stationId, secret };
    },

    /** The station a bearer credential `<stationId>.<secret>` belongs to. */
    async authenticate(credential: string): Promise<string> {
      const [stationId, secret] = credential.split('.');
      if (!stationId || !secret || !/^[0-9a-f-]{36}$/.test(stationId)) {
        throw new CentralError('unauthorized', 'a station credential is required');
      }
      const [row] = await db.query<{ secret_hash: string; revoked_at: Date | null }>(
        'SELECT secret_hash, revoked_at FROM stations WHERE id = $1',
        [stationId],
      );
      const given = Buffer.from(hash(secret));
      if (!row || !timingSafeEqual(given, Buffer.from(row.secret_hash))) {
        throw new CentralError('unauthorized', 'the station credential is not valid');
      }
      if (row.revoked_at) throw new CentralError('stationRevoked', 'this station has been revoked');
      return stationId;
    },

    async revoke(stationId: string) {
      const rows = await db.query(
        'UPDATE stations SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id',
        [stationId, clock()],
      );
      if (rows.length === 0) throw new CentralError('notFound', 'no such active station');
    },

    async list() {
      const rows = await db.query<{
        id: string;
        number: string;
        name: string;
        enrolled_at: Date;
        revoked_at: Date | null;
        records: string;
      }>(
        `SELECT s.id, s.number, s.name, s.enrolled_at, s.revoked_at,
                (SELECT count(*) FROM records r WHERE r.station_id = s.id) AS records
           FROM stations s ORDER BY s.number, s.enrolled_at`,
      );
      return rows.map((row) => ({
        stationId: row.id,
        stationNumber: row.number,
        stationName: row.name,
        enrolledAt: iso(row.enrolled_at)!,
        revokedAt: iso(row.revoked_at),
        records: Number(row.records),
      }));
    },
  };
}

export type Stations = ReturnType<typeof createStations>;
