import { stationSettingsSchema } from '../../src-shared/domain/settings';
import { systemClock, type Clock } from '../platform/clock';
import { accountsDocumentSchema } from './accounts/accounts-document';
import { createAccountService } from './accounts/account-service';
import { createSessionManager } from './accounts/session-manager';
import { keyFileSecretBox, type SecretBox } from './secrets/secret-box';
import { createSettingsService } from './settings/settings-service';
import { openJsonStore } from './store/json-store';

/**
 * The composition root of main's services. Electron main, the browser harness, the CLI
 * and the tests all build the station through here; only the transport differs.
 */
export interface StationServicesOptions {
  dataDir: string;
  clock?: Clock;
  /** Electron passes its safeStorage box; plain Node falls back to the key file. */
  secrets?: SecretBox;
}

export function createStationServices({ dataDir, clock = systemClock, secrets }: StationServicesOptions) {
  const settings = createSettingsService(
    openJsonStore({ dataDir, name: 'settings', schema: stationSettingsSchema }),
  );
  const accounts = createAccountService({
    store: openJsonStore({ dataDir, name: 'accounts', schema: accountsDocumentSchema }),
    clock,
    security: () => settings.get().security,
  });
  const sessions = createSessionManager({
    clock,
    idleTimeoutMinutes: () => settings.get().security.idleTimeoutMinutes,
    loadAccount: (userId) => accounts.get(userId),
  });
  return { dataDir, settings, accounts, sessions, secrets: secrets ?? keyFileSecretBox(dataDir) };
}

export type StationServices = ReturnType<typeof createStationServices>;
