import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStationServices } from '../../src-main/services/station-services';
import { requireBuild } from '../support/built-app';
import { screenshot } from '../support/chromium';
import { login, openStationPage } from '../support/station-page';
import { ADMIN } from '../support/users';
import { makeTempDir } from '../support/temp-dir';
import { chooseLanguage, EVERYONE, layoutDefects, tourScreens } from '../support/screen-tour';

const SETTINGS_TABS = ['station', 'catalogue', 'signing', 'central', 'plan', 'backup', 'storage', 'password'];

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
      await chooseLanguage(page, language);
      const found = await tourScreens(page, `30-${language}`);
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
