import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStationServices } from '../../src-main/services/station-services';
import { ADMIN, CLERK } from '../support/users';
import { requireBuild } from '../support/built-app';
import { screenshot } from '../support/chromium';
import { login, openStationPage, pickOption, readStore } from '../support/station-page';
import { prepareStation } from '../support/station-setup';
import { makeTempDir } from '../support/temp-dir';

/** Department and procedure of every record, oldest first. */
const records = async (page: Page) =>
  (await readStore<{ departmentCode?: string; procedureCode?: string; createdAt: number }>(page, 'records'))
    .sort((a, b) => a.createdAt - b.createdAt)
    .map(({ departmentCode, procedureCode }) => ({ departmentCode, procedureCode }));

describe('capture profiles in Chromium: the admin sets one up, the clerk scans with one button', () => {
  const dir = makeTempDir('sohoa-e2e-profiles-');
  const hotFolder = makeTempDir('sohoa-e2e-profiles-hot-');
  let station: Awaited<ReturnType<typeof openStationPage>>;
  let page: Page;

  beforeAll(async () => {
    requireBuild();
    await prepareStation(dir.path);
    station = await openStationPage(dir.path);
    page = station.page;
  });
  afterAll(async () => {
    await station?.close();
    dir.remove();
    hotFolder.remove();
  });

  it('lets the admin set the capture thresholds and the hot folder in the settings screen', async () => {
    await login(page, ADMIN);
    await page.getByTestId('main-nav').getByText('Cài đặt').click();
    await page.getByTestId('settings-min-dpi').fill('150');
    await page.getByTestId('settings-hot-folder').fill(hotFolder.path);
    // A code template without the station segment could repeat another station's codes.
    await page.getByTestId('settings-code-template').fill('{agency}.{yyyy}.{seq:6}{check}');
    await page.getByTestId('settings-save').click();
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts())
      .toContain('Mẫu mã phải có {station} để mã của các trạm không trùng nhau.');
    await page.getByTestId('settings-code-template').fill('{agency}.{yyyy}.{station}{seq:6}{check}');
    await page.getByTestId('settings-hot-folder').scrollIntoViewIfNeeded();
    await screenshot(page, '13-settings-capture');
    await page.getByTestId('settings-save').click();
    await expect.poll(() => page.locator('.ant-message').innerText()).toContain('Đã lưu');
    const { capture } = createStationServices({ dataDir: dir.path }).settings.get();
    // What was changed, changed; what was shown in other units (%, s) came back as it was.
    expect(capture).toMatchObject({
      minDpi: 150,
      hotFolder: hotFolder.path,
      blankInkRatio: 0.0005,
      hotFolderStableMs: 2000,
    });
    await page.getByTestId('main-nav').getByText('Quét').click();
    await expect.poll(() => page.getByTestId('hot-folder').innerText()).toContain(hotFolder.path);
  });

  it('saves the demo scanner in duplex at 150 dpi, with blank sheets as separators, as a profile', async () => {
    await expect
      .poll(() => page.getByTestId('scan-device').innerText(), { timeout: 20_000 })
      .toContain('sane');
    await pickOption(page, 'scan-device', 'mô phỏng (đào tạo)');
    await pickOption(page, 'scan-source', 'Hai mặt');
    await page.getByTestId('scan-dpi').fill('150');
    await page.getByTestId('profile-save').click();
    await page.getByTestId('profile-form-name').fill('Quyết định NCC – tách bằng tờ trắng');
    await page.getByTestId('profile-form-blank').getByText('Là tờ phân cách').click();
    await pickOption(page, 'profile-form-department', 'Người có công');
    await page.locator('.ant-modal').getByPlaceholder('1.000459').fill('1.001257');
    await screenshot(page, '11-scan-profile-form');
    await page.getByTestId('profile-form-submit').click();
    await expect
      .poll(() => page.getByTestId('scan-profile').innerText())
      .toBe('Quyết định NCC – tách bằng tờ trắng');
    await page.getByTestId('logout').click();
  });

  it('lets the clerk pick it and press Scan: in duplex a blank back never splits the dossier', async () => {
    await login(page, CLERK);
    await page.getByTestId('scan-start').waitFor();
    // The station remembers the last profile; pick it anew as a clerk would.
    await pickOption(page, 'scan-profile', 'Quyết định NCC');
    await expect.poll(() => page.getByTestId('scan-source').innerText()).toBe('Hai mặt (duplex)');
    await expect.poll(() => page.getByTestId('scan-dpi').inputValue()).toBe('150');
    await expect.poll(() => page.getByTestId('scan-profile').isVisible()).toBe(true);
    expect(await page.getByTestId('profile-save').count()).toBe(0);
    await page.getByTestId('scan-start').click();
    // 10 one-sided sheets, each front followed by its blank back: only a blank front would be a
    // separator sheet, so the stack stays one record (before issue 16, every back split it).
    const pagesOf = () =>
      page
        .getByTestId('record-item')
        .evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-pages'))));
    await expect.poll(pagesOf, { timeout: 30_000 }).toEqual([20]);
    await expect.poll(() => page.getByTestId('scan-start').isEnabled(), { timeout: 20_000 }).toBe(true);
    const stored = await records(page);
    expect(stored).toHaveLength(1);
    expect(new Set(stored.map((record) => `${record.departmentCode} ${record.procedureCode}`))).toEqual(
      new Set(['NCC 1.001257']),
    );
    expect(await pagesOf()).toEqual([20]);
    // 150 dpi meets the minimum the admin set: no page is flagged.
    expect(await page.getByText(/^Dưới \d+ dpi$/).count()).toBe(0);
    await screenshot(page, '12-scan-profile-separators');
  });
});
