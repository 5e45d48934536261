import type { z } from 'zod';
import {
  auditHeadSchema,
  centralErrorSchema,
  centralProgressSchema,
  inventoryReceivedSchema,
  completedSchema,
  enrolResponseSchema,
  healthSchema,
  lookupResultSchema,
  revocationResultSchema,
  statsSchema,
  uploadReceivedSchema,
  uploadStateSchema,
  type CentralErrorCode,
} from '../../src-shared/central/central-api';
import { AppError, type ErrorCode } from '../../src-shared/errors/app-error';

/** What each refusal of Central means at the station; anything unlisted is Central's fault, worth retrying. */
const STATION_ERRORS: Partial<Record<CentralErrorCode, ErrorCode>> = {
  unauthorized: 'sync.unauthorized',
  stationRevoked: 'sync.stationRevoked',
  enrolmentInvalid: 'sync.enrolmentInvalid',
  conflict: 'sync.conflict',
  uploadOffset: 'sync.uploadOffset',
  hashMismatch: 'sync.hashMismatch',
  sizeMismatch: 'sync.uploadOffset',
  malformedPdf: 'sync.rejected',
  invalidSignature: 'sync.rejected',
  tooLarge: 'sync.rejected',
  invalidRequest: 'sync.rejected',
  notFound: 'sync.notFound',
  auditBroken: 'sync.auditBroken',
};

/** The plain values of a refusal's detail (e.g. `received` of an upload), as error params. */
const primitives = (detail: unknown): Record<string, string | number> =>
  Object.fromEntries(
    Object.entries(detail && typeof detail === 'object' ? detail : {}).filter(
      ([, value]) => typeof value === 'string' || typeof value === 'number',
    ),
  ) as Record<string, string | number>;

/**
 * SoHoa Central over HTTP, one request at a time, every answer checked against the API's
 * schemas. A network failure, a timeout or a 5xx is `sync.unreachable` (try again later);
 * Central's refusals keep their meaning (a conflict, a bad signature, a revoked station).
 * Node's fetch: small JSON bodies and chunks of at most 2 MB need nothing more.
 */
export function createCentralClient(options: { baseUrl: string; credential?: string; timeoutMs: number }) {
  const base = options.baseUrl.replace(/\/+$/, '');

  async function request<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body?: { json: unknown } | { bytes: Buffer },
  ): Promise<z.output<S>> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(options.credential ? { authorization: `Bearer ${options.credential}` } : {}),
          ...(body && 'json' in body ? { 'content-type': 'application/json' } : {}),
          ...(body && 'bytes' in body ? { 'content-type': 'application/octet-stream' } : {}),
        },
        ...(body ? { body: 'json' in body ? JSON.stringify(body.json) : new Uint8Array(body.bytes) } : {}),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      throw new AppError('sync.unreachable', { detail: `${method} ${path}: ${String(error)}` });
    }
    let payload: unknown;
    try {
      payload = await response.json();
    } catch (error) {
      throw new AppError('sync.unreachable', {
        detail: `${method} ${path}: ${response.status}, ${String(error)}`,
      });
    }
    if (!response.ok) {
      const refusal = centralErrorSchema.safeParse(payload);
      const code =
        refusal.success && response.status < 500 ? STATION_ERRORS[refusal.data.error.code] : undefined;
      throw new AppError(code ?? 'sync.unreachable', {
        detail: `${method} ${path}: ${response.status} ${JSON.stringify(payload).slice(0, 500)}`,
        ...(refusal.success ? { params: primitives(refusal.data.error.detail) } : {}),
      });
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success)
      throw new AppError('sync.unreachable', { detail: `${method} ${path}: unexpected answer` });
    return parsed.data;
  }

  return {
    health: () => request('GET', '/health', healthSchema),
    enrol: (code: string, stationNumber: string, stationName: string) =>
      request('POST', '/v1/enrol', enrolResponseSchema, { json: { code, stationNumber, stationName } }),
    begin: (json: unknown) => request('POST', '/v1/records/uploads', uploadStateSchema, { json }),
    chunk: (uploadId: string, offset: number, bytes: Buffer) =>
      request('PUT', `/v1/records/uploads/${uploadId}?offset=${offset}`, uploadReceivedSchema, { bytes }),
    complete: (uploadId: string) =>
      request('POST', `/v1/records/uploads/${uploadId}/complete`, completedSchema),
    audit: (entries: unknown[]) => request('POST', '/v1/audit', auditHeadSchema, { json: { entries } }),
    lookup: (query: Record<string, string>) =>
      request('GET', `/v1/records?${new URLSearchParams(query).toString()}`, lookupResultSchema),
    revoke: (code: string, revocation: unknown) =>
      request('POST', `/v1/records/${encodeURIComponent(code)}/revocation`, revocationResultSchema, {
        json: revocation,
      }),
    inventory: (json: unknown) => request('POST', '/v1/inventory', inventoryReceivedSchema, { json }),
    progress: () => request('GET', '/v1/progress', centralProgressSchema),
    stats: (by: string) => request('GET', `/v1/stats?by=${encodeURIComponent(by)}`, statsSchema),
    /** A record's signed PDF as Central holds it. */
    async file(code: string): Promise<Buffer> {
      let response: Response;
      try {
        response = await fetch(`${base}/v1/records/${encodeURIComponent(code)}/file`, {
          headers: options.credential ? { authorization: `Bearer ${options.credential}` } : {},
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        throw new AppError('sync.unreachable', { detail: `file ${code}: ${String(error)}` });
      }
      if (response.status === 404) throw new AppError('sync.notFound', { detail: `file ${code}` });
      if (!response.ok)
        throw new AppError('sync.unreachable', { detail: `file ${code}: ${response.status}` });
      return Buffer.from(await response.arrayBuffer());
    },
  };
}

export type CentralClient = ReturnType<typeof createCentralClient>;
