import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStationServices } from '../../src-main/services/station-services';
import { requireBuild } from '../support/built-app';
import { screenshot } from '../support/chromium';
import { login, openStationPage } from '../support/station-page';
import { ADMIN } from '../support/users';
import { makeTempDir } from '../support/temp-dir';

/** Someone who may open every screen: the administrator, also the supervisor, also a clerk. */
const EVERYONE = {
  username: 'tatca',
  displayName: 'Lê Thị Toàn',
  password: 'Tatca2026x',
  roles: ['admin' as const, 'supervisor' as const, 'clerk' as const],
};
const SETTINGS_TABS = ['station', 'catalogue', 'signing', 'central', 'plan', 'backup', 'storage', 'password'];
const SCREENS = [
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
];

/** What a clerk's laptop shows badly: text cut off, a row pushed past the screen's edge. */
function layoutDefects(page: Page): Promise<string[]> {
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
    return defects;
  });
}

describe('every screen at 1366×768, in Vietnamese and English', () => {
  const dir = makeTempDir('sohoa-e2e-screens-');
  let station: Awaited<ReturnType<typeof openStationPage>>;
  let page: Page;

  beforeAll(async () => {
    requireBuild();
    const services = createStationServices({ dataDir: dir.path });
    await services.accounts.setupAdmin(ADMIN);
    await services.accounts.create(EVERYONE);
    services.settings.update({ agencyId: '000.00.12.H20', stationNumber: '009' });
    await services.settled();
    station = await openStationPage(dir.path);
    page = station.page;
    await page.setViewportSize({ width: 1366, height: 768 });
    await login(page, EVERYONE);
    await page.getByTestId('main-nav').waitFor();
  });
  afterAll(async () => {
    await station?.close();
    dir.remove();
  });

  for (const language of ['vi', 'en'] as const) {
    it(`shows every screen whole in ${language === 'vi' ? 'Vietnamese' : 'English'}`, async () => {
      await page.getByText(language === 'vi' ? 'Tiếng Việt' : 'English', { exact: true }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
      const found: string[] = [];
      for (const [index, screen] of SCREENS.entries()) {
        await page.evaluate((path) => (location.hash = `#/${path}`), screen);
        await page.locator('.ant-layout-content').first().waitFor();
        // Live queries and device lists settle.
        await page.waitForTimeout(700);
        await screenshot(page, `30-${language}-${String(index + 1).padStart(2, '0')}-${screen}`);
        found.push(...(await layoutDefects(page)).map((defect) => `${screen}: ${defect}`));
      }
      // Settings: a tab a subject, each with one "Lưu" at most, none cut.
      for (const tab of SETTINGS_TABS) {
        await page.getByTestId(`settings-tab-${tab}`).click();
        await page.waitForTimeout(400);
        await screenshot(page, `31-${language}-settings-${tab}`);
        const saves = await page
          .getByRole('button', { name: language === 'vi' ? 'Lưu' : 'Save', exact: true })
          .count();
        if (saves > 1) found.push(`settings ${tab}: ${saves} save buttons`);
        found.push(...(await layoutDefects(page)).map((defect) => `settings ${tab}: ${defect}`));
      }
      expect(found).toEqual([]);
    });
  }
});
