import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { AppError } from '../../src-shared/errors/app-error';
import { CHANNEL_NAMES } from '../../src-shared/ipc/contract';
import { electronChannelFor } from '../../src-shared/ipc/electron-channel';
import type { Logger } from '../platform/logger';
import type { SessionManager } from '../services/accounts/session-manager';
import type { Registry } from './registry';

/**
 * Binds the registry to ipcMain: one handler per contract channel. A call is served only
 * from the main frame of a page on the renderer's own origin; each window has its session.
 */
export function bindRegistryToElectron(deps: {
  registry: Registry;
  sessions: SessionManager;
  isTrustedUrl: (url: string) => boolean;
  log: Logger;
}): void {
  const { registry, sessions, isTrustedUrl, log } = deps;
  const watched = new Set<number>();

  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    return frame !== null && frame === event.sender.mainFrame && isTrustedUrl(frame.url);
  };

  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(electronChannelFor(name), (event, request: unknown) => {
      if (!trusted(event)) {
        log.warn('ipc: refused call from an untrusted frame', { channel: name, url: event.senderFrame?.url });
        return { ok: false, error: new AppError('ipc.forbiddenSender').toData() };
      }
      const sessionKey = `window:${event.sender.id}`;
      if (!watched.has(event.sender.id)) {
        watched.add(event.sender.id);
        const id = event.sender.id;
        event.sender.once('destroyed', () => {
          sessions.end(sessionKey);
          watched.delete(id);
        });
      }
      return registry.invoke(name, request, { sessionKey });
    });
  }
}
