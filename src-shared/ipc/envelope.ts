import type { AppErrorData } from '../errors/app-error';

/**
 * What crosses the process boundary. Errors travel as data: Electron's IPC and
 * contextBridge keep only the message of a thrown Error, and we need its code.
 */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };
