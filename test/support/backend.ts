import type { ScanDriver } from '../../src-main/capture/scan-driver';
import { createBackend } from '../../src-main/ipc/create-backend';
import { manualClock } from './manual-clock';
import { makeTempDir } from './temp-dir';

import type { Envelope } from '../../src-shared/ipc/envelope';
import { ADMIN, CLERK } from './users';

export { ADMIN, CLERK };

/** Main's real services and registry over a temp data folder, called as a window would. */
export function makeBackend(options: { drivers?: ScanDriver[]; dir?: ReturnType<typeof makeTempDir> } = {}) {
  const { dir = makeTempDir(), ...rest } = options;
  const clock = manualClock();
  const backend = createBackend({ dataDir: dir.path, binding: 'cli', clock, ...rest });
  const call = (sessionKey: string, channel: string, request: unknown) =>
    backend.registry.invoke(channel, request, { sessionKey });
  // Removed once the services' start-up housekeeping is done, or it would make its folders again.
  const remove = async () => {
    await backend.services.settled();
    dir.remove();
  };
  return { ...backend, dir: { ...dir, remove }, clock, call };
}

/** The value of a successful envelope; a failed one throws with its error. */
export function valueOf<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return envelope.value as T;
}

/** A backend with the administrator set up (session `admin`) and a clerk signed in (session `clerk`). */
export async function backendWithClerk(options: Parameters<typeof makeBackend>[0] = {}) {
  const backend = makeBackend(options);
  valueOf(await backend.call('admin', 'auth.setupAdmin', ADMIN));
  valueOf(await backend.call('admin', 'users.create', CLERK));
  valueOf(await backend.call('clerk', 'auth.login', { username: CLERK.username, password: CLERK.password }));
  return backend;
}
