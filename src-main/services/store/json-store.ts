import Conf from 'conf';
import type { z } from 'zod';
import { AppError } from '../../../src-shared/errors/app-error';
import { OWNER_ONLY_FILE } from '../../../src-node/platform/owner-only';

/**
 * A JSON document on disk, validated by a zod schema on every read. Backed by `conf`
 * (the engine of electron-store): atomic writes, and the file is re-read on each access,
 * so the Electron app, the CLI and the harness see each other's changes.
 */
export interface JsonStore<T> {
  readonly path: string;
  read(): T;
  write(value: T): void;
}

export function openJsonStore<S extends z.ZodType<Record<string, unknown>>>(options: {
  dataDir: string;
  name: string;
  schema: S;
}): JsonStore<z.output<S>> {
  const conf = new Conf<Record<string, unknown>>({
    cwd: options.dataDir,
    configName: options.name,
    projectSuffix: '',
    accessPropertiesByDotNotation: false,
    watch: false,
    // Never wipe a file we cannot read: accounts or settings must not vanish silently.
    clearInvalidConfig: false,
    // Accounts, settings and credentials are the owner's only, whatever the umask.
    configFileMode: OWNER_ONLY_FILE,
  });
  return {
    path: conf.path,
    read() {
      const parsed = options.schema.safeParse(conf.store);
      if (!parsed.success) {
        throw new AppError('storage.unreadable', { detail: `${conf.path}: ${parsed.error.message}` });
      }
      return parsed.data;
    },
    write(value) {
      conf.store = value;
    },
  };
}
