import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoStack } from '../../src-main/capture/demo/demo-documents';
import { requireBuild } from '../support/built-app';
import { screenshot } from '../support/chromium';
import { pickOption, readStore } from '../support/station-page';
import { openAsClerk } from '../support/station-setup';
import { makeTempDir } from '../support/temp-dir';

/**
 * A clerk's laptop (1366×768) and the demo flatbed, whose glass takes the stack's pages in
 * turn: a decision, a work permit of two pages, a certificate with its two-page annex.
 */
describe('a dossier of several documents, and the clerk time of a three-page record', () => {
  const dir = makeTempDir('sohoa-e2e-dossier-');
  let station: Awaited<ReturnType<typeof openAsClerk>>;
  let page: Page;
  const [decision, permit, , certificate] = demoStack(0, 4).map((sheet) => sheet.data);

  const records = () =>
    readStore<{ id: string; status: string; ownerName?: string; fields: Record<string, unknown> }>(
      page,
      'records',
    );
  const pagesOf = async (recordId: string) =>
    (await readStore<{ recordId: string }>(page, 'pages')).filter((row) => row.recordId === recordId).length;
  const scanOnce = async (expected: number) => {
    await page.getByTestId('scan-start').click();
    await expect.poll(() => page.getByTestId('page-thumb').count(), { timeout: 30_000 }).toBe(expected);
  };

  beforeAll(async () => {
    requireBuild();
    station = await openAsClerk(dir.path, () => ({ agencyId: '000.00.12.H20', stationNumber: '007' }));
    page = station.page;
    await page.setViewportSize({ width: 1366, height: 768 });
  });
  afterEach(async ({ task }) => {
    // What the screen showed when a step failed: the first thing to look at.
    if (task.result?.state === 'fail') await screenshot(page, `failed-dossier-${task.name.slice(0, 40)}`);
  });
  afterAll(async () => {
    await station?.close();
    dir.remove();
  });

  it('says a mixed dossier holds a second document, takes none of its fields by accept-all, and splits there', async () => {
    await expect
      .poll(() => page.getByTestId('scan-device').innerText(), { timeout: 20_000 })
      .toContain('sane');
    await pickOption(page, 'scan-device', 'mô phỏng (đào tạo)');
    await pickOption(page, 'scan-source', 'Mặt kính');
    for (const count of [1, 2, 3]) await scanOnce(count);
    await page.getByTestId('main-nav').getByText('Lập chỉ mục').click();
    // Page 2 opens the work permit (its own motto, title and number): the form says so.
    await expect
      .poll(() => page.getByTestId('more-documents').innerText(), { timeout: 90_000 })
      .toContain(`trang 2 (Giấy phép số ${permit!.number}/GPLĐ-SLĐTBXH)`);
    expect(await page.getByTestId('more-documents').innerText()).not.toContain('trang 3');
    // Each suggestion says its page; the permit's end date and employer's tax code are marked
    // as another document's, and accept-all leaves them out.
    await expect.poll(() => page.getByTestId('ocr-running').count(), { timeout: 60_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('suggestion-page-ownerName').innerText()).toBe('trang 1');
    expect(await page.getByTestId('suggestion-page-ownerTaxCode').innerText()).toBe('trang 2');
    expect(await page.getByTestId('other-document-ownerTaxCode').count()).toBe(1);
    expect(await page.getByTestId('other-document-ownerName').count()).toBe(0);
    await screenshot(page, '14c-indexing-mixed-dossier');
    await page.getByTestId('accept-all').click();
    await expect.poll(() => page.getByTestId('field-ownerName').inputValue()).toBe(decision!.name);
    expect(await page.getByTestId('field-documentNumber').inputValue()).toBe(
      `${decision!.number}/QĐ-SLĐTBXH`,
    );
    expect(await page.getByTestId('field-ownerTaxCode').inputValue()).toBe('');
    expect(await page.getByTestId('field-expiryDate').inputValue()).toBe('');

    // One click splits the record where the permit begins: two records, 1 + 2 pages.
    await page.getByTestId('split-documents').click();
    await expect.poll(async () => (await records()).length).toBe(2);
    await expect.poll(() => page.getByTestId('more-documents').count()).toBe(0);
    const sizes = await Promise.all((await records()).map((row) => pagesOf(row.id)));
    expect(sizes.sort()).toEqual([1, 2]);
    // What the clerk accepted stays; the decision is saved with no field of the permit's.
    await page.getByTestId('indexing-save').click();
    await expect.poll(() => page.getByTestId('record-code').count(), { timeout: 10_000 }).toBe(1);
    const saved = (await records()).find((row) => row.status === 'indexed')!;
    expect(saved.fields).toMatchObject({ ownerName: decision!.name, resultType: 'decision' });
    expect(saved.fields.ownerTaxCode).toBeUndefined();
    expect(saved.fields.expiryDate).toBeUndefined();

    // The permit is a record of its own now, next in the queue, with its own suggestions.
    await page.getByTestId('indexing-next').click();
    await expect
      .poll(() => page.getByTestId('suggestion-ownerName').innerText(), { timeout: 30_000 })
      .toContain(permit!.foreignName);
    expect(await page.locator('[data-testid^="other-document-"]').count()).toBe(0);
  });

  it("weighs the permit's end date against the catalogue's 24 months, and gives that term when none is read", async () => {
    await expect.poll(() => page.getByTestId('ocr-running').count(), { timeout: 60_000 }).toBe(0);
    await page.getByTestId('accept-all').click();
    // Read on the permit itself and within its term: taken as read.
    await expect.poll(() => page.getByTestId('field-expiryDate').inputValue()).toBe(permit!.expiry);
    expect(await page.getByTestId('field-effectiveDate').inputValue()).toBe(permit!.effective);
    // A foreign worker: the passport is the ID, with its nationality.
    expect(await page.getByTestId('field-ownerIdNumber').inputValue()).toBe(permit!.passport);
    expect(await page.getByTestId('field-ownerIdKind').innerText()).toContain('Hộ chiếu');
    expect(await page.getByTestId('field-ownerNationality').inputValue()).toBe(permit!.nationality);
    // The employer's enterprise code is offered, not taken as the worker's.
    expect(await page.getByTestId('field-ownerTaxCode').inputValue()).toBe('');
    expect(await page.getByTestId('suggestion-ownerTaxCode').innerText()).toContain(permit!.taxCode);
    await page.getByTestId('field-ownerIdNumber').scrollIntoViewIfNeeded();
    await screenshot(page, '14f-indexing-passport');
    const procedure = page.locator('.ant-form-item', { has: page.getByTestId('field-procedureCode') });
    expect(await procedure.innerText()).toContain('1.000459');
    // Were it effective a year earlier, the read end date would run 36 months: flagged, and
    // the catalogue's end of term offered beside it.
    const [day, month, year] = permit!.effective!.split('/');
    await page.getByTestId('field-effectiveDate').fill(`${day}/${month}/${Number(year) - 1}`);
    await page.getByTestId('field-expiryDate').fill('');
    await expect.poll(() => page.getByTestId('conflict-expiryDate').count()).toBe(1);
    const usual = `${day}/${month}/${Number(year) + 1}`;
    expect(await page.getByTestId('usual-term-expiryDate').innerText()).toContain(`${usual} (24 tháng)`);
    await page.getByTestId('usual-term-expiryDate').scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await screenshot(page, '14e-indexing-usual-term');
    // Accept-all takes neither the flagged date nor, over it, the catalogue's.
    await page.getByTestId('accept-all').click();
    expect(await page.getByTestId('field-expiryDate').inputValue()).toBe('');
    // Once the clerk rejects the misread date, accept-all gives the usual term.
    await page.getByTestId('dismiss-expiryDate').click();
    await expect.poll(() => page.getByTestId('suggestion-expiryDate').count()).toBe(0);
    await page.getByTestId('accept-all').click();
    await expect.poll(() => page.getByTestId('field-expiryDate').inputValue()).toBe(usual);
    // The hint goes with the form's watched values, a render after the field shows the date.
    await expect.poll(() => page.getByTestId('usual-term-expiryDate').count()).toBe(0);
    // The permit form has no agency header (its seal and title say it): the clerk types it.
    // Then it is saved with its passport (no personal ID asked for) and found by it.
    await page.getByTestId('field-issuingAgency').fill('SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI');
    await page.getByTestId('indexing-save').click();
    await expect.poll(() => page.getByTestId('record-code').count(), { timeout: 10_000 }).toBe(1);
    const saved = (await records()).find((row) => row.fields.ownerIdNumber === permit!.passport)!;
    expect(saved.fields).toMatchObject({
      ownerIdKind: 'passport',
      ownerNationality: permit!.nationality,
      resultType: 'licence',
    });
    await page.getByTestId('main-nav').getByText('Tra cứu').click();
    await page.getByTestId('lookup-query').locator('input').fill(permit!.passport!.toLowerCase());
    const rows = page.getByTestId('lookup-results').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 5_000 }).toBe(1);
    expect(await rows.first().innerText()).toContain(permit!.foreignName);
  });

  it('takes a three-page record from scan to saved in at most 6 clicks and no keystroke', async () => {
    await page.getByTestId('main-nav').getByText('Quét').click();
    await page.getByTestId('scan-start').waitFor();
    // Counted from here: every click and key the page receives, as the clerk gives them.
    await page.evaluate(() => {
      const counts = { clicks: 0, keys: 0 };
      (window as unknown as { clerkInput: typeof counts }).clerkInput = counts;
      window.addEventListener('click', (event) => event.isTrusted && (counts.clicks += 1), true);
      window.addEventListener('keydown', (event) => event.isTrusted && (counts.keys += 1), true);
    });
    const started = Date.now();
    // The decision was indexed: the next scan starts a new record by itself.
    for (const count of [1, 2, 3]) await scanOnce(count);
    await page.getByTestId('main-nav').getByText('Lập chỉ mục').click();
    await expect
      .poll(() => page.getByTestId('suggestion-ownerName').innerText(), { timeout: 90_000 })
      .toContain(certificate!.school);
    // The annex belongs to the certificate: no second document.
    expect(await page.getByTestId('more-documents').count()).toBe(0);
    await expect.poll(() => page.getByTestId('ocr-running').count(), { timeout: 60_000 }).toBe(0);
    await page.getByTestId('accept-all').click();
    await page.getByTestId('indexing-save').click();
    await expect.poll(() => page.getByTestId('record-code').count(), { timeout: 10_000 }).toBe(1);
    const seconds = (Date.now() - started) / 1000;
    const input = await page.evaluate(
      () => (window as unknown as { clerkInput: { clicks: number; keys: number } }).clerkInput,
    );
    console.log(
      `clerk time, 3-page record scan to saved: ${input.clicks} clicks, ${input.keys} keystrokes, ${seconds.toFixed(1)} s`,
    );
    await screenshot(page, '14d-indexing-three-pages-saved');
    // A record of several pages fits the laptop's screen too (its page buttons share the
    // zoom tools' row), and the form's actions stay on one line.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);
    const save = (await page.getByTestId('indexing-save').boundingBox())!;
    const next = (await page.getByTestId('indexing-next').boundingBox())!;
    expect(Math.abs(next.y - save.y)).toBeLessThan(4);
    expect(input.clicks).toBeLessThanOrEqual(6);
    expect(input.keys).toBe(0);
    const saved = (await records()).find((row) => row.fields.ownerName === certificate!.school)!;
    expect(saved.fields).toMatchObject({
      ownerKind: 'organisation',
      ownerTaxCode: certificate!.taxCode,
      resultType: 'certificate',
      documentNumber: `${certificate!.number}/GCNĐKHĐ-SLĐTBXH`,
    });
    expect(saved.fields.ownerIdNumber).toBeUndefined();
    expect(await pagesOf(saved.id)).toBe(3);
  });
});
