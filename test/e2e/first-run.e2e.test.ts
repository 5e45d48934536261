import { LATEST_SCHEMA_VERSION } from '../../src-renderer/db/migrations';
import { HARNESS_SOCKET_PATH } from '../../src-shared/ipc/harness-protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, CLERK } from '../support/backend';
import { requireBuild } from '../support/built-app';
import { launchChromium, screenshot } from '../support/chromium';
import { startHarness, type RunningHarness } from '../support/harness-process';
import { makeTempDir } from '../support/temp-dir';

const RECOVERY_PASSPHRASE = 'một câu đủ dài để nhớ';

const navLabels = (page: Page) =>
  page.getByTestId('main-nav').locator('.ant-menu-title-content').allInnerTexts();

describe('first run in Chromium through the browser harness', () => {
  const dir = makeTempDir('sohoa-e2e-');
  let harness: RunningHarness;
  let chromium: { browser: Browser; close: () => Promise<void> };
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    requireBuild();
    harness = await startHarness(dir.path);
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'vi-VN' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  // This file has failed in some full runs on a loaded machine (the users screen never showing):
  // what the page showed and threw is kept for whoever looks next.
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    await screenshot(page, `failed-first-run-${task.name.slice(0, 40)}`);
    const shown = await page
      .locator('body')
      .innerText()
      .catch(() => '');
    console.error(
      `first-run E2E failed at "${task.name}": page errors ${JSON.stringify(pageErrors)}; page text: ${shown.slice(0, 600)}`,
    );
  });
  afterAll(async () => {
    await chromium?.close();
    await harness?.stop();
    dir.remove();
  });

  it('creates the administrator on first run and lands in the Vietnamese shell', async () => {
    await page.goto(harness.url);
    await expect.poll(() => page.getByTestId('auth-title').innerText()).toBe('Thiết lập lần đầu');
    // The token leaves the address bar once the page has it.
    expect(page.url()).not.toContain('token=');
    await screenshot(page, '01-first-run-setup');

    await page.getByTestId('setup-display-name').fill(ADMIN.displayName);
    await page.getByTestId('setup-username').fill(ADMIN.username);
    await page.getByTestId('setup-password').fill(ADMIN.password);
    await page.getByTestId('setup-confirm').fill(ADMIN.password);
    // Too short a recovery passphrase is refused beside its field.
    await page.getByTestId('setup-passphrase').fill('ngắn quá');
    await page.getByTestId('setup-submit').click();
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts())
      .toContain('Nhập mật khẩu khôi phục (ít nhất 12 ký tự)');
    await page.getByTestId('setup-passphrase').fill(RECOVERY_PASSPHRASE);
    await page.getByTestId('setup-passphrase-confirm').fill(RECOVERY_PASSPHRASE);
    await screenshot(page, '01b-first-run-passphrase');
    await page.getByTestId('setup-submit').click();

    await expect
      .poll(() => navLabels(page))
      .toEqual([
        'Quét',
        'Lập chỉ mục',
        'Ký số',
        'Lô hồ sơ',
        'Đồng bộ',
        'Tra cứu',
        'Thống kê',
        'Người dùng',
        'Nhật ký',
        'Cài đặt',
      ]);
    await expect
      .poll(() => page.getByTestId('status-user').innerText())
      .toContain('Nguyễn Văn Quản (Quản trị)');
  });

  it('lets the administrator create a clerk', async () => {
    await page.getByTestId('main-nav').getByText('Người dùng').click();
    await page.getByTestId('users-add').click();
    await page.getByTestId('user-form-display-name').fill(CLERK.displayName);
    await page.getByTestId('user-form-username').fill(CLERK.username);
    await page.getByTestId('user-form-password').fill(CLERK.password);
    await page.getByTestId('user-form-confirm').fill(CLERK.password);
    await page.getByTestId('user-form-submit').click();
    await expect.poll(() => page.getByTestId('users-table').innerText()).toContain(CLERK.displayName);
    await expect.poll(() => page.getByTestId('users-table').innerText()).toContain('Cán bộ số hóa');
    await screenshot(page, '02-users-admin');
  });

  it('shows a clear Vietnamese error for a wrong password', async () => {
    await page.getByTestId('logout').click();
    // The administrator's "account created" notice does not follow into the next session.
    await expect.poll(() => page.locator('.ant-message-notice').count()).toBe(0);
    await page.getByTestId('login-username').fill(CLERK.username);
    await page.getByTestId('login-password').fill('sai-mat-khau-1');
    await page.getByTestId('login-submit').click();
    await expect
      .poll(() => page.getByTestId('login-error').innerText())
      .toBe('Sai tên đăng nhập hoặc mật khẩu. Còn 4 lần thử trước khi tài khoản bị tạm khóa.');
    // The refused password is gone from its field, which has the focus; the name stays.
    expect(await page.getByTestId('login-password').inputValue()).toBe('');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('login-password');
    expect(await page.getByTestId('login-username').inputValue()).toBe(CLERK.username);
    await screenshot(page, '03-login-wrong-password');
  });

  it('logs the clerk in to a shell in Vietnamese with only the clerk’s screens', async () => {
    await page.getByTestId('login-password').fill(CLERK.password);
    await page.getByTestId('login-submit').click();
    await expect
      .poll(() => navLabels(page))
      .toEqual(['Quét', 'Lập chỉ mục', 'Ký số', 'Lô hồ sơ', 'Đồng bộ', 'Tra cứu', 'Thống kê', 'Cài đặt']);
    await expect.poll(() => page.getByTestId('page-title').innerText()).toBe('Quét');
    const status = await page.getByTestId('status-bar').innerText();
    expect(status).toContain('Trần Thị Thư (Cán bộ số hóa)');
    expect(status).toContain('Trạm 001');
    expect(status).toContain('Chưa cấu hình SoHoa Central');
    expect(status).toContain('Chờ duyệt: 0');
    await screenshot(page, '04-clerk-shell-vi');
    // Without a Central address the sync screen says what to set up, in blue, and offers no sync.
    await page.getByTestId('main-nav').getByText('Đồng bộ').click();
    await expect
      .poll(() => page.getByTestId('sync-error').innerText())
      .toBe('Chưa cấu hình địa chỉ SoHoa Central. Quản trị viên nhập địa chỉ trong Cài đặt.');
    expect(await page.getByTestId('sync-error').getAttribute('class')).toContain('ant-alert-info');
    expect(await page.getByTestId('sync-now').isDisabled()).toBe(true);
    await page.getByTestId('main-nav').getByText('Quét').click();
  });

  it('keeps the clerk out of the users screen', async () => {
    await page.goto(`${harness.origin}/#/users`);
    await expect.poll(() => page.getByTestId('page-title').innerText()).toBe('Quét');
  });

  it('switches to English and keeps it across a reload, with the session kept', async () => {
    await page.getByText('English').first().click();
    await expect
      .poll(() => navLabels(page))
      .toEqual(['Scan', 'Indexing', 'Sign', 'Batches', 'Sync', 'Lookup', 'Statistics', 'Settings']);
    await expect
      .poll(() => page.getByTestId('status-user').innerText())
      .toContain('Trần Thị Thư (Digitization clerk)');
    await screenshot(page, '05-clerk-shell-en');

    await page.reload();
    await expect
      .poll(() => navLabels(page))
      .toEqual(['Scan', 'Indexing', 'Sign', 'Batches', 'Sync', 'Lookup', 'Statistics', 'Settings']);
  });

  it('opens the station database in Chromium’s IndexedDB and asks for persistent storage', async () => {
    await page.getByTestId('main-nav').getByText('Settings').click();
    await page.getByTestId('settings-tab-storage').click();
    await expect.poll(() => page.getByTestId('storage-panel').innerText()).toMatch(/used of/);
    const databases = await page.evaluate(() => indexedDB.databases());
    // Dexie stores version × 10.
    expect(databases).toContainEqual({ name: 'sohoa-station', version: LATEST_SCHEMA_VERSION * 10 });
    await screenshot(page, '06-settings-clerk-en');
  });

  // The agency's name under the brand once filled in after the menu showed, moving the menu
  // down under a pointer about to click: a click meant for "Users" landed beside it.
  it('keeps the menu still while the station’s settings arrive', async () => {
    let held = 0;
    await page.routeWebSocket(
      (url) => url.pathname === HARNESS_SOCKET_PATH,
      (route) => {
        const server = route.connectToServer();
        route.onMessage((message) => {
          const call = typeof message === 'string' ? (JSON.parse(message) as { channel?: string }) : {};
          if (call.channel !== 'settings.get') return server.send(message);
          held += 1;
          setTimeout(() => server.send(message), 1500);
        });
      },
    );
    await page.reload();
    const item = page.getByTestId('main-nav').getByText('Settings');
    await item.waitFor();
    const first = await item.boundingBox();
    await expect.poll(() => page.locator('.app-brand-agency').innerText()).not.toBe('');
    expect(held).toBeGreaterThan(0);
    expect(await item.boundingBox()).toEqual(first);
    await page.unrouteAll();
    expect(pageErrors).toEqual([]);
  });
});
