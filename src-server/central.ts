import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  auditHeadSchema,
  auditUploadSchema,
  centralProgressSchema,
  completedSchema,
  enrolmentCreateSchema,
  enrolmentSchema,
  enrolRequestSchema,
  enrolResponseSchema,
  healthSchema,
  inventoryReceivedSchema,
  inventoryUploadSchema,
  lookupQuerySchema,
  lookupResultSchema,
  revocationResultSchema,
  revocationUploadSchema,
  statsQuerySchema,
  statsSchema,
  stationSchema,
  uploadBeginSchema,
  uploadReceivedSchema,
  uploadStateSchema,
} from '../src-shared/central/central-api';
import { procedureSchema, type Procedure } from '../src-shared/domain/procedure-catalogue';
import type { Certificate } from '../src-main/signing/certificate';
import { createAuditStore } from './audit-store';
import type { BlobStore } from './blob-store';
import type { Database } from './db/database';
import { createApi, type Access, type Caller } from './http/api-routes';
import { CentralError } from './http/central-error';
import { createRecords } from './records';
import { createStations } from './stations';
import { createInventory } from './inventory';
import { createStatistics } from './statistics';

export interface CentralConfig {
  version: string;
  adminToken: string;
  uploadDir: string;
  maxRecordBytes: number;
  maxChunkBytes: number;
  maxJsonBytes: number;
}

const bearer = (header: string | undefined) => /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? '';
const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** SoHoa Central's HTTP API over a database and a blob store; `listen` is the caller's. */
export function buildCentral(deps: {
  db: Database;
  blobs: BlobStore;
  config: CentralConfig;
  trust: () => Promise<readonly Certificate[]>;
  procedures: () => Promise<readonly Procedure[]>;
  clock?: () => Date;
  log?: boolean;
}): FastifyInstance {
  const clock = deps.clock ?? (() => new Date());
  const { config } = deps;
  const app = Fastify({ logger: deps.log ?? false, bodyLimit: config.maxJsonBytes });
  const stations = createStations(deps.db, clock);
  const records = createRecords({
    db: deps.db,
    blobs: deps.blobs,
    uploadDir: config.uploadDir,
    maxRecordBytes: config.maxRecordBytes,
    trust: deps.trust,
    clock,
  });
  const audit = createAuditStore(deps.db);
  const inventory = createInventory(deps.db);
  const statistics = createStatistics({ db: deps.db, inventory, clock });

  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: config.maxChunkBytes },
    (_r, body, done) => done(null, body),
  );
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof CentralError) {
      return reply
        .status(error.status)
        .send({ error: { code: error.code, message: error.message, detail: error.detail } });
    }
    const fastifyError = error as { statusCode?: number; code?: string; message: string };
    if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .status(413)
        .send({ error: { code: 'tooLarge', message: 'the request body is too large' } });
    }
    if (fastifyError.statusCode && fastifyError.statusCode < 500) {
      return reply
        .status(fastifyError.statusCode)
        .send({ error: { code: 'invalidRequest', message: fastifyError.message } });
    }
    app.log.error(error);
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: 'Central could not complete the request' } });
  });

  const authenticate = async (
    request: { headers: Record<string, unknown> },
    access: Access,
  ): Promise<Caller> => {
    if (access === 'public') return { kind: 'public' };
    const token = bearer(request.headers.authorization as string | undefined);
    if ((access === 'admin' || access === 'stationOrAdmin') && token && sameText(token, config.adminToken)) {
      return { kind: 'admin' };
    }
    if (access === 'admin') throw new CentralError('unauthorized', 'the administrator token is required');
    return { kind: 'station', stationId: await stations.authenticate(token) };
  };
  const { route, openApi } = createApi(app, authenticate);
  const stationOf = (caller: Caller) => caller.stationId!;

  route(
    {
      method: 'GET',
      url: '/health',
      summary: 'Central is up and its database answers',
      access: 'public',
      response: healthSchema,
    },
    async () => {
      await deps.db.query('SELECT 1');
      return { status: 'ok' as const, version: config.version, time: clock().toISOString() };
    },
  );
  app.get('/docs/openapi.json', async () => openApi(config.version));

  route(
    {
      method: 'POST',
      url: '/v1/admin/enrolments',
      summary: 'A one-time enrolment code for a new station',
      access: 'admin',
      body: enrolmentCreateSchema,
      response: enrolmentSchema,
      status: 201,
    },
    ({ body }) => stations.createEnrolment(body),
  );
  route(
    {
      method: 'GET',
      url: '/v1/admin/stations',
      summary: 'Enrolled stations',
      access: 'admin',
      response: z.object({ stations: z.array(stationSchema) }),
    },
    async () => ({ stations: await stations.list() }),
  );
  route(
    {
      method: 'POST',
      url: '/v1/admin/stations/:stationId/revoke',
      summary: 'Refuse a station from now on',
      access: 'admin',
      response: z.object({ ok: z.literal(true) }),
    },
    async ({ params }) => {
      if (!z.uuid().safeParse(params.stationId).success)
        throw new CentralError('notFound', 'no such station');
      await stations.revoke(params.stationId!);
      return { ok: true as const };
    },
  );
  route(
    {
      method: 'POST',
      url: '/v1/enrol',
      summary: 'A station trades its enrolment code for its credentials',
      access: 'public',
      body: enrolRequestSchema,
      response: enrolResponseSchema,
      status: 201,
    },
    ({ body }) => stations.enrol(body),
  );

  route(
    {
      method: 'POST',
      url: '/v1/records/uploads',
      summary: 'Announce a record: its receipt if stored, else where its upload stands',
      access: 'station',
      body: uploadBeginSchema,
      response: uploadStateSchema,
    },
    ({ body, caller }) => records.begin(stationOf(caller), body),
  );
  route(
    {
      method: 'PUT',
      url: '/v1/records/uploads/:uploadId',
      summary: 'Append a chunk at ?offset= (what Central already has)',
      access: 'station',
      binaryBody: true,
      query: z.object({ offset: z.coerce.number().int().nonnegative() }),
      response: uploadReceivedSchema,
    },
    ({ params, query, raw, caller }) => {
      if (!Buffer.isBuffer(raw) || raw.length === 0)
        throw new CentralError('invalidRequest', 'send the chunk as application/octet-stream');
      return records.chunk(stationOf(caller), params.uploadId!, query.offset, raw);
    },
  );
  route(
    {
      method: 'POST',
      url: '/v1/records/uploads/:uploadId/complete',
      summary: 'Check the whole file (size, SHA-256, signature) and store the record once',
      access: 'station',
      response: completedSchema,
    },
    async ({ params, caller }) => ({ receipt: await records.complete(stationOf(caller), params.uploadId!) }),
  );
  route(
    {
      method: 'GET',
      url: '/v1/records',
      summary: 'Look records up by code, owner ID number or document number',
      access: 'stationOrAdmin',
      query: lookupQuerySchema,
      response: lookupResultSchema,
    },
    async ({ query }) => ({ records: await records.lookup(query) }),
  );
  route(
    {
      method: 'POST',
      url: '/v1/records/:code/revocation',
      summary: 'Record that a result was revoked by its issuing agency (the first revocation holds)',
      access: 'station',
      body: revocationUploadSchema,
      response: revocationResultSchema,
    },
    async ({ params, body }) => ({ revocation: await records.revoke(params.code!, body) }),
  );
  route(
    {
      method: 'GET',
      url: '/v1/records/:code/file',
      summary: 'The signed PDF/A of a record',
      access: 'stationOrAdmin',
      response: z.unknown(),
      binaryResponse: 'application/pdf',
    },
    ({ params }) => records.file(params.code!),
  );

  route(
    {
      method: 'POST',
      url: '/v1/audit',
      summary: "Append to this station's audit trail (continues where Central's copy ends)",
      access: 'station',
      body: auditUploadSchema,
      response: auditHeadSchema,
    },
    ({ body, caller }) => audit.append(stationOf(caller), body.entries),
  );
  route(
    {
      method: 'GET',
      url: '/v1/audit/head',
      summary: 'The last audit entry Central holds of this station',
      access: 'station',
      response: auditHeadSchema,
    },
    ({ caller }) => audit.head(stationOf(caller)),
  );
  route(
    {
      method: 'GET',
      url: '/v1/stats',
      summary: 'Records and pages by department, procedure, month or station (corrections counted once)',
      access: 'stationOrAdmin',
      query: statsQuerySchema,
      response: statsSchema,
    },
    ({ query }) => statistics.by(query.by),
  );
  route(
    {
      method: 'POST',
      url: '/v1/inventory',
      summary: "Append the office's inventory counts this station entered (each stored once)",
      access: 'station',
      body: inventoryUploadSchema,
      response: inventoryReceivedSchema,
    },
    ({ body, caller }) => inventory.append(stationOf(caller), body.counts),
  );
  route(
    {
      method: 'GET',
      url: '/v1/progress',
      summary: 'Progress against the plan across stations: still-valid records ÷ the latest inventory counts',
      access: 'stationOrAdmin',
      response: centralProgressSchema,
    },
    () => statistics.progress(),
  );
  route(
    {
      method: 'GET',
      url: '/v1/procedures',
      summary: 'The procedure catalogue',
      access: 'stationOrAdmin',
      response: z.object({ procedures: z.array(procedureSchema) }),
    },
    async () => ({ procedures: [...(await deps.procedures())] }),
  );
  return app;
}
