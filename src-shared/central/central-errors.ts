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
  // A partner's token lacks the scope this route needs.
  insufficientScope: { status: 403, kind: 'refused', station: 'sync.forbidden' },
  stationRevoked: { status: 403, kind: 'stop', station: 'sync.stationRevoked' },
  enrolmentInvalid: { status: 403, kind: 'refused', station: 'sync.enrolmentInvalid' },
  // Out of the station's scope: a record of another department, a revocation it may not make.
  forbidden: { status: 403, kind: 'refused', station: 'sync.forbidden' },
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
  // A revocation unsigned, signed by nobody Central trusts, or not over what it says.
  revocationSignature: { status: 422, kind: 'refused', station: 'sync.revocationRefused' },
  // Too many owner-ID lookups in a minute: the station waits (detail.retryAfterSeconds).
  rateLimited: { status: 429, kind: 'transient', station: 'sync.rateLimited' },
  // The station's share of Central's upload space is taken (open uploads, their bytes, a full disk).
  tooManyUploads: { status: 429, kind: 'transient', station: 'sync.centralBusy' },
  uploadSpaceFull: { status: 507, kind: 'transient', station: 'sync.centralBusy' },
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
