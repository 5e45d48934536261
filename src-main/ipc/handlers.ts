import { driverFor, listAllDevices } from '../capture/drivers';
import { APP_NAME, APP_VERSION } from '../platform/app-version';
import type { StationServices } from '../services/station-services';
import { signedInUser, type HandlerTable } from './registry';

export type Binding = 'electron' | 'web-harness' | 'cli';

const OK = { ok: true } as const;

/** What each channel does. Validation and access checks already happened in the registry. */
export function createHandlers(services: StationServices, binding: Binding): HandlerTable {
  const { accounts, sessions, settings, drivers, captureRuns } = services;
  return {
    'app.info': () => ({ name: APP_NAME, version: APP_VERSION, binding, dataDir: services.dataDir }),

    'auth.status': (_request, { sessionKey }) => ({
      needsSetup: accounts.needsSetup(),
      session: sessions.peek(sessionKey),
    }),
    'auth.setupAdmin': async (request, { sessionKey }) =>
      sessions.begin(sessionKey, await accounts.setupAdmin(request)),
    'auth.login': async ({ username, password }, { sessionKey }) =>
      sessions.begin(sessionKey, await accounts.authenticate(username, password)),
    'auth.logout': (_request, { sessionKey }) => {
      sessions.end(sessionKey);
      return OK;
    },
    'auth.activity': () => OK,
    'auth.changePassword': async ({ currentPassword, newPassword }, context) => {
      await accounts.changePassword(signedInUser(context).userId, currentPassword, newPassword);
      return OK;
    },

    'users.list': () => accounts.list(),
    'users.create': (request) => accounts.create(request),
    'users.resetPassword': ({ userId, newPassword }) => accounts.resetPassword(userId, newPassword),
    'users.update': ({ userId, ...changes }) => accounts.update(userId, changes),

    'capture.devices': () => listAllDevices(drivers),
    'capture.capabilities': ({ deviceId }) => driverFor(drivers, deviceId).capabilities(deviceId),
    'capture.start': (options, { sessionKey }) => captureRuns.start(options, sessionKey),
    'capture.next': ({ runId, confirmed }, { sessionKey }) => captureRuns.next(runId, sessionKey, confirmed),
    'capture.cancel': ({ runId }, { sessionKey }) => {
      captureRuns.cancel(runId, sessionKey);
      return OK;
    },

    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
  };
}
