import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetData } from '../../src-main/capture/demo/demo-documents';
import { checkCode, parseCodeTemplate } from '../../src-shared/domain/record-code';
import { requireBuild } from '../support/built-app';
import { screenshot } from '../support/chromium';
import { pickOption, readStore } from '../support/station-page';
import { openAsClerk } from '../support/station-setup';
import { makeTempDir } from '../support/temp-dir';
import { createTestPki, P12_PASSWORD } from '../support/test-pki';
import { signingSettingsSchema } from '../../src-shared/domain/settings';

describe('indexing in Chromium: demo scan, background OCR, suggestions accepted, code issued, signed', () => {
  const dir = makeTempDir('sohoa-e2e-indexing-');
  let station: Awaited<ReturnType<typeof openAsClerk>>;
  let page: Page;
  // The demo feeder's first document: a decision filled with sheet 0's data.
  const data = sheetData(0);

  beforeAll(async () => {
    requireBuild();
    const pki = createTestPki(dir.path);
    station = await openAsClerk(dir.path, () => ({
      agencyId: '000.00.12.H20',
      stationNumber: '005',
      signing: signingSettingsSchema.parse({
        method: 'pkcs12',
        pkcs12File: pki.agency.p12Path,
        stamp: 'last',
        trustDir: pki.trustDir,
      }),
    }));
    page = station.page;
  });
  afterAll(async () => {
    await station?.close();
    dir.remove();
  });

  it('scans a decision on the demo scanner and reads it in the background', async () => {
    await expect
      .poll(() => page.getByTestId('scan-device').innerText(), { timeout: 20_000 })
      .toContain('sane');
    await pickOption(page, 'scan-device', 'mô phỏng (đào tạo)');
    await pickOption(page, 'scan-source', 'Mặt kính');
    await page.getByTestId('scan-start').click();
    await expect.poll(() => page.getByTestId('page-thumb').count(), { timeout: 30_000 }).toBe(1);
    await page.getByTestId('main-nav').getByText('Lập chỉ mục').click();
    await expect
      .poll(() => page.getByTestId('suggestion-ownerName').innerText(), { timeout: 60_000 })
      .toContain(data.name!);
    expect(await page.getByTestId('ocr-running').count()).toBe(0);
    // Suggestions are not filled in until accepted.
    expect(await page.getByTestId('field-ownerName').inputValue()).toBe('');
    await page.getByTestId('field-ownerName').focus();
    await expect.poll(() => page.getByTestId('page-highlight').count()).toBeGreaterThan(0);
    await screenshot(page, '14-indexing-suggestions');

    // On a clerk's laptop (1366×768) the page opens at a readable zoom (its width fitted, a
    // quarter of a 300 dpi A4 at least) beside the form, which scrolls in its own card.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('main-nav').getByText('Quét').click();
    await page.getByTestId('main-nav').getByText('Lập chỉ mục').click();
    await expect.poll(() => page.getByTestId('suggestion-ownerName').count(), { timeout: 30_000 }).toBe(1);
    await expect
      .poll(async () => parseInt(await page.getByTestId('page-zoom').innerText(), 10))
      .toBeGreaterThanOrEqual(25);
    const form = (await page.locator('.indexing-form-card').boundingBox())!;
    expect(form.y + form.height).toBeLessThanOrEqual(768);
    const viewer = (await page.locator('.page-viewer-scroller').boundingBox())!;
    expect(viewer.y + viewer.height).toBeLessThanOrEqual(768);
    // Nothing of the screen itself scrolls away, the status bar included.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);
    await screenshot(page, '14b-indexing-1366x768');
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('accepts every suggestion with Alt+A and saves with Ctrl+Enter: the record gets a valid code', async () => {
    await page.keyboard.press('Alt+A');
    await expect.poll(() => page.getByTestId('field-ownerName').inputValue()).toBe(data.name);
    expect(await page.getByTestId('field-ownerIdNumber').inputValue()).toBe(data.idNumber);
    expect(await page.getByTestId('field-documentNumber').inputValue()).toBe(`${data.number}/QĐ-SLĐTBXH`);
    // The accepted procedure (a decision of the Người có công department, without end date)
    // fills the department and "Không thời hạn" from the catalogue.
    await expect.poll(() => page.getByRole('checkbox', { name: 'Không thời hạn' }).isChecked()).toBe(true);
    // The clerk corrects the name before saving.
    await page.getByTestId('field-ownerName').fill('Nguyễn Văn Ánh');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('record-code').count(), { timeout: 10_000 }).toBe(1);
    const code = await page.getByTestId('record-code').innerText();
    expect(code).toMatch(/^000\.00\.12\.H20\.\d{4}\.005000001[0-9A-Z]$/);
    expect(checkCode(parseCodeTemplate('{agency}.{yyyy}.{station}{seq:6}{check}').tokens, code)).toEqual({
      ok: true,
    });
    const [record] = await readStore<{
      status: string;
      ownerNameFolded: string;
      documentNumber: string;
      procedureCode: string;
      departmentCode: string;
      fields: { indefinite?: boolean };
    }>(page, 'records');
    // The procedure was guessed from the catalogue and accepted with the rest.
    expect(record).toMatchObject({
      status: 'indexed',
      documentNumber: `${data.number}/QĐ-SLĐTBXH`,
      procedureCode: '1.001257',
      departmentCode: 'NCC',
      fields: { indefinite: true },
      ownerNameFolded: 'nguyen van anh',
    });
    await screenshot(page, '15-indexing-saved');
  });

  it('finds the record by "nguyen van anh", by its code and by a word of its text', async () => {
    const code = await page.getByTestId('record-code').innerText();
    await page.getByTestId('main-nav').getByText('Tra cứu').click();
    const rows = () => page.getByTestId('lookup-results').locator('tbody tr.ant-table-row');
    for (const query of ['nguyen van anh', code.toLowerCase(), 'tro cap uu dai']) {
      await page.getByTestId('lookup-query').locator('input').fill(query);
      await expect.poll(() => rows().count(), { timeout: 5_000 }).toBe(1);
      expect(await rows().first().innerText()).toContain('Nguyễn Văn Ánh');
    }
    await page.getByTestId('lookup-query').locator('input').fill('nguyen van anh');
    await expect.poll(() => rows().count()).toBe(1);
    await screenshot(page, '16-lookup');
  });

  it('checks the form in Vietnamese and warns of a duplicate owner and document number', async () => {
    const first = sheetData(0);
    await page.getByTestId('main-nav').getByText('Quét').click();
    // The scan screen comes back as the clerk left it: demo scanner, flatbed.
    await expect
      .poll(() => page.getByTestId('scan-device').innerText(), { timeout: 20_000 })
      .toContain('demo:standard');
    expect(await page.getByTestId('scan-source').innerText()).toBe('Mặt kính');
    await page.getByRole('button', { name: /Hồ sơ mới/ }).click();
    await page.getByTestId('scan-start').click();
    await expect.poll(() => page.getByTestId('page-thumb').count(), { timeout: 30_000 }).toBe(1);
    await page.getByTestId('main-nav').getByText('Lập chỉ mục').click();
    await page.getByTestId('indexing-item').nth(0).click();
    await expect.poll(() => page.getByTestId('suggestion-ownerName').count(), { timeout: 60_000 }).toBe(1);
    // The work permit names its employer's tax code: not the worker's. The clerk dismisses it,
    // and it stays dismissed after a reload and through accept-all.
    expect(await page.getByTestId('suggestion-ownerTaxCode').innerText()).toContain(sheetData(1).taxCode!);
    await page.getByTestId('dismiss-ownerTaxCode').click();
    await expect.poll(() => page.getByTestId('suggestion-ownerTaxCode').count()).toBe(0);
    // What the clerk accepted and typed is a draft kept with the record: a reload loses none of it.
    await page.getByTestId('accept-documentNumber').click();
    const number = await page.getByTestId('field-documentNumber').inputValue();
    expect(number).toMatch(/\/GPLĐ-SLĐTBXH$/);
    await page.getByTestId('field-issuingAgency').fill('SỞ LAO ĐỘNG (nháp)');
    await expect
      .poll(async () =>
        (await readStore<{ draft?: { values: Record<string, unknown> } }>(page, 'records')).map(
          (row) => row.draft?.values.issuingAgency,
        ),
      )
      .toContain('SỞ LAO ĐỘNG (nháp)');
    await page.reload();
    await page.getByTestId('main-nav').getByText('Lập chỉ mục').click();
    await page.getByTestId('indexing-item').nth(0).click();
    await expect.poll(() => page.getByTestId('field-issuingAgency').inputValue()).toBe('SỞ LAO ĐỘNG (nháp)');
    expect(await page.getByTestId('field-documentNumber').inputValue()).toBe(number);
    await expect.poll(() => page.getByTestId('suggestion-ownerName').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('suggestion-ownerTaxCode').count()).toBe(0);
    await page.getByTestId('field-documentNumber').focus();
    await page.keyboard.press('Alt+A');
    await expect.poll(() => page.getByTestId('field-ownerName').inputValue()).not.toBe('');
    expect(await page.getByTestId('field-ownerTaxCode').inputValue()).toBe('');
    // Four mistakes at once (a wrong ID number, an issue date after today, 31/02/1990, an end
    // before the start): all four are shown on the first save, each beside its field, and the
    // highest on the form has the focus.
    const issued = await page.getByTestId('field-issueDate').inputValue();
    const expires = await page.getByTestId('field-expiryDate').inputValue();
    // (The permit's passport was accepted; the clerk enters a personal ID number instead.)
    await pickOption(page, 'field-ownerIdKind', 'Số định danh');
    await page.getByTestId('field-ownerIdNumber').fill('003159760822');
    await page.getByTestId('field-issueDate').fill('01/01/2099');
    await page.getByTestId('field-ownerBirthDate').fill('31/02/1990');
    await page.getByTestId('field-expiryDate').fill('01/01/1991');
    await page.getByTestId('indexing-save').click();
    const errorsOf = (field: string) =>
      page
        .locator('.ant-form-item', { has: page.getByTestId(`field-${field}`) })
        .locator('.ant-form-item-explain-error')
        .allInnerTexts();
    await expect
      .poll(() => errorsOf('ownerIdNumber'))
      .toContain('Ba chữ số đầu không phải mã tỉnh, thành phố nơi đăng ký khai sinh.');
    expect(await errorsOf('issueDate')).toEqual(['Ngày ban hành không thể sau hôm nay.']);
    expect(await errorsOf('ownerBirthDate')).toEqual(['Ngày phải có dạng dd/mm/yyyy và là ngày có thật.']);
    expect(await errorsOf('expiryDate')).toContain('Ngày hết hiệu lực phải sau ngày có hiệu lực.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'field-issueDate',
    );
    await screenshot(page, '16b-indexing-all-errors');
    await page.getByTestId('field-issueDate').fill(issued);
    await page.getByTestId('field-expiryDate').fill(expires);
    // The same owner and document number as the first record: a warning, then saved on purpose.
    await page.getByTestId('field-ownerIdNumber').fill(first.idNumber!);
    await page.getByTestId('field-ownerBirthDate').fill(first.birthDate!);
    await page.getByTestId('field-documentNumber').fill(`${first.number}/QĐ-SLĐTBXH`);
    // A work permit has no agency heading: the clerk types it.
    await page.getByTestId('field-issuingAgency').fill('SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI');
    await page.getByTestId('indexing-save').click();
    await expect.poll(() => page.getByTestId('duplicate-warning').count()).toBe(1);
    // The corrected fields no longer show the earlier messages.
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts()).toEqual([]);
    expect(await page.getByTestId('record-code').count()).toBe(0);
    await screenshot(page, '17-indexing-duplicate');
    await page.getByTestId('indexing-save').click();
    await expect.poll(() => page.getByTestId('record-code').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('record-code').innerText()).toMatch(/005000002[0-9A-Z]$/);
  });

  it('shows a page OCR could not read, and reads it again once it can', async () => {
    // Spoil the stored image of the newest page and queue it again, as a damaged file would be.
    const swap = (spoil: boolean) =>
      page.evaluate(async (spoilIt) => {
        const open = indexedDB.open('sohoa-station');
        const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
        const store = db.transaction('pages', 'readwrite').objectStore('pages');
        const pages = await new Promise<{ createdAt: number; image: Blob; spare?: Blob }[]>((resolve) => {
          const request = store.getAll();
          request.onsuccess = () => resolve(request.result as never);
        });
        const newest = pages.sort((a, b) => b.createdAt - a.createdAt)[0]!;
        const image = spoilIt ? new Blob(['not an image']) : newest.spare!;
        const spare = spoilIt ? newest.image : undefined;
        await new Promise((resolve) => {
          // Spoiled, the page goes back in the queue; mended, it waits for the clerk's retry.
          store.put({ ...newest, image, spare, ...(spoilIt ? { ocrStatus: 'pending' } : {}) }).onsuccess =
            resolve;
        });
        db.close();
      }, spoil);
    // The newest page is the work permit's, the second record in the queue.
    await page.getByTestId('indexing-item').nth(1).click();
    await swap(true);
    await expect.poll(() => page.getByTestId('ocr-retry').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('ocr-retry').innerText()).toContain('Không nhận dạng được 1 trang');
    await swap(false);
    await page.getByTestId('ocr-retry').click();
    // Read again in the background, this time with success. Between the click and the runner taking
    // the page it is only `pending` (neither running nor failed on screen), so wait on the store.
    const newestStatus = async () => {
      const pages = await readStore<{ createdAt: number; ocrStatus: string }>(page, 'pages');
      return pages.sort((a, b) => b.createdAt - a.createdAt)[0]!.ocrStatus;
    };
    await expect.poll(newestStatus, { timeout: 30_000 }).toBe('done');
    await expect.poll(() => page.getByTestId('ocr-retry').count()).toBe(0);
  });

  it('finalizes the first record: unlock with the certificate password, signed PDF/A stored, verification shows the signer', async () => {
    await page.getByTestId('main-nav').getByText('Ký số').click();
    await page.getByTestId('finalize-item').filter({ hasText: 'Nguyễn Văn Ánh' }).click();
    await page.getByTestId('finalize-sign').click();
    // Queued, and the runner waits for the device to be unlocked.
    await expect
      .poll(() => page.getByTestId('signing-device').innerText(), { timeout: 20_000 })
      .toContain('mở khóa thiết bị ký để tiếp tục');
    // A wrong password first: refused in Vietnamese, nothing signed.
    await page.getByTestId('signing-unlock').click();
    await page.getByTestId('signing-secret').fill('sai-mat-khau');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('signing-problem').innerText(), { timeout: 10_000 })
      .toContain('Sai mật khẩu của tệp chứng thư số');
    expect(await readStore(page, 'documents')).toEqual([]);
    await page.getByTestId('signing-secret').fill(P12_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('signing-unlocked').waitFor();
    await expect
      .poll(() => page.getByTestId('verification-signer').allInnerTexts(), { timeout: 30_000 })
      .toEqual(['Sở Lao động - Thương binh và Xã hội tỉnh Đồng Tháp']);
    expect(await page.getByTestId('verification-valid').count()).toBe(1);
    const records = await readStore<{ status: string; ownerName: string }>(page, 'records');
    expect(records.find((record) => record.ownerName === 'Nguyễn Văn Ánh')?.status).toBe('finalized');
    const [document] = await readStore<{ sha256: string; bytes: number; level: string }>(page, 'documents');
    expect(document).toMatchObject({ level: 'B-B' });
    expect(document!.sha256).toMatch(/^[0-9a-f]{64}$/);
    await screenshot(page, '18-finalize-verified');
  });

  it('corrects the signed record: a new version gets its own code and, once signed, supersedes it', async () => {
    const records = () =>
      readStore<{
        id: string;
        status: string;
        code?: string;
        ownerName?: string;
        supersedes?: string;
        supersededBy?: string;
      }>(page, 'records');
    const original = (await records()).find((record) => record.ownerName === 'Nguyễn Văn Ánh')!;
    await page.getByTestId('finalize-correct').click();
    // The correction opens on the indexing screen, filled in as the original was.
    await expect
      .poll(() => page.getByTestId('correction-of').innerText(), { timeout: 10_000 })
      .toContain(original.code!);
    expect(await page.getByTestId('field-ownerName').inputValue()).toBe('Nguyễn Văn Ánh');
    await page.getByTestId('field-signerName').fill('Lê Văn Ký');
    await page.keyboard.press('Control+Enter');
    // The record saved anyway in the duplicate test above is a twin; the original, a version
    // of the same result, is not one.
    await expect
      .poll(() => page.getByTestId('duplicate-warning').innerText(), { timeout: 10_000 })
      .toContain('Đã có hồ sơ của cùng người này');
    expect(await page.getByTestId('duplicate-warning').innerText()).not.toContain(original.code);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('record-code').count(), { timeout: 10_000 }).toBe(1);
    const code = await page.getByTestId('record-code').innerText();
    expect(code).not.toBe(original.code);

    await page.getByTestId('main-nav').getByText('Ký số').click();
    await page.getByTestId('finalize-item').filter({ hasText: code }).click();
    await page.getByTestId('finalize-sign').click();
    await expect
      .poll(async () => (await records()).find((record) => record.id === original.id)?.status, {
        timeout: 30_000,
      })
      .toBe('superseded');
    const correction = (await records()).find((record) => record.code === code)!;
    expect(correction).toMatchObject({ status: 'finalized', supersedes: original.id });
    expect((await records()).find((record) => record.id === original.id)?.supersededBy).toBe(correction.id);
    await expect.poll(() => page.getByTestId('finalize-supersedes').innerText()).toBe(original.code);
    await expect.poll(() => page.getByTestId('verification-signer').count(), { timeout: 30_000 }).toBe(1);
    // The original stays, signed, with a link to what replaced it; it is corrected no more.
    await page.getByTestId('finalize-item').filter({ hasText: original.code! }).click();
    await expect.poll(() => page.getByTestId('finalize-superseded-by').innerText()).toBe(code);
    expect(await page.getByTestId('finalize-correct').count()).toBe(0);
    await screenshot(page, '19-finalize-superseded');
  });
});
