import { CENTRAL_ERROR_TABLE, type CentralErrorCode } from '../../src-shared/central/central-errors';

/** A refusal with its HTTP status, its stable code and a sentence for whoever reads the log. */
export class CentralError extends Error {
  readonly status: number;
  constructor(
    readonly code: CentralErrorCode,
    message: string,
    readonly detail?: unknown,
  ) {
    super(message);
    this.status = CENTRAL_ERROR_TABLE[code].status;
  }
}
