import { z } from 'zod';

/**
 * Every failure the user can meet has a code. The message shown to people lives in the
 * i18n files under `errors.<code>`; `detail` is technical context for the log only.
 */
export const ERROR_CODES = [
  'ipc.invalidRequest',
  'ipc.invalidResponse',
  'ipc.unknownChannel',
  'ipc.forbiddenSender',
  'ipc.disconnected',
  'auth.required',
  'auth.forbidden',
  'auth.invalidCredentials',
  'auth.lockedOut',
  'auth.sessionExpired',
  'auth.accountDisabled',
  'auth.setupAlreadyDone',
  'users.usernameTaken',
  'users.notFound',
  'users.weakPassword',
  'users.lastAdmin',
  'users.wrongCurrentPassword',
  'settings.invalid',
  'profiles.nameTaken',
  'procedures.codeTaken',
  'procedures.notFound',
  'profiles.notFound',
  'storage.unreadable',
  'records.notEditable',
  'records.notFound',
  'records.notCorrectable',
  'records.wrongState',
  'records.originalBusy',
  'review.selfApproval',
  'review.attestationInvalid',
  'review.unsigned',
  'review.notWaiting',
  'batches.notReady',
  'batches.notFound',
  'sync.notConfigured',
  'sync.notEnrolled',
  'sync.notApproved',
  'sync.unreachable',
  'sync.unauthorized',
  'sync.stationRevoked',
  'sync.enrolmentInvalid',
  'sync.conflict',
  'sync.uploadOffset',
  'sync.hashMismatch',
  'sync.rejected',
  'sync.notFound',
  'sync.auditBroken',
  'sync.forbidden',
  'sync.revocationRefused',
  'sync.rateLimited',
  'sync.centralBusy',
  'sync.receiptInvalid',
  'sync.certificateMismatch',
  'sync.insecureUrl',
  'sync.tlsNotConfirmed',
  'codes.agencyMissing',
  'codes.departmentMissing',
  'codes.procedureMissing',
  'codes.exhausted',
  'storage.diskFull',
  'capture.paperJam',
  'capture.feederEmpty',
  'capture.coverOpen',
  'capture.deviceBusy',
  'capture.ioError',
  'capture.scannerStalled',
  'capture.deviceGone',
  'capture.accessDenied',
  'capture.unsupportedOption',
  'capture.cancelled',
  'capture.scannerMissing',
  'capture.unknownRun',
  'capture.interrupted',
  'capture.hotFolderUnavailable',
  'ocr.unavailable',
  'imaging.unreadable',
  'imaging.tooLarge',
  'import.emptyFile',
  'import.unsupportedType',
  'import.tooManyPages',
  'import.unreadableFile',
  'import.damagedPdf',
  'import.pdfPasswordRequired',
  'import.pdfPageTooLarge',
  'import.pdfOverLimit',
  'import.fileTooLarge',
  'import.uploadMismatch',
  'pdf.noPages',
  'pdf.pageUnreadable',
  'signing.notConfigured',
  'signing.locked',
  'signing.moduleMissing',
  'signing.tokenMissing',
  'signing.certificateMissing',
  'signing.wrongPin',
  'signing.pinLocked',
  'signing.tokenRemoved',
  'signing.deviceError',
  'signing.fileUnreadable',
  'signing.wrongPassword',
  'signing.noKey',
  'signing.unsupportedKey',
  'signing.certificateUnreadable',
  'signing.certificateNotYetValid',
  'signing.certificateExpired',
  'signing.certificateNotForSigning',
  'signing.pdfEncrypted',
  'signing.pdfUnreadable',
  'signing.timestampFailed',
  'backup.notConfigured',
  'backup.noPassphrase',
  'backup.weakPassphrase',
  'backup.wrongPassphrase',
  'backup.damaged',
  'backup.noBackup',
  'backup.severalSets',
  'backup.folderUnavailable',
  'backup.folderFull',
  'backup.pieceMismatch',
  'backup.unknownSession',
  'backup.busy',
  'backup.tooNew',
  'backup.stationNotEmpty',
  'backup.otherSet',
  'transfer.unknownBundle',
  'transfer.fileMismatch',
  'transfer.noReceipts',
  'transfer.receiptsInvalid',
  'transfer.otherStation',
  'transfer.nothingToSend',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type ErrorParams = z.infer<typeof errorParamsSchema>;

export const appErrorDataSchema = z.object({
  code: z.enum(ERROR_CODES),
  messageKey: z.string(),
  params: errorParamsSchema.optional(),
  detail: z.string().optional(),
});
export type AppErrorData = z.infer<typeof appErrorDataSchema>;

export const messageKeyOf = (code: ErrorCode): string => `errors.${code}`;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams | undefined;
  readonly detail: string | undefined;

  constructor(code: ErrorCode, options: { params?: ErrorParams; detail?: string } = {}) {
    super(options.detail ? `${code}: ${options.detail}` : code);
    this.name = 'AppError';
    this.code = code;
    this.params = options.params;
    this.detail = options.detail;
  }

  get messageKey(): string {
    return messageKeyOf(this.code);
  }

  toData(): AppErrorData {
    return {
      code: this.code,
      messageKey: this.messageKey,
      ...(this.params ? { params: this.params } : {}),
      ...(this.detail ? { detail: this.detail } : {}),
    };
  }

  static fromData(data: AppErrorData): AppError {
    return new AppError(data.code, { params: data.params, detail: data.detail });
  }
}

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;

/** A full disk looks different in Node (ENOSPC) and in IndexedDB (QuotaExceededError, also inside Dexie). */
export const isDiskFull = (error: unknown): boolean => {
  const { code, name, inner } = (error ?? {}) as { code?: unknown; name?: unknown; inner?: unknown };
  return code === 'ENOSPC' || name === 'QuotaExceededError' || (inner !== undefined && isDiskFull(inner));
};

/** Any thrown value as an AppError: typed failures pass through, the unexpected become `internal`. */
export const toAppError = (error: unknown): AppError => {
  if (isAppError(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError(isDiskFull(error) ? 'storage.diskFull' : 'internal', { detail });
};
