import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../support/built-app';
import { screenshot } from '../support/chromium';
import { vietnamesePage } from '../support/page-images';
import { pickOption } from '../support/station-page';
import { openAsClerk } from '../support/station-setup';
import { makeTempDir } from '../support/temp-dir';

const pageIds = (page: Page) =>
  page
    .getByTestId('page-thumb')
    .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-page-id')));
const recordPages = (page: Page) =>
  page
    .getByTestId('record-item')
    .evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-pages'))));

describe('capture in Chromium: jam and resume, page editing, import and the hot folder', () => {
  const dir = makeTempDir('sohoa-e2e-edit-');
  const hotFolder = makeTempDir('sohoa-e2e-hot-');
  const files = makeTempDir('sohoa-e2e-files-');
  let station: Awaited<ReturnType<typeof openAsClerk>>;
  let page: Page;

  beforeAll(async () => {
    requireBuild();
    station = await openAsClerk(dir.path, ({ capture }) => ({
      capture: { ...capture, hotFolder: hotFolder.path, hotFolderStableMs: 300 },
    }));
    page = station.page;
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await screenshot(page, `failed-capture-${task.name.slice(0, 40)}`);
  });
  afterAll(async () => {
    await station?.close();
    for (const each of [dir, hotFolder, files]) each.remove();
  });

  it('pauses on a paper jam with the pages kept, and resumes into the same record', async () => {
    await expect
      .poll(() => page.getByTestId('scan-device').innerText(), { timeout: 20_000 })
      .toContain('sane');
    await pickOption(page, 'scan-device', 'kẹt giấy');
    await page.getByTestId('scan-dpi').fill('150');
    await page.getByTestId('scan-start').click();
    await expect
      .poll(() => page.getByTestId('scan-problem').innerText(), { timeout: 30_000 })
      .toMatch(/^Kẹt giấy/);
    expect(await page.getByTestId('page-thumb').count()).toBe(3);
    expect(await page.getByTestId('scan-start').innerText()).toBe('Tiếp tục quét vào hồ sơ này');
    await screenshot(page, '08-scan-paper-jam');

    await page.getByTestId('scan-start').click();
    await expect.poll(() => page.getByTestId('page-thumb').count(), { timeout: 30_000 }).toBe(10);
    await expect.poll(() => page.getByTestId('scan-problem').count()).toBe(0);
    await expect.poll(() => recordPages(page), { timeout: 15_000 }).toEqual([10]);
  });

  it('turns, removes, moves, splits and merges pages, and keeps it all across a reload', async () => {
    const before = await pageIds(page);
    await page.getByTestId('page-thumb').nth(0).getByTestId('page-rotate-right').click();
    await expect.poll(() => page.getByTestId('page-thumb').nth(0).getAttribute('data-rotation')).toBe('90');

    await page.getByTestId('page-thumb').nth(9).getByTestId('page-delete').click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Có' }).click();
    await expect.poll(() => page.getByTestId('page-thumb').count()).toBe(9);

    // Drag the first page onto the third: it takes the third's place.
    await page.getByTestId('page-thumb').nth(0).dragTo(page.getByTestId('page-thumb').nth(2));
    await expect.poll(() => pageIds(page)).toEqual([before[1], before[2], before[0], ...before.slice(3, 9)]);

    await page.getByTestId('page-thumb').nth(4).getByTestId('page-split').click();
    await expect.poll(() => recordPages(page), { timeout: 15_000 }).toEqual([4, 5]);
    await screenshot(page, '09-scan-split-record');

    await page.getByTestId('record-item').nth(1).getByTestId('record-merge').click();
    // Under load (OCR reading the pages re-renders the list), a click on the confirm button
    // can land as the popover re-renders and be lost; press it again while it is still open.
    const confirm = page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Có' });
    await expect
      .poll(
        async () => {
          if (await confirm.isVisible()) await confirm.click({ timeout: 2_000 }).catch(() => undefined);
          return recordPages(page);
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toEqual([9]);

    await page.reload();
    await expect.poll(() => page.getByTestId('page-thumb').count(), { timeout: 20_000 }).toBe(9);
    expect(await pageIds(page)).toEqual([before[1], before[2], before[0], ...before.slice(3, 9)]);
    expect(await page.getByTestId('page-thumb').nth(2).getAttribute('data-rotation')).toBe('90');
  });

  it('imports picked files into a new record, each bad file with its reason in Vietnamese', async () => {
    const jpeg = await sharp(await vietnamesePage(200, ['GIẤY CHỨNG NHẬN']))
      .withDensity(200)
      .jpeg()
      .toBuffer();
    writeFileSync(join(files.path, 'giay-chung-nhan.jpg'), jpeg);
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.TimesRoman);
    for (const line of ['Quyet dinh 49/QD-SLDTBXH', 'Trang 2']) {
      pdf.addPage([595, 842]).drawText(line, { x: 72, y: 760, size: 16, font });
    }
    writeFileSync(join(files.path, 'quyet-dinh.pdf'), await pdf.save());
    writeFileSync(join(files.path, 'rong.jpg'), Buffer.alloc(0));
    writeFileSync(join(files.path, 'ghi-chu.jpg'), 'không phải ảnh');

    await page.getByRole('button', { name: /Hồ sơ mới/ }).click();
    await expect.poll(() => recordPages(page), { timeout: 15_000 }).toEqual([9, 0]);
    await page
      .getByTestId('import-input')
      .setInputFiles(
        ['giay-chung-nhan.jpg', 'rong.jpg', 'quyet-dinh.pdf', 'ghi-chu.jpg'].map((name) =>
          join(files.path, name),
        ),
      );
    await expect.poll(() => page.getByTestId('page-thumb').count(), { timeout: 30_000 }).toBe(3);
    await expect
      .poll(() => page.getByTestId('import-problems').innerText(), { timeout: 20_000 })
      .toContain('ghi-chu.jpg: Không');
    const problems = await page.getByTestId('import-problems').innerText();
    expect(problems).toContain('rong.jpg: Tệp rỗng (0 byte)');
    expect(problems).toContain('ghi-chu.jpg: Không nhận dạng được tệp');
    expect(await page.getByTestId('record-original').innerText()).toBe(
      'PDF gốc được giữ nguyên: quyet-dinh.pdf',
    );

    // A file dropped on the pages joins the same record.
    const dataTransfer = await page.evaluateHandle(async (base64) => {
      const transfer = new DataTransfer();
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], 'keo-tha.jpg', { type: 'image/jpeg' }));
      return transfer;
    }, jpeg.toString('base64'));
    await page.getByTestId('page-drop-zone').dispatchEvent('drop', { dataTransfer });
    await expect.poll(() => page.getByTestId('page-thumb').count(), { timeout: 30_000 }).toBe(4);
    await screenshot(page, '10-scan-import');
  });

  it('takes a file the copier drops into the hot folder into a record of its own', async () => {
    writeFileSync(join(hotFolder.path, 'may-photo-0001.png'), await vietnamesePage(200, ['QUYẾT ĐỊNH']));
    await expect
      .poll(() => page.getByTestId('record-list').innerText(), { timeout: 30_000 })
      .toContain('may-photo-0001.png');
    await expect.poll(() => recordPages(page), { timeout: 20_000 }).toEqual([9, 4, 1]);
  });
});
