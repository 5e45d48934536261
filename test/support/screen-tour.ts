import type { Page } from 'playwright-core';
import { screenshot } from './chromium';

/** Someone who may open every screen: the administrator, also the supervisor, also a clerk. */
export const EVERYONE = {
  username: 'tatca',
  displayName: 'Lê Thị Toàn',
  password: 'Tatca2026x',
  roles: ['admin' as const, 'supervisor' as const, 'clerk' as const],
};

/** The station's screens, by route. */
export const SCREENS = [
  'scan',
  'index',
  'finalize',
  'batches',
  'review',
  'sync',
  'lookup',
  'stats',
  'users',
  'audit',
  'settings',
] as const;

/** What a clerk's laptop shows badly: text cut off, a row pushed past the screen's edge. */
export function layoutDefects(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const defects: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) defects.push('the screen scrolls sideways');
    // Card titles, menu items, buttons, tags and placeholders that end in an ellipsis.
    const cut = document.querySelectorAll<HTMLElement>(
      '.ant-card-head-title, .ant-menu-title-content, .ant-btn > span, .ant-tag, .ant-select-selection-placeholder, .ant-tabs-tab-btn',
    );
    for (const element of cut) {
      if (element.offsetParent !== null && element.scrollWidth > element.clientWidth + 1)
        defects.push(`cut: "${element.innerText.trim()}"`);
    }
    for (const input of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
      if (input.offsetParent === null) continue;
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (!input.value && context.measureText(input.placeholder).width > room + 1)
        defects.push(`placeholder cut: "${input.placeholder}"`);
    }
    // One card, one "nothing here": a second picture says the same twice.
    for (const card of document.querySelectorAll<HTMLElement>('.ant-card')) {
      const empties = [...card.querySelectorAll<HTMLElement>('.ant-empty')].filter(
        (empty) => empty.offsetParent !== null && empty.closest('.ant-card') === card,
      );
      if (empties.length > 1) {
        const title = card.querySelector<HTMLElement>('.ant-card-head-title')?.innerText.trim() ?? '';
        defects.push(`${empties.length} empty pictures in "${title}"`);
      }
    }
    return defects;
  });
}

/** Switches the station's language with its own switch, and waits until the page says so. */
export async function chooseLanguage(page: Page, language: 'vi' | 'en'): Promise<void> {
  await page.getByText(language === 'vi' ? 'Tiếng Việt' : 'English', { exact: true }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

/**
 * Opens every screen in turn, screenshots each as `<prefix>-NN-<screen>` and returns what
 * `layoutDefects` found on each, prefixed with the screen's name.
 */
export async function tourScreens(page: Page, prefix: string): Promise<string[]> {
  const found: string[] = [];
  for (const [index, screen] of SCREENS.entries()) {
    await page.evaluate((path) => (location.hash = `#/${path}`), screen);
    await page.locator('.ant-layout-content').first().waitFor();
    // Live queries and device lists settle.
    await page.waitForTimeout(700);
    await screenshot(page, `${prefix}-${String(index + 1).padStart(2, '0')}-${screen}`);
    found.push(...(await layoutDefects(page)).map((defect) => `${screen}: ${defect}`));
  }
  return found;
}
