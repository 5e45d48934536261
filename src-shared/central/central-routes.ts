import { z } from 'zod';
import { procedureSchema } from '../domain/procedure-catalogue';
import { bundleReceiptsSchema } from '../transfer/transfer-bundle';
import {
  accessLogQuerySchema,
  accessLogSchema,
  annulmentSchema,
  auditHeadSchema,
  centralLookupQuerySchema,
  auditUploadSchema,
  centralProgressSchema,
  decimalOffset,
  completedSchema,
  enrolmentCreateSchema,
  enrolmentSchema,
  enrolRequestSchema,
  enrolResponseSchema,
  healthSchema,
  inventoryReceivedSchema,
  inventoryUploadSchema,
  journalSchema,
  lookupResultSchema,
  readerSchema,
  revocationResultSchema,
  revocationUploadSchema,
  statsQuerySchema,
  statsSchema,
  stationAuditQuerySchema,
  stationAuditSchema,
  stationSchema,
  stationScopeSchema,
  uploadBeginSchema,
  uploadReceivedSchema,
  uploadStateSchema,
} from './central-api';
import type { CentralErrorCode } from './central-errors';
import { tlsCertificateInfoSchema } from './central-tls';
import {
  apiClientCreatedSchema,
  apiClientCreateSchema,
  apiClientSchema,
  changesQuerySchema,
  changesSchema,
  partnerLookupQuerySchema,
  purposeQuerySchema,
  tokenRequestSchema,
  tokenResponseSchema,
  type PartnerScope,
} from './partner-api';

/** Whether Central serves HTTPS, and the chain it presents (its own certificate first). */
const centralTlsSchema = z.object({ tls: z.boolean(), chain: z.array(tlsCertificateInfoSchema) });

/**
 * SoHoa Central's routes, declared once (as the IPC contract is): method, path, the schemas
 * of its params, query, body and answer, who may call it and the refusals it may answer. The
 * server's routes, the OpenAPI document and the station's typed client are all derived from
 * this table; a new endpoint is a row here, its store and its handler.
 */
export type CentralAccess = 'public' | 'station' | 'admin' | 'stationOrAdmin' | 'partner';

export interface CentralRoute {
  method: 'GET' | 'POST' | 'PUT';
  /** Express-style, `:name` for each param. */
  path: string;
  summary: string;
  access: CentralAccess;
  params?: z.ZodType<Record<string, string>>;
  query?: z.ZodType;
  /** A JSON body; `'binary'` for a raw file chunk. */
  body?: z.ZodType | 'binary';
  /** The JSON answer; `'pdf'` for a signed file. */
  response: z.ZodType | 'pdf';
  status?: number;
  /** Refusals this route answers beyond those every route may (invalidRequest, unauthorized, internal). */
  errors: readonly CentralErrorCode[];
  /** A partner route: the scope its token must carry. */
  scope?: PartnerScope;
}

// Path and query parameters, checked before any handler runs: a malformed one is a 400.
const uuidParam = z.uuid();
/** A record code as it appears in a path: printable, no control characters, no slash. */
const codeParam = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (code) =>
      ![...code].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f || char === '/'),
    'a record code (no control characters, no slash)',
  );

const ok = z.object({ ok: z.literal(true) });

export const CENTRAL_ROUTES = {
  health: {
    method: 'GET',
    path: '/health',
    summary: 'Central is up and its database answers',
    access: 'public',
    response: healthSchema,
    errors: [],
  },
  createEnrolment: {
    method: 'POST',
    path: '/v1/admin/enrolments',
    summary: 'A one-time enrolment code for a new station',
    access: 'admin',
    body: enrolmentCreateSchema,
    response: enrolmentSchema,
    status: 201,
    errors: [],
  },
  listStations: {
    method: 'GET',
    path: '/v1/admin/stations',
    summary: 'Enrolled stations',
    access: 'admin',
    response: z.object({ stations: z.array(stationSchema) }),
    errors: [],
  },
  stationAudit: {
    method: 'GET',
    path: '/v1/admin/stations/:stationId/audit',
    summary:
      "A station's audit trail as Central holds it, newest first, 100 entries a page; with verify=1 the whole trail is checked link by link",
    access: 'admin',
    params: z.object({ stationId: uuidParam }),
    query: stationAuditQuerySchema,
    response: stationAuditSchema,
    errors: ['notFound'],
  },
  revokeStation: {
    method: 'POST',
    path: '/v1/admin/stations/:stationId/revoke',
    summary: 'Refuse a station from now on',
    access: 'admin',
    params: z.object({ stationId: uuidParam }),
    response: ok,
    errors: ['notFound'],
  },
  setStationScope: {
    method: 'PUT',
    path: '/v1/admin/stations/:stationId/scope',
    summary: "A station's departments and what it may read: its departments' records, or the province's",
    access: 'admin',
    params: z.object({ stationId: uuidParam }),
    body: stationScopeSchema,
    response: stationSchema,
    errors: ['notFound'],
  },
  createClient: {
    method: 'POST',
    path: '/v1/admin/clients',
    summary:
      'An API client for another system (the one-stop system), with the scopes it may use; its secret is shown once',
    access: 'admin',
    body: apiClientCreateSchema,
    response: apiClientCreatedSchema,
    status: 201,
    errors: [],
  },
  listClients: {
    method: 'GET',
    path: '/v1/admin/clients',
    summary: 'API clients, revoked ones included',
    access: 'admin',
    response: z.object({ clients: z.array(apiClientSchema) }),
    errors: [],
  },
  revokeClient: {
    method: 'POST',
    path: '/v1/admin/clients/:clientId/revoke',
    summary: 'Refuse an API client from now on: its tokens stop working at once',
    access: 'admin',
    params: z.object({ clientId: uuidParam }),
    response: ok,
    errors: ['notFound'],
  },
  token: {
    method: 'POST',
    path: '/v1/oauth/token',
    summary:
      'OAuth 2.0 client credentials (RFC 6749 §4.4): an access token for an API client (HTTP Basic or client_id and client_secret; a form or JSON). Refusals are RFC 6749 errors: { error: invalid_client | unsupported_grant_type | invalid_scope }',
    access: 'public',
    body: tokenRequestSchema,
    response: tokenResponseSchema,
    errors: [],
  },
  partnerLookup: {
    method: 'GET',
    path: '/v1/partner/records',
    summary:
      'A partner looks results up by owner ID, code, document number or dossier code, saying why (purpose); every read logged',
    access: 'partner',
    scope: 'records:lookup',
    query: partnerLookupQuerySchema,
    response: lookupResultSchema,
    errors: ['insufficientScope', 'rateLimited'],
  },
  partnerFile: {
    method: 'GET',
    path: '/v1/partner/records/:code/file',
    summary: "A result's signed PDF/A for a partner, saying why (purpose); logged",
    access: 'partner',
    scope: 'records:file',
    params: z.object({ code: codeParam }),
    query: purposeQuerySchema,
    response: 'pdf',
    errors: ['insufficientScope', 'notFound', 'rateLimited'],
  },
  partnerStats: {
    method: 'GET',
    path: '/v1/partner/stats',
    summary: 'Records and pages by department, procedure, month or station, for a partner',
    access: 'partner',
    scope: 'stats:read',
    query: statsQuerySchema,
    response: statsSchema,
    errors: ['insufficientScope', 'rateLimited'],
  },
  changes: {
    method: 'GET',
    path: '/v1/changes',
    summary:
      'The change feed: results stored, revoked, replaced by a correction or reinstated, in order, after the position given; read again from the same position, the same changes (logged)',
    access: 'partner',
    scope: 'changes:read',
    query: changesQuerySchema,
    response: changesSchema,
    errors: ['insufficientScope', 'rateLimited'],
  },
  accessLog: {
    method: 'GET',
    path: '/v1/admin/access-log',
    summary:
      'Every read of personal data (lookups, files, the change feed): which station and user, or which API client and why; which owner, which record, when; newest first',
    access: 'admin',
    query: accessLogQuerySchema,
    response: accessLogSchema,
    errors: [],
  },
  tls: {
    method: 'GET',
    path: '/v1/admin/tls',
    summary:
      "Central's TLS certificate chain as it serves it: the fingerprint the admin compares with what a station shows before enrolling",
    access: 'admin',
    response: centralTlsSchema,
    errors: [],
  },
  journal: {
    method: 'GET',
    path: '/v1/admin/journal',
    summary: "Central's own journal: revocations recorded and annulled, station scopes changed",
    access: 'admin',
    response: journalSchema,
    errors: [],
  },
  importTransfer: {
    method: 'POST',
    path: '/v1/admin/transfers',
    summary:
      "Import a transfer bundle a station without network sent on removable media (a folder on Central's disk); writes receipts.json into it",
    access: 'admin',
    body: z.object({ folder: z.string().min(1).max(1000) }).strict(),
    response: bundleReceiptsSchema,
    errors: ['invalidRequest', 'invalidSignature', 'hashMismatch', 'forbidden', 'stationRevoked'],
  },
  annulRevocation: {
    method: 'POST',
    path: '/v1/admin/records/:code/revocation/annul',
    summary: 'Annul a revocation made in error, with a reason (kept in the journal)',
    access: 'admin',
    params: z.object({ code: codeParam }),
    body: annulmentSchema,
    response: ok,
    errors: ['notFound'],
  },
  enrol: {
    method: 'POST',
    path: '/v1/enrol',
    summary: 'A station trades its enrolment code for its credentials',
    access: 'public',
    body: enrolRequestSchema,
    response: enrolResponseSchema,
    status: 201,
    errors: ['enrolmentInvalid'],
  },
  beginUpload: {
    method: 'POST',
    path: '/v1/records/uploads',
    summary: 'Announce a record: its receipt if stored, else where its upload stands',
    access: 'station',
    body: uploadBeginSchema,
    response: uploadStateSchema,
    errors: ['stationRevoked', 'conflict', 'tooLarge', 'tooManyUploads', 'uploadSpaceFull'],
  },
  appendChunk: {
    method: 'PUT',
    path: '/v1/records/uploads/:uploadId',
    summary:
      'Append a chunk at ?offset= (what Central already has); with complete=1, a chunk that makes the file whole also completes the upload and answers with its receipt',
    access: 'station',
    params: z.object({ uploadId: uuidParam }),
    query: z.object({ offset: decimalOffset, complete: z.literal('1').optional() }).strict(),
    body: 'binary',
    response: uploadReceivedSchema,
    errors: [
      'stationRevoked',
      'notFound',
      'uploadOffset',
      'tooLarge',
      'uploadSpaceFull',
      'sizeMismatch',
      'hashMismatch',
      'malformedPdf',
      'invalidSignature',
      'conflict',
    ],
  },
  completeUpload: {
    method: 'POST',
    path: '/v1/records/uploads/:uploadId/complete',
    summary: 'Check the whole file (size, SHA-256, signature) and store the record once',
    access: 'station',
    params: z.object({ uploadId: uuidParam }),
    response: completedSchema,
    errors: [
      'stationRevoked',
      'notFound',
      'sizeMismatch',
      'hashMismatch',
      'malformedPdf',
      'invalidSignature',
      'conflict',
    ],
  },
  lookup: {
    method: 'GET',
    path: '/v1/records',
    summary:
      "Look records up by code, owner ID number or document number, within the caller's scope, a page at a time (logged)",
    access: 'stationOrAdmin',
    query: centralLookupQuerySchema,
    response: lookupResultSchema,
    errors: ['stationRevoked', 'rateLimited'],
  },
  revoke: {
    method: 'POST',
    path: '/v1/records/:code/revocation',
    summary:
      'Record that a result was revoked by its issuing agency, signed by a supervisor (the first that stands holds)',
    access: 'stationOrAdmin',
    params: z.object({ code: codeParam }),
    body: revocationUploadSchema,
    response: revocationResultSchema,
    errors: ['stationRevoked', 'notFound', 'conflict', 'forbidden', 'revocationSignature'],
  },
  file: {
    method: 'GET',
    path: '/v1/records/:code/file',
    summary: "The signed PDF/A of a record within the caller's scope (logged)",
    access: 'stationOrAdmin',
    params: z.object({ code: codeParam }),
    query: z.object({ user: readerSchema.optional() }).strict(),
    response: 'pdf',
    errors: ['stationRevoked', 'notFound', 'forbidden'],
  },
  appendAudit: {
    method: 'POST',
    path: '/v1/audit',
    summary: "Append to this station's audit trail (continues where Central's copy ends)",
    access: 'station',
    body: auditUploadSchema,
    response: auditHeadSchema,
    errors: ['stationRevoked', 'auditBroken'],
  },
  auditHead: {
    method: 'GET',
    path: '/v1/audit/head',
    summary: 'The last audit entry Central holds of this station',
    access: 'station',
    response: auditHeadSchema,
    errors: ['stationRevoked'],
  },
  stats: {
    method: 'GET',
    path: '/v1/stats',
    summary: 'Records and pages by department, procedure, month or station (corrections counted once)',
    access: 'stationOrAdmin',
    query: statsQuerySchema,
    response: statsSchema,
    errors: ['stationRevoked'],
  },
  appendInventory: {
    method: 'POST',
    path: '/v1/inventory',
    summary: "Append the office's inventory counts this station entered (each stored once)",
    access: 'station',
    body: inventoryUploadSchema,
    response: inventoryReceivedSchema,
    errors: ['stationRevoked'],
  },
  progress: {
    method: 'GET',
    path: '/v1/progress',
    summary: 'Progress against the plan across stations: still-valid records ÷ the latest inventory counts',
    access: 'stationOrAdmin',
    response: centralProgressSchema,
    errors: ['stationRevoked'],
  },
  procedures: {
    method: 'GET',
    path: '/v1/procedures',
    summary: 'The procedure catalogue',
    access: 'stationOrAdmin',
    response: z.object({ procedures: z.array(procedureSchema) }),
    errors: ['stationRevoked'],
  },
} as const satisfies Record<string, CentralRoute>;

export type CentralRoutes = typeof CENTRAL_ROUTES;
export type CentralRouteName = keyof CentralRoutes;

/** A schema's side: what it takes (`input`) or what it gives once parsed (`output`). */
type Side<S, Io extends 'input' | 'output'> = S extends z.ZodType
  ? Io extends 'input'
    ? z.input<S>
    : z.output<S>
  : never;

/** The params, query and body of route `N` as one side of their schemas sees them. */
type RouteParts<N extends CentralRouteName, Io extends 'input' | 'output'> = (CentralRoutes[N] extends {
  params: infer P;
}
  ? { params: Side<P, Io> }
  : unknown) &
  (CentralRoutes[N] extends { query: infer Q } ? { query: Side<Q, Io> } : unknown) &
  (CentralRoutes[N] extends { body: infer B }
    ? { body: B extends 'binary' ? Uint8Array : Side<B, Io> }
    : unknown);

/** What a caller sends to route `N`: its params, query and body, each as its schema takes it. */
export type CentralRequest<N extends CentralRouteName> = RouteParts<N, 'input'>;

/** The server side of a route: what its handler gets after the params, query and body passed their schemas. */
export type CentralHandlerInput<N extends CentralRouteName> = RouteParts<N, 'output'>;

/** What route `N` answers: its response schema's output, or the file's bytes. */
export type CentralResponse<N extends CentralRouteName> = CentralRoutes[N]['response'] extends 'pdf'
  ? Uint8Array
  : Side<CentralRoutes[N]['response'], 'output'>;

/** A route's path with its params filled in, each encoded. */
export function centralPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:(\w+)/g, (_match, name: string) => encodeURIComponent(params[name] ?? ''));
}
