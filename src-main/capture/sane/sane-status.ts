import { AppError } from '../../../src-shared/errors/app-error';

/** SANE_Status values (sane.h); scanimage reports them per page and as its exit code. */
const SANE_STATUS = {
  GOOD: 0,
  UNSUPPORTED: 1,
  CANCELLED: 2,
  DEVICE_BUSY: 3,
  INVAL: 4,
  EOF: 5,
  JAMMED: 6,
  NO_DOCS: 7,
  COVER_OPEN: 8,
  IO_ERROR: 9,
  NO_MEM: 10,
  ACCESS_DENIED: 11,
} as const;

export interface ScanimageOutcome {
  exitCode: number | null;
  stderr: string;
  pagesReceived: number;
  device: string;
  cancelled: boolean;
}

/**
 * Why a scanimage run stopped, as a typed failure, or null when it ended normally
 * (the feeder ran out after at least one page, or the asked number of pages was scanned).
 * Reads the last `(scanner status = N)` of stderr, falling back to the exit code.
 */
export function failureOf(outcome: ScanimageOutcome): AppError | null {
  const { stderr, exitCode, pagesReceived, device } = outcome;
  if (outcome.cancelled) return new AppError('capture.cancelled');
  const detail = stderr.trim().split('\n').slice(-3).join(' | ');
  const openFailed = /open of device (\S+) failed: (.*)/.exec(stderr);
  if (openFailed) {
    return /busy/i.test(openFailed[2]!)
      ? new AppError('capture.deviceBusy', { detail })
      : new AppError('capture.deviceGone', { params: { device }, detail });
  }
  const optionFailed = /setting of option --(\S+) failed/.exec(stderr);
  if (optionFailed)
    return new AppError('capture.unsupportedOption', { params: { option: optionFailed[1]! }, detail });

  const statuses = [...stderr.matchAll(/\(scanner status = (\d+)\)/g)].map((match) => Number(match[1]));
  const startFailed = /sane_start: (.*)/.exec(stderr);
  const status =
    startFailed && /out of documents/i.test(startFailed[1]!)
      ? SANE_STATUS.NO_DOCS
      : (statuses.at(-1) ?? (exitCode === 0 ? SANE_STATUS.GOOD : (exitCode ?? SANE_STATUS.IO_ERROR)));

  switch (status) {
    case SANE_STATUS.GOOD:
    case SANE_STATUS.EOF:
      return exitCode === 0 || exitCode === null ? null : new AppError('capture.ioError', { detail });
    case SANE_STATUS.NO_DOCS:
      return pagesReceived > 0 ? null : new AppError('capture.feederEmpty', { detail });
    case SANE_STATUS.JAMMED:
      return new AppError('capture.paperJam', { detail });
    case SANE_STATUS.COVER_OPEN:
      return new AppError('capture.coverOpen', { detail });
    case SANE_STATUS.DEVICE_BUSY:
      return new AppError('capture.deviceBusy', { detail });
    case SANE_STATUS.ACCESS_DENIED:
      return new AppError('capture.accessDenied', { detail });
    case SANE_STATUS.CANCELLED:
      return new AppError('capture.cancelled', { detail });
    case SANE_STATUS.UNSUPPORTED:
    case SANE_STATUS.INVAL:
      return new AppError('capture.unsupportedOption', { params: { option: '?' }, detail });
    default:
      return new AppError('capture.ioError', { detail });
  }
}
