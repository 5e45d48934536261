import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nextAuditEntry, type AuditEntry } from '../../src-shared/audit/audit-chain';
import { openPkcs12Signer } from '../../src-main/signing/pkcs12-signer';
import type { Signer } from '../../src-main/signing/signer';
import { requireBuild, ROOT } from '../support/built-app';
import { ADMIN_TOKEN, startCentral } from '../support/central';
import { centralCalls } from '../support/central-calls';
import { launchChromium, screenshot } from '../support/chromium';
import { layoutDefects } from '../support/screen-tour';
import { recordMeta, sha256Hex, signedRecord, signedRevocation } from '../support/signed-records';
import { pickOption } from '../support/station-page';
import { makeTempDir } from '../support/temp-dir';
import { createTestPki, createTlsPki, P12_PASSWORD } from '../support/test-pki';

const OWNER = { idNumber: '087190004567', name: 'Lê Thị Hoa', number: '12/QĐ-SLĐTBXH' };
const code = (n: number) => `000.00.12.H20.2026.01200000${String(n).padStart(2, '0')}`;
const ADMIN_NAME = 'Nguyễn Văn Quản';

/**
 * The province's administrator runs SoHoa Central from its web console in Chromium, over
 * HTTPS under the province's own CA (this Chromium trusts that certificate's key and no
 * other): signs in, makes an enrolment code a station then uses, compares Central's
 * fingerprint, changes a station's scope and revokes another, adds a connected system whose
 * reads show in the access log, looks records up and saves a signed file, annuls a revocation
 * made in error, reads progress and a station's audit trail (and sees it tampered with).
 */
describe("SoHoa Central's web console in Chromium", () => {
  const dir = makeTempDir('sohoa-e2e-console-');
  const pki = createTestPki(dir.path);
  const tls = createTlsPki(join(dir.path, 'tls'));
  let central: Awaited<ReturnType<typeof startCentral>>;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let base = '';
  let signer: Signer;
  let station = '';
  const pdfs = new Map<string, Buffer>();
  const { call, enrol, upload } = centralCalls(() => central.app);
  const admin = (method: 'GET' | 'POST', url: string, payload?: object) =>
    call({ method, url, auth: ADMIN_TOKEN, ...(payload ? { payload } : {}) });

  /** A page of the console in a fresh document (the tab's session holds; no toast of the page before). */
  const open = async (path: string) => {
    await page.goto('about:blank');
    await page.goto(`${base}/console/#${path}`);
    await page.getByTestId('page-title').waitFor();
  };
  /** A screenshot once the tables have stopped loading (not a frame of their fading spinner). */
  const shoot = async (name: string) => {
    await expect.poll(() => page.locator('.ant-spin-blur, .ant-spin-spinning').count()).toBe(0);
    await screenshot(page, name);
  };
  const expectLaidOut = async () => expect(await layoutDefects(page)).toEqual([]);

  beforeAll(async () => {
    requireBuild();
    central = await startCentral(
      'pglite',
      pki.trustDir,
      { tls: { cert: tls.chainPem, key: tls.keyPem } },
      { consoleDir: resolve(ROOT, 'out/console') },
    );
    await central.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = central.app.server.address() as { port: number };
    base = `https://localhost:${port}`;
    const spki = new X509Certificate(tls.serverPem).publicKey.export({ type: 'spki', format: 'der' });
    ({ browser, close: closeBrowser } = await launchChromium({
      trustSpki: [createHash('sha256').update(spki).digest('base64')],
    }));
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });

    // A station that has sent three records of one owner (the third corrects the second) and
    // its inventory counts; the first revoked, in error, by its supervisor.
    signer = await openPkcs12Signer(pki.agency.p12Path, P12_PASSWORD);
    station = await enrol(['NCC'], '011');
    for (const n of [1, 2, 3]) {
      const meta = recordMeta(OWNER, n === 3 ? { supersedes: code(2) } : {});
      const { pdf } = await signedRecord(signer, code(n), meta);
      pdfs.set(code(n), pdf);
      expect((await upload(station, code(n), pdf, meta)).status).toBe(200);
    }
    const revocation = await signedRevocation(signer, code(1), {
      date: '2026-12-01',
      documentNumber: '99/QĐ-SLĐTBXH',
      reason: 'Ghi nhầm hồ sơ',
      by: 'u-supervisor',
      at: Date.now() - 60_000,
    });
    expect(
      (
        await call({
          method: 'POST',
          url: `/v1/records/${code(1)}/revocation`,
          auth: station,
          payload: revocation,
        })
      ).status,
    ).toBe(200);
    const counts = [
      { entryId: 1, departmentCode: 'NCC', procedureCode: '1.001257', count: 8, countedAt: '2026-06-01' },
    ];
    await call({
      method: 'POST',
      url: '/v1/inventory',
      auth: station,
      payload: {
        counts: counts.map((count) => ({ ...count, enteredBy: 'u-office', enteredAt: Date.now() })),
      },
    });
    const trail: AuditEntry[] = [];
    for (const [index, action] of (['login', 'capture', 'index', 'approve', 'sync'] as const).entries()) {
      trail.push(
        nextAuditEntry(trail.at(-1), {
          at: Date.UTC(2026, 11, 1, 8, index),
          userId: 'u-clerk',
          userName: 'Trần Thị Thư',
          station: '011',
          action,
          ...(action === 'index'
            ? { recordId: 'r-1', before: { ownerName: '' }, after: { ownerName: OWNER.name } }
            : {}),
        }),
      );
    }
    await call({ method: 'POST', url: '/v1/audit', auth: station, payload: { entries: trail } });
  }, 120_000);
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await screenshot(page, `failed-console-${task.name.slice(0, 40)}`);
  });
  afterAll(async () => {
    await closeBrowser?.();
    await central?.close();
    await signer?.close();
    dir.remove();
  });

  it('lets in only the administrator token, and says so in Vietnamese', async () => {
    await page.goto(`${base}/console/`);
    await page.getByTestId('admin-name').fill(ADMIN_NAME);
    await page.getByTestId('admin-token').fill('not-the-token-of-this-central');
    await page.getByTestId('sign-in').click();
    await expect
      .poll(() => page.getByTestId('sign-in-problem').innerText())
      .toContain('Mã quản trị không đúng');
    await page.getByTestId('admin-token').fill(ADMIN_TOKEN);
    await shoot('console-sign-in');
    await page.getByTestId('sign-in').click();
    await expect.poll(() => page.getByTestId('page-title').innerText()).toBe('Máy trạm');
    expect(await page.getByTestId('admin-signed-in').innerText()).toBe(ADMIN_NAME);
  });

  it("shows Central's certificate as the station will, and enrols a station with the code it makes", async () => {
    await open('/stations');
    const fingerprint = new X509Certificate(tls.serverPem).fingerprint256;
    const chain = page.getByTestId('central-tls-chain');
    await expect.poll(() => chain.innerText()).toContain('localhost');
    expect((await chain.innerText()).replace(/\s/g, '')).toContain(fingerprint);

    await page.getByTestId('enrol').click();
    await pickOption(page, 'departments', 'BTXH');
    await page.locator('.ant-modal-title').click();
    await page.getByRole('button', { name: 'Cấp mã', exact: true }).click();
    const enrolment = (await page.getByTestId('enrolment-code').innerText()).trim();
    expect(enrolment.length).toBeGreaterThanOrEqual(8);
    const enrolled = await call({
      method: 'POST',
      url: '/v1/enrol',
      payload: { code: enrolment, stationNumber: '012', stationName: 'Một cửa huyện Tháp Mười' },
    });
    expect(enrolled.status).toBe(201);
    // The code works once.
    expect(
      (await call({ method: 'POST', url: '/v1/enrol', payload: { code: enrolment, stationNumber: '013' } }))
        .status,
    ).toBe(403);
    await page.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
    await page.getByRole('button', { name: 'Làm mới' }).click();
    await expect.poll(() => page.getByTestId('stations').innerText()).toContain('Một cửa huyện Tháp Mười');
    await expectLaidOut();
    await shoot('console-stations');
  });

  it("changes a station's scope and revokes another, as Central then holds them", async () => {
    await open('/stations');
    await page.getByTestId('scope-012').click();
    await pickOption(page, 'departments', 'NCC');
    // A multiple select stays open after a pick: a click beside it closes it.
    await page.locator('.ant-modal-title').click();
    await pickOption(page, 'read-scope', 'Hồ sơ toàn tỉnh');
    await page.locator('.ant-modal-footer').getByRole('button', { name: 'Lưu' }).click();
    const held = async (number: string) =>
      (
        (await admin('GET', '/v1/admin/stations')).body as {
          stations: {
            stationNumber: string;
            departments: string[];
            readScope: string;
            revokedAt: string | null;
          }[];
        }
      ).stations.find((each) => each.stationNumber === number)!;
    await expect.poll(async () => (await held('012')).readScope).toBe('province');
    expect((await held('012')).departments.sort()).toEqual(['BTXH', 'NCC']);

    await page.getByTestId('revoke-012').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Thu hồi' }).click();
    await expect.poll(async () => (await held('012')).revokedAt).not.toBeNull();
    await expect.poll(() => page.getByTestId('stations').innerText()).toContain('Đã thu hồi');
    expect((await held('011')).revokedAt).toBeNull();
  });

  it('adds a connected system whose secret shows once, and logs each of its reads with its purpose', async () => {
    await open('/clients');
    await page.getByTestId('create-client').click();
    await page.getByTestId('client-name').fill('Hệ thống một cửa điện tử tỉnh');
    await page.getByTestId('scope-records:file').click();
    await page.locator('.ant-modal-footer').getByRole('button', { name: 'Tạo hệ thống kết nối' }).click();
    const clientId = (await page.getByTestId('client-id').innerText()).trim();
    const clientSecret = (await page.getByTestId('client-secret').innerText()).trim();
    expect(await page.getByTestId('secret-once').innerText()).toContain('chỉ hiển thị một lần');
    await shoot('console-client-secret');
    await page.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
    await expect
      .poll(() => page.getByTestId('clients').innerText())
      .toContain('Hệ thống một cửa điện tử tỉnh');
    expect(await page.getByTestId('clients').innerText()).not.toContain(clientSecret);

    const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
    const token = await call({
      method: 'POST',
      url: '/v1/oauth/token',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=client_credentials',
    });
    expect(token.status).toBe(200);
    const bearer = (token.body as { access_token: string }).access_token;
    const read = await call({
      method: 'GET',
      url: `/v1/partner/records?ownerId=${OWNER.idNumber}&purpose=${encodeURIComponent('Giải quyết hồ sơ 000.00.12.H20-261207-0001')}`,
      auth: bearer,
    });
    expect(read.status).toBe(200);

    await page.getByTestId('client-log-Hệ thống một cửa điện tử tỉnh').click();
    const log = page.getByTestId('access-log');
    await expect.poll(() => log.innerText()).toContain('Giải quyết hồ sơ 000.00.12.H20-261207-0001');
    expect(await log.innerText()).toContain(OWNER.idNumber);
    expect(page.url()).toContain(`clientId=${clientId}`);
    await expectLaidOut();
    await shoot('console-access-log');

    await open('/clients');
    await page.getByTestId('revoke-client-Hệ thống một cửa điện tử tỉnh').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Thu hồi' }).click();
    await expect
      .poll(
        async () =>
          (
            await call({
              method: 'GET',
              url: `/v1/partner/records?ownerId=${OWNER.idNumber}&purpose=x`,
              auth: bearer,
            })
          ).status,
      )
      .toBe(401);
  });

  it('looks an owner up, saves a signed file, and annuls a revocation made in error; each read logged under the admin', async () => {
    await open('/lookup');
    const query = page.getByTestId('lookup-query').locator('input');
    await query.fill(OWNER.idNumber);
    await query.press('Enter');
    const results = page.getByTestId('lookup-results');
    await expect.poll(() => results.innerText()).toContain(code(3));
    const shown = await results.innerText();
    expect(shown).toContain('Đã bị thu hồi');
    expect(shown).toContain('Đã được thay thế');
    expect(shown).toContain('Còn hiệu lực');
    await expectLaidOut();
    await shoot('console-lookup');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId(`file-${code(3)}`).click(),
    ]);
    const saved = readFileSync(await download.path());
    expect(download.suggestedFilename()).toBe(`${code(3)}.pdf`);
    expect(sha256Hex(saved)).toBe(sha256Hex(pdfs.get(code(3))!));

    await page.getByTestId(`annul-${code(1)}`).click();
    await page.getByTestId('annul-reason').fill('Trạm 011 ghi nhầm mã hồ sơ');
    await page.locator('.ant-modal-footer').getByRole('button', { name: 'Hủy ghi nhận thu hồi' }).click();
    await expect.poll(() => page.getByTestId(`annul-${code(1)}`).count()).toBe(0);
    const held = (await admin('GET', `/v1/records?code=${code(1)}`)).body as {
      records: { revocation: unknown }[];
    };
    expect(held.records[0]!.revocation).toBeNull();

    const log = (await admin('GET', `/v1/admin/access-log?ownerId=${OWNER.idNumber}`)).body as {
      entries: { user: string; action: string; code: string | null }[];
    };
    expect(log.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ user: ADMIN_NAME, action: 'lookup' }),
        expect.objectContaining({ user: ADMIN_NAME, action: 'file', code: code(3) }),
      ]),
    );
  });

  it("shows progress against the stations' inventory and the figures by station", async () => {
    await open('/progress');
    // NCC: 8 counted, 2 still valid on Central (code 1 again since its revocation was annulled, and code 3).
    await expect.poll(() => page.getByTestId('progress-summary').innerText()).toContain('2 trên 8');
    expect(await page.getByTestId('progress-departments').innerText()).toContain('NCC');
    await expect.poll(() => page.getByTestId('stats-rows').innerText()).toContain('011');
    await expectLaidOut();
    await shoot('console-progress');
  });

  it("reads a station's audit trail in words, checks it whole, and shows a row edited behind Central's back", async () => {
    await open('/stations');
    await page.getByTestId('audit-011').click();
    const trail = page.getByTestId('station-audit');
    await expect.poll(() => trail.innerText()).toContain('Lập chỉ mục');
    expect(await trail.innerText()).toContain(`Họ tên / tên tổ chức: — → ${OWNER.name}`);
    await page.getByTestId('verify-trail').click();
    await expect
      .poll(() => page.getByTestId('trail-verdict').innerText())
      .toContain('Nhật ký toàn vẹn: 5 mục');
    await expectLaidOut();
    await shoot('console-audit');

    const stationId = station.split('.')[0]!;
    await central.db.query(
      `UPDATE audit_entries SET entry = jsonb_set(entry, '{action}', '"login"') WHERE station_id = $1 AND seq = 4`,
      [stationId],
    );
    await page.getByTestId('verify-trail').click();
    await expect.poll(() => page.getByTestId('trail-verdict').innerText()).toContain('mục 4 bị sửa');
  });

  it("keeps Central's own journal, in English too, and signs out", async () => {
    await open('/journal');
    const journal = page.getByTestId('journal');
    await expect.poll(() => journal.innerText()).toContain('Hủy ghi nhận thu hồi');
    expect(await journal.innerText()).toContain('Thu hồi máy trạm');
    expect(await journal.innerText()).toContain('Tạo hệ thống kết nối');
    await page.getByText('English').click();
    await expect.poll(() => page.getByTestId('page-title').innerText()).toBe("Central's journal");
    for (const path of ['/stations', '/progress', '/lookup', '/clients', '/access-log', '/journal']) {
      await open(path);
      await page.waitForLoadState('networkidle');
      expect(await layoutDefects(page), path).toEqual([]);
    }
    await page.getByText('Tiếng Việt').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('admin-token').waitFor();
    await page.reload();
    await page.getByTestId('admin-token').waitFor();
  });
});
