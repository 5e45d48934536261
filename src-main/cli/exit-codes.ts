import type { ErrorCode } from '../../src-shared/errors/app-error';

/** Exit codes scripts can rely on. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  authentication: 3,
  forbidden: 4,
  invalidInput: 5,
  device: 6,
} as const;

export function exitCodeFor(code: ErrorCode): number {
  if (code === 'auth.forbidden' || code === 'ipc.forbiddenSender') return EXIT.forbidden;
  if (code.startsWith('auth.')) return EXIT.authentication;
  if (
    code === 'signing.wrongPin' ||
    code === 'signing.wrongPassword' ||
    code === 'signing.pinLocked' ||
    code === 'backup.wrongPassphrase'
  ) {
    return EXIT.authentication;
  }
  if (
    code.startsWith('capture.') ||
    code === 'signing.moduleMissing' ||
    code === 'signing.tokenMissing' ||
    code === 'signing.tokenRemoved' ||
    code === 'signing.deviceError'
  ) {
    return EXIT.device;
  }
  if (
    code.startsWith('users.') ||
    code.startsWith('settings.') ||
    code.startsWith('import.') ||
    code.startsWith('imaging.') ||
    code.startsWith('records.') ||
    code.startsWith('pdf.') ||
    code.startsWith('signing.certificate') ||
    code === 'backup.damaged' ||
    code === 'backup.weakPassphrase' ||
    code === 'backup.tooNew' ||
    code === 'ipc.invalidRequest'
  ) {
    return EXIT.invalidInput;
  }
  return EXIT.failure;
}
