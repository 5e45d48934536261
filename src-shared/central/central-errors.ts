import { z } from 'zod';
import type { ErrorCode } from '../errors/app-error';

/**
 * Every refusal of SoHoa Central, in one table: its HTTP status; what a caller should do
 * (`transient`: try again later, `refused`: this request will never pass as it is, `stop`:
 * nothing will pass until a person acts, e.g. a revoked station); and what it means at the
 * station (the error the clerk reads). Central answers `{ error: { code, message, detail } }`.
 */
export const CENTRAL_ERROR_TABLE = {
  invalidRequest: { status: 400, kind: 'refused', station: 'sync.rejected' },
  unauthorized: { status: 401, kind: 'stop', station: 'sync.unauthorized' },
  stationRevoked: { status: 403, kind: 'stop', station: 'sync.stationRevoked' },
  enrolmentInvalid: { status: 403, kind: 'refused', station: 'sync.enrolmentInvalid' },
  notFound: { status: 404, kind: 'refused', station: 'sync.notFound' },
  conflict: { status: 409, kind: 'refused', station: 'sync.conflict' },
  // Central holds another part of the upload than the station thought: it resends from there.
  uploadOffset: { status: 409, kind: 'transient', station: 'sync.uploadOffset' },
  sizeMismatch: { status: 422, kind: 'transient', station: 'sync.uploadOffset' },
  hashMismatch: { status: 422, kind: 'refused', station: 'sync.hashMismatch' },
  malformedPdf: { status: 422, kind: 'refused', station: 'sync.rejected' },
  invalidSignature: { status: 422, kind: 'refused', station: 'sync.rejected' },
  tooLarge: { status: 413, kind: 'refused', station: 'sync.rejected' },
  auditBroken: { status: 422, kind: 'refused', station: 'sync.auditBroken' },
  internal: { status: 500, kind: 'transient', station: 'sync.unreachable' },
} as const satisfies Record<
  string,
  { status: number; kind: 'transient' | 'refused' | 'stop'; station: ErrorCode }
>;

export type CentralErrorCode = keyof typeof CENTRAL_ERROR_TABLE;
export const CENTRAL_ERRORS = Object.keys(CENTRAL_ERROR_TABLE) as [CentralErrorCode, ...CentralErrorCode[]];

export const centralErrorSchema = z.object({
  error: z.object({ code: z.enum(CENTRAL_ERRORS), message: z.string(), detail: z.unknown().optional() }),
});
