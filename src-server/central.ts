import { timingSafeEqual, type KeyObject } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { CentralRoute } from '../src-shared/central/central-routes';
import type { Procedure } from '../src-shared/domain/procedure-catalogue';
import type { Certificate } from '../src-node/signing/certificate';
import { receiptKeyText } from '../src-node/signing/receipt-signature';
import { certificatesOfPem, describeCertificate } from '../src-node/tls/certificate-info';
import { createAccessLog } from './access-log';
import { createAuditStore } from './audit-store';
import { createTransferImport } from './transfer-import';
import type { BlobStore } from './storage/blob-store';
import type { UploadStaging } from './storage/upload-staging';
import type { Database } from './db/database';
import { createApi, type Caller } from './http/api-routes';
import { registerConsole } from './http/console-files';
import { CentralError } from './http/central-error';
import { createRateLimit } from './http/rate-limit';
import { callerLimits, type CallerRates } from './http/caller-limits';
import { createApiClients } from './partners/api-clients';
import { createPartnerTokens } from './partners/partner-tokens';
import { issueToken, OAuthError } from './partners/token-endpoint';
import { createChanges } from './records/changes';
import { createJournal } from './journal';
import { createRecordReads } from './records/record-reads';
import { createRecordUploads, type UploadLimits } from './records/record-uploads';
import { createRevocations } from './records/revocations';
import { createStations } from './stations';
import { createInventory } from './inventory';
import { createStatistics } from './statistics';

export interface CentralConfig extends UploadLimits {
  version: string;
  /** HTTPS: the certificate chain (PEM, Central's own first) and its private key; absent on loopback only. */
  tls?: { cert: string; key: string };
  adminToken: string;
  /** Central's Ed25519 receipt key (made at its first start, see receipt-key.ts). */
  receiptKey: KeyObject;
  maxChunkBytes: number;
  maxJsonBytes: number;
  /** Lookups by owner ID a station may make in a minute. */
  ownerLookupsPerMinute: number;
  /** How often abandoned uploads are swept (also at start, and per station when it begins one). */
  sweepIntervalMs: number;
  /** The key partners' access tokens are signed with (32 bytes, the same in every Central process). */
  tokenKey: Uint8Array;
  /** Requests a minute per station and token requests a minute per address (API clients have their own). */
  rates?: Partial<CallerRates>;
}

const bearer = (header: string | undefined) => /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? '';
const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** SoHoa Central's HTTP API over a database and a blob store; `listen` is the caller's. */
export function buildCentral(deps: {
  db: Database;
  blobs: BlobStore;
  /** Where uploads wait until complete: on disk for one process, in the database for several. */
  staging: UploadStaging;
  config: CentralConfig;
  trust: () => Promise<readonly Certificate[]>;
  procedures: () => Promise<readonly Procedure[]>;
  clock?: () => Date;
  /** Fastify's logger: off (tests in process), or a level (the server: errors at least, JSON lines on stdout). */
  log?: false | { level: 'error' | 'warn' | 'info' | 'debug' };
  /** The built web console's folder (out/console), served at /console/; null: not served. */
  consoleDir?: string | null;
}): FastifyInstance {
  const clock = deps.clock ?? (() => new Date());
  const { config } = deps;
  // One type for both: Fastify's HTTPS instance differs from the plain one only in its server.
  const app = Fastify({
    logger: deps.log ?? false,
    bodyLimit: config.maxJsonBytes,
    ...(config.tls ? { https: { cert: config.tls.cert, key: config.tls.key } } : {}),
  }) as unknown as FastifyInstance;
  const tlsChain = config.tls ? certificatesOfPem(config.tls.cert).map(describeCertificate) : [];
  const journal = createJournal(deps.db, clock);
  const stations = createStations({
    db: deps.db,
    clock,
    journal,
    receiptKey: receiptKeyText(config.receiptKey),
  });
  const uploads = createRecordUploads({
    db: deps.db,
    changes: createChanges(deps.db),
    blobs: deps.blobs,
    staging: deps.staging,
    limits: config,
    receiptKey: config.receiptKey,
    trust: deps.trust,
    clock,
  });
  const accessLog = createAccessLog(deps.db, clock);
  const reads = createRecordReads({
    db: deps.db,
    blobs: deps.blobs,
    receiptKey: config.receiptKey,
    accessLog,
    ownerLookups: createRateLimit({ limit: config.ownerLookupsPerMinute, windowMs: 60_000, clock }),
  });
  const changes = createChanges(deps.db);
  const revocations = createRevocations({ db: deps.db, journal, changes, trust: deps.trust, clock });
  const clients = createApiClients({ db: deps.db, clock, journal });
  const tokens = createPartnerTokens({ key: config.tokenKey, clock });
  const audit = createAuditStore(deps.db, journal);
  const importTransfer = createTransferImport({
    db: deps.db,
    uploads,
    journal,
    trust: deps.trust,
    clock,
    maxChunkBytes: config.maxChunkBytes,
  });
  const inventory = createInventory(deps.db);
  const statistics = createStatistics({ db: deps.db, inventory, clock });

  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: config.maxChunkBytes },
    (_r, body, done) => done(null, body),
  );
  // OAuth token requests come as forms (RFC 6749 §4.4.2).
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_r, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof OAuthError) {
      // RFC 6749 §5.2, and a Basic challenge for a client that failed to authenticate.
      if (error.status === 401) reply.header('www-authenticate', 'Basic realm="SoHoa Central"');
      return reply.status(error.status).send({ error: error.error, error_description: error.description });
    }
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
    spec: CentralRoute,
  ): Promise<Caller> => {
    const { access } = spec;
    if (access === 'public') return { kind: 'public' };
    const token = bearer(request.headers.authorization as string | undefined);
    if (access === 'partner') return partnerCaller(token, spec);
    if ((access === 'admin' || access === 'stationOrAdmin') && token && sameText(token, config.adminToken)) {
      return { kind: 'admin' };
    }
    if (access === 'admin') throw new CentralError('unauthorized', 'the administrator token is required');
    return { kind: 'station', station: await stations.authenticate(token) };
  };
  /** An API client whose token is Central's, in force, of a client still held, with the route's scope. */
  const partnerCaller = async (token: string, spec: CentralRoute): Promise<Caller> => {
    const checked = await tokens.check(token);
    if (!checked.ok) {
      throw new CentralError(
        'unauthorized',
        checked.reason === 'expired' ? 'the access token has expired' : 'a valid access token is required',
      );
    }
    const client = await clients.current(checked.clientId);
    if (!client) throw new CentralError('unauthorized', 'this API client has been revoked');
    // What the token says and the client still holds (a scope taken away is gone at once).
    const scopes = checked.scopes.filter((scope) => client.scopes.includes(scope));
    if (spec.scope && !scopes.includes(spec.scope)) {
      throw new CentralError('insufficientScope', `this route needs the scope ${spec.scope}`, {
        scope: spec.scope,
      });
    }
    return {
      kind: 'partner',
      partner: { clientId: client.clientId, name: client.name, scopes, ratePerMinute: client.ratePerMinute },
    };
  };
  const stationOf = (caller: Caller) => caller.station!.stationId;

  // Abandoned uploads are swept at start and then now and then, whoever calls.
  let sweeper: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    await uploads.sweep();
    sweeper = setInterval(
      () => void uploads.sweep().catch((error) => app.log.error(error)),
      config.sweepIntervalMs,
    );
    sweeper.unref();
  });
  app.addHook('onClose', async () => clearInterval(sweeper));

  // The routes are declared once the rate-limit plugin is loaded: each counts its caller there.
  void app.register(rateLimit, { global: false });
  void app.register(async (api) => {
    const { route, openApi } = createApi(
      api,
      authenticate,
      callerLimits(api, { stationPerMinute: 30_000, tokenPerMinute: 30, ...config.rates }),
    );
    route('health', async () => {
      await deps.db.query('SELECT 1');
      return { status: 'ok' as const, version: config.version, time: clock().toISOString() };
    });
    app.get('/docs/openapi.json', async () => openApi(config.version));
    registerConsole(api, { dir: deps.consoleDir ?? null, tls: config.tls !== undefined });

    route('createEnrolment', ({ body }) => stations.createEnrolment(body));
    route('listStations', async () => ({ stations: await stations.list() }));
    route('revokeStation', async ({ params }) => {
      await stations.revoke(params.stationId);
      return { ok: true as const };
    });
    route('stationAudit', ({ params, query }) =>
      audit.read(params.stationId, { offset: query.offset, verify: query.verify === '1' }),
    );
    route('setStationScope', ({ params, body }) => stations.setScope(params.stationId, body));
    route('accessLog', ({ query }) => accessLog.list(query));
    route('journal', async () => ({ entries: await journal.list() }));
    route('tls', async () => ({ tls: config.tls !== undefined, chain: tlsChain }));
    route('importTransfer', ({ body }) => importTransfer(body.folder));
    route('annulRevocation', async ({ params, body }) => {
      await revocations.annul(params.code, body.reason);
      return { ok: true as const };
    });
    route('enrol', ({ body }) => stations.enrol(body));

    route('beginUpload', ({ body, caller }) => uploads.begin(stationOf(caller), body));
    route('appendChunk', ({ params, query, body, caller }) =>
      uploads.chunk(
        stationOf(caller),
        params.uploadId,
        query.offset,
        Buffer.from(body.buffer, body.byteOffset, body.length),
        query.complete === '1',
      ),
    );
    route('completeUpload', async ({ params, caller }) => ({
      receipt: await uploads.complete(stationOf(caller), params.uploadId),
    }));
    route('lookup', ({ query, caller }) => reads.lookup(caller, query));
    route('revoke', async ({ params, body, caller }) => ({
      revocation: await revocations.revoke(caller, params.code, body),
    }));
    route('file', ({ params, query, caller }) => reads.file(caller, params.code, query.user));

    route('appendAudit', ({ body, caller }) => audit.append(stationOf(caller), body.entries));
    route('auditHead', ({ caller }) => audit.head(stationOf(caller)));
    route('stats', ({ query }) => statistics.by(query.by));
    route('appendInventory', ({ body, caller }) => inventory.append(stationOf(caller), body.counts));
    route('progress', () => statistics.progress());
    route('procedures', async () => ({ procedures: [...(await deps.procedures())] }));

    route('createClient', ({ body }) => clients.create(body));
    route('listClients', async () => ({ clients: await clients.list() }));
    route('revokeClient', async ({ params }) => {
      await clients.revoke(params.clientId);
      return { ok: true as const };
    });
    route('token', ({ body, request }) =>
      issueToken({ clients, tokens }, { authorization: request.headers.authorization, body }),
    );
    route('partnerLookup', ({ query, caller }) => reads.lookup(caller, query));
    route('partnerFile', ({ params, query, caller }) =>
      reads.file(caller, params.code, undefined, query.purpose),
    );
    route('partnerStats', ({ query }) => statistics.by(query.by));
    route('changes', async ({ query, caller }) => {
      const page = await changes.after(Number(query.after), query.limit ? Number(query.limit) : undefined);
      await accessLog.record({
        caller,
        user: caller.partner!.name,
        action: 'changes',
        query: { after: query.after },
        disclosed: page.rows.map((row) => ({ code: row.code, ownerId: row.owner_id })),
      });
      return { changes: page.changes, next: page.next, more: page.more };
    });
  });
  return app;
}
