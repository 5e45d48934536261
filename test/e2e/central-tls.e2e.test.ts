import type { Page } from 'playwright-core';
import { Agent, fetch } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../support/built-app';
import { ADMIN_TOKEN } from '../support/central';
import { centralProcess, freePort } from '../support/central-process';
import { screenshot } from '../support/chromium';
import { login, openStationPage } from '../support/station-page';
import { prepareStation } from '../support/station-setup';
import { makeTempDir } from '../support/temp-dir';
import { createTestPki, createTlsPki } from '../support/test-pki';
import { ADMIN } from '../support/users';

/**
 * The IT admin enrols a station with a SoHoa Central that serves HTTPS under the province's own
 * CA: the station shows the chain Central presents, the admin picks the certificate to pin,
 * compares its SHA-256 fingerprint with Central's and confirms; without that, no enrolment.
 */
describe('enrolling with SoHoa Central over HTTPS in Chromium', () => {
  const dir = makeTempDir('sohoa-e2e-tls-');
  const pki = createTestPki(dir.path);
  const province = createTlsPki(`${dir.path}/tls`);
  let central: ReturnType<typeof centralProcess>;
  let port: number;
  let station: Awaited<ReturnType<typeof openStationPage>>;
  let page: Page;
  const admin = new Agent({ connect: { ca: province.caPem } });
  const centralAdmin = async (path: string, body?: unknown) =>
    (await (
      await fetch(`https://localhost:${port}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
        dispatcher: admin,
      })
    ).json()) as Record<string, unknown>;

  beforeAll(async () => {
    requireBuild();
    port = await freePort();
    central = centralProcess({
      dataDir: `${dir.path}/central`,
      port,
      trustDir: pki.trustDir,
      env: { SOHOA_TLS_CERT: province.certPath, SOHOA_TLS_KEY: province.keyPath },
    });
    await central.start();
    await prepareStation(dir.path, () => ({ centralUrl: `https://localhost:${port}` }));
    station = await openStationPage(dir.path);
    page = station.page;
    await login(page, ADMIN);
  }, 90_000);
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await screenshot(page, `failed-tls-${task.name.slice(0, 40)}`);
  });
  afterAll(async () => {
    await station?.close();
    await central?.stop();
    await admin.close();
    dir.remove();
  });

  it('shows Central’s chain, pins the confirmed certificate and enrols', async () => {
    const { code } = (await centralAdmin('/v1/admin/enrolments', { departments: ['NCC'] })) as {
      code: string;
    };
    const served = (await centralAdmin('/v1/admin/tls')) as { chain: { fingerprint256: string }[] };
    await page.getByTestId('main-nav').getByText('Cài đặt').click();
    await page.getByTestId('settings-tab-central').click();
    await page.getByTestId('central-probe').click();
    const chain = page.getByTestId('central-chain');
    await expect.poll(() => chain.locator('tbody tr').count()).toBe(2);
    // The fingerprints the admin reads are Central's own.
    const text = await chain.innerText();
    for (const { fingerprint256 } of served.chain) expect(text).toContain(fingerprint256);
    // Not confirmed: refused with the reason, nothing enrolled.
    await page.getByTestId('central-code').fill(code);
    await page.getByTestId('central-enrol').click();
    await expect
      .poll(() => page.locator('.ant-message').innerText())
      .toContain('Hãy xác nhận đã so vân tay trước khi đăng ký.');
    await page.getByTestId('central-confirm').click();
    await screenshot(page, '46-central-tls-confirm');
    await page.getByTestId('central-enrol').click();
    await expect
      .poll(() => page.getByTestId('central-pinned').innerText())
      .toBe(served.chain[1]!.fingerprint256);
    await screenshot(page, '47-central-tls-pinned');
  });
});
