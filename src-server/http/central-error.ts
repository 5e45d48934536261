import type { CentralErrorCode } from '../../src-shared/central/central-api';

const STATUS: Record<CentralErrorCode, number> = {
  invalidRequest: 400,
  unauthorized: 401,
  stationRevoked: 403,
  enrolmentInvalid: 403,
  notFound: 404,
  conflict: 409,
  uploadOffset: 409,
  hashMismatch: 422,
  sizeMismatch: 422,
  malformedPdf: 422,
  invalidSignature: 422,
  tooLarge: 413,
  auditBroken: 422,
  internal: 500,
};

/** A refusal with its HTTP status, its stable code and a sentence for whoever reads the log. */
export class CentralError extends Error {
  readonly status: number;
  constructor(
    readonly code: CentralErrorCode,
    message: string,
    readonly detail?: unknown,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}
