import type { Page } from 'playwright-core';
import { launchChromium, launchChromiumProfile } from './chromium';
import { startHarness, type RunningHarness } from './harness-process';

const VIEWPORT = { width: 1366, height: 900 };

/**
 * The built station in Chromium through the browser harness, on `dataDir`; with
 * `profileDir`, its IndexedDB on disk there (as in Electron) rather than in memory.
 */
export async function openStationPage(
  dataDir: string,
  options: { profileDir?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ page: Page; harness: RunningHarness; close: () => Promise<void> }> {
  const harness = await startHarness(dataDir, { env: options.env });
  let page: Page;
  let closeBrowser: () => Promise<void>;
  if (options.profileDir) {
    const context = await launchChromiumProfile(options.profileDir, VIEWPORT);
    page = context.pages()[0] ?? (await context.newPage());
    closeBrowser = () => context.close();
  } else {
    const chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: VIEWPORT });
    closeBrowser = chromium.close;
  }
  await page.goto(harness.url);
  return {
    page,
    harness,
    close: async () => {
      await closeBrowser();
      await harness.stop();
    },
  };
}

export async function login(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
}

/** Picks the option containing `text` in the antd Select with this test id. */
export async function pickOption(page: Page, testId: string, text: string): Promise<void> {
  // While the dropdown slides open it lets clicks through to what lies under it (an alert
  // once, in a full run): the click then closes it instead of picking. Wait until it has
  // opened, and pick again until the select shows the choice.
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId(testId).click();
    await page.locator('.ant-select-dropdown:visible:not([class*="slide-up-"])').first().waitFor();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });
    const picked = await option.click({ timeout: 5_000 }).then(
      () => true,
      () => attempt === 3 && Promise.reject(new Error(`no option "${text}" to pick in ${testId}`)),
    );
    const shown = await page
      .getByTestId(testId)
      .locator('xpath=ancestor-or-self::*[contains(@class,"ant-select")][1]')
      .innerText();
    if ((picked && shown.includes(text)) || attempt === 3) return;
    await page.keyboard.press('Escape');
  }
}

/**
 * The rows of one store of the station's IndexedDB, read by the browser itself rather than
 * through the app. (No named helpers inside: tsx would wrap them in a __name() the page lacks.)
 */
export function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const open = indexedDB.open('sohoa-station');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const rows = await new Promise<unknown[]>((resolve) => {
      const request = db.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    // Blobs do not cross to Node; their presence is enough here.
    return rows.map((row) =>
      Object.fromEntries(
        Object.entries(row as Record<string, unknown>).map(([key, value]) => [
          key,
          value instanceof Blob ? `Blob(${value.size})` : value,
        ]),
      ),
    );
  }, store) as Promise<T[]>;
}

export function countStore(page: Page, store: string): Promise<number> {
  return page.evaluate(async (name) => {
    const open = indexedDB.open('sohoa-station');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const count = await new Promise<number>((resolve) => {
      const request = db.transaction(name).objectStore(name).count();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return count;
  }, store);
}
