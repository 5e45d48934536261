import type { ScanDriver } from '../../src-main/capture/scan-driver';
import { createBackend } from '../../src-main/ipc/create-backend';
import { manualClock } from './manual-clock';
import { makeTempDir } from './temp-dir';

export { ADMIN, CLERK } from './users';

/** Main's real services and registry over a temp data folder, called as a window would. */
export function makeBackend(options: { drivers?: ScanDriver[]; dir?: ReturnType<typeof makeTempDir> } = {}) {
  const { dir = makeTempDir(), ...rest } = options;
  const clock = manualClock();
  const backend = createBackend({ dataDir: dir.path, binding: 'cli', clock, ...rest });
  const call = (sessionKey: string, channel: string, request: unknown) =>
    backend.registry.invoke(channel, request, { sessionKey });
  return { ...backend, dir, clock, call };
}
