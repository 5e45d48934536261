import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './built-app';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve(ROOT, 'test-results/screenshots');

/**
 * Debian's Chromium, headless, with the flags DESIGN.md lists for this closed network.
 * Playwright gives every launch a fresh temporary profile of its own.
 */
const LAUNCH = {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/**
 * `trustSpki`: the SHA-256 of the public keys (base64) whose certificates this Chromium accepts
 * though no CA it knows issued them (a province's own CA), and no others.
 */
export async function launchChromium(
  options: { trustSpki?: string[] } = {},
): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    ...LAUNCH,
    args: [
      ...LAUNCH.args,
      ...(options.trustSpki ? [`--ignore-certificate-errors-spki-list=${options.trustSpki.join(',')}`] : []),
    ],
  });
  return { browser, close: () => browser.close() };
}

/**
 * Chromium with a profile on disk, as Electron keeps its IndexedDB: a page's contexts from
 * launchChromium are incognito, whose IndexedDB lives in memory and cannot read back slices
 * of its Blobs once they pass a few hundred MB (NotReadableError; Chromium issue 1063576).
 */
export async function launchChromiumProfile(
  profileDir: string,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, { ...LAUNCH, viewport });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // Transitions run to their end first: a picture of the page as it settles, not a faded frame.
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}
