import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { OWNER_ONLY_FILE, OWNER_ONLY_FOLDER } from '../../src-node/platform/owner-only';
import { redactPersonalData } from './redact';

export interface Logger {
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
}

/**
 * JSON lines in `<dataDir>/logs/station-YYYY-MM-DD.log`: the technical detail behind
 * the messages people see, for the IT admin, with personal data cut out (redact.ts). Writes
 * are fire-and-forget, in order; the files are the owner's only.
 */
export function createFileLogger(dataDir: string, alsoToStderr = false): Logger {
  const folder = join(dataDir, 'logs');
  let chain: Promise<unknown> = mkdir(folder, { recursive: true, mode: OWNER_ONLY_FOLDER });
  const write = (level: string, message: string, data?: unknown) => {
    const at = new Date();
    const line = JSON.stringify({
      at: at.toISOString(),
      level,
      message: redactPersonalData(message),
      ...(data === undefined ? {} : { data: redactPersonalData(data) }),
    });
    if (alsoToStderr) process.stderr.write(`${line}\n`);
    const file = join(folder, `station-${at.toISOString().slice(0, 10)}.log`);
    chain = chain.then(() => appendFile(file, `${line}\n`, { mode: OWNER_ONLY_FILE })).catch(() => undefined);
  };
  return {
    info: (message, data) => write('info', message, data),
    warn: (message, data) => write('warn', message, data),
    error: (message, data) => write('error', message, data),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
