import { app, BrowserWindow, Menu, safeStorage } from 'electron';
import { fileURLToPath } from 'node:url';
import { createMainWindow } from './app/main-window';
import {
  isRendererUrl,
  registerRendererScheme,
  RENDERER_ENTRY_URL,
  serveRenderer,
} from './app/renderer-protocol';
import { applySecurityPolicy } from './app/security-policy';
import { bindRegistryToElectron } from './ipc/bind-electron';
import { createBackend } from './ipc/create-backend';
import { APP_NAME } from './platform/app-version';
import { resolveDataDir } from './platform/data-dir';
import { createFileLogger } from './platform/logger';
import { safeStorageSecretBox } from './services/secrets/secret-box';
import { keepDataOwnerOnly } from '../src-node/platform/owner-only';

// Electron main: app lifecycle and bindings only. Record state lives in the renderer's
// IndexedDB; services sit behind the IPC contract.
const dataDir = resolveDataDir();
keepDataOwnerOnly(dataDir);
app.setPath('userData', dataDir);
app.enableSandbox();
registerRendererScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const log = createFileLogger(dataDir);
  // electron-vite dev serves the renderer over HTTP; only an unpackaged build may trust it.
  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const isTrustedUrl = (url: string) =>
    isRendererUrl(url) || (devUrl !== undefined && url.startsWith(devUrl));

  const openWindow = () =>
    createMainWindow({
      preloadPath: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
      url: devUrl ?? RENDERER_ENTRY_URL,
      title: APP_NAME,
    });

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  void app.whenReady().then(() => {
    Menu.setApplicationMenu(null);
    const { services, registry } = createBackend({
      dataDir,
      binding: 'electron',
      log,
      secrets: safeStorageSecretBox(safeStorage),
    });
    serveRenderer(fileURLToPath(new URL('../renderer', import.meta.url)));
    applySecurityPolicy({ isTrustedUrl, isCameraAllowed: () => services.settings.get().cameraEnabled });
    bindRegistryToElectron({ registry, sessions: services.sessions, isTrustedUrl, log });
    openWindow();
    void services.hotFolder.start();
    log.info('station started', { dataDir });
  });

  app.on('window-all-closed', () => app.quit());
}
