import { _electron as electron } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronBinary, requireBuild, ROOT } from '../support/built-app';
import { screenshot } from '../support/chromium';
import { makeTempDir } from '../support/temp-dir';

const binary = electronBinary();
if (!binary) {
  console.warn(
    '[electron smoke] SKIPPED: the Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD). ' +
      'The renderer is tested in Chromium through the browser harness instead.',
  );
}

describe.skipIf(!binary)('Electron smoke test (Playwright _electron)', () => {
  // Made when the suite runs, not when it is collected: a skipped suite leaves no folder.
  let dir: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    dir = makeTempDir('sohoa-electron-');
  });
  afterAll(() => dir.remove());

  it('opens the window on app://, sandboxed, with window.station and no Node', async () => {
    requireBuild();
    const app = await electron.launch({
      executablePath: binary!,
      args: [ROOT, '--no-sandbox'],
      env: { ...process.env, SOHOA_DATA_DIR: dir.path },
    });
    try {
      const appWindow = await app.firstWindow();
      await expect.poll(() => appWindow.getByTestId('auth-title').innerText()).toBe('Thiết lập lần đầu');
      expect(appWindow.url()).toMatch(/^app:\/\/station\//);
      expect(
        await appWindow.evaluate(() => typeof (window as unknown as { require?: unknown }).require),
      ).toBe('undefined');
      expect(await appWindow.evaluate(() => typeof window.station?.auth.status)).toBe('function');
      expect(await appWindow.evaluate(() => window.station!.auth.status({}))).toEqual({
        ok: true,
        value: { needsSetup: true, session: null },
      });
      await screenshot(appWindow, 'electron-first-run');
    } finally {
      await app.close();
    }
  });
});
