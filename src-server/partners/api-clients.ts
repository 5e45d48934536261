import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { ApiClient, apiClientCreateSchema, PartnerScope } from '../../src-shared/central/partner-api';
import type { Database } from '../db/database';
import { CentralError } from '../http/central-error';
import type { Journal } from '../journal';

interface ClientRow {
  id: string;
  name: string;
  secret_hash: string;
  scopes: PartnerScope[];
  rate_per_minute: number;
  created_at: Date;
  revoked_at: Date | null;
}

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

const clientOf = (row: ClientRow): ApiClient => ({
  clientId: row.id,
  name: row.name,
  scopes: row.scopes,
  ratePerMinute: row.rate_per_minute,
  createdAt: new Date(row.created_at).toISOString(),
  revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
});

/**
 * API clients of other systems, made by Central's administrator: a name, the scopes it may
 * use and its own rate. Its secret is 32 random bytes shown once; Central keeps its SHA-256
 * (a secret that long needs no slow hash). A revoked client's tokens stop at once: every
 * request looks the client up.
 */
export function createApiClients(deps: { db: Database; clock: () => Date; journal: Journal }) {
  const { db } = deps;
  const byId = async (clientId: string) =>
    (await db.query<ClientRow>('SELECT * FROM api_clients WHERE id = $1', [clientId]))[0] ?? null;

  return {
    async create(request: z.output<typeof apiClientCreateSchema>) {
      const id = randomUUID();
      const secret = randomBytes(32).toString('base64url');
      const row = await db.transaction(async (tx) => {
        const [inserted] = await tx.query<ClientRow>(
          `INSERT INTO api_clients (id, name, secret_hash, scopes, rate_per_minute, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
          [
            id,
            request.name,
            hashOf(secret),
            [...new Set(request.scopes)],
            request.ratePerMinute,
            deps.clock(),
          ],
        );
        await deps.journal.append(tx, {
          actor: 'admin',
          action: 'apiClientCreated',
          subject: id,
          detail: { name: request.name, scopes: request.scopes, ratePerMinute: request.ratePerMinute },
        });
        return inserted!;
      });
      return { ...clientOf(row), clientSecret: secret };
    },

    async list(): Promise<ApiClient[]> {
      return (await db.query<ClientRow>('SELECT * FROM api_clients ORDER BY created_at, id')).map(clientOf);
    },

    async revoke(clientId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const [row] = await tx.query<ClientRow>(
          'UPDATE api_clients SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING *',
          [clientId, deps.clock()],
        );
        if (!row) throw new CentralError('notFound', `no API client ${clientId}`);
        await deps.journal.append(tx, {
          actor: 'admin',
          action: 'apiClientRevoked',
          subject: clientId,
          detail: { name: row.name },
        });
      });
    },

    /** The client these credentials name, if they are its own and it is not revoked. */
    async authenticate(clientId: string, secret: string): Promise<ApiClient | null> {
      if (!/^[0-9a-f-]{36}$/i.test(clientId)) return null;
      const row = await byId(clientId);
      const given = Buffer.from(hashOf(secret));
      if (!row || row.revoked_at || !timingSafeEqual(given, Buffer.from(row.secret_hash))) return null;
      return clientOf(row);
    },

    /** The client a token names, as it stands now (revoked: null). */
    async current(clientId: string): Promise<ApiClient | null> {
      const row = await byId(clientId);
      return row && !row.revoked_at ? clientOf(row) : null;
    },
  };
}

export type ApiClients = ReturnType<typeof createApiClients>;
