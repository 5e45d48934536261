import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../support/built-app';
import { screenshot } from '../support/chromium';
import { vietnamesePage } from '../support/page-images';
import { tool } from '../support/poppler';
import { readStore } from '../support/station-page';
import { openAsClerk } from '../support/station-setup';
import { scanOfPdfPage } from '../support/sheet-scans';
import { makeTempDir } from '../support/temp-dir';

const recordPages = (page: Page) =>
  page
    .getByTestId('record-item')
    .evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-pages'))));

/** A range copied from the office's Excel list: tab-separated, Vietnamese column names. */
const PASTED = [
  'Họ và tên\tSố định danh\tSố văn bản\tMã thủ tục\tHộp',
  'Trần Văn Bình\t087095000123\t946/QĐ-SLĐTBXH\t1.001257\tH-0007',
  'Lê Thị Hoa\t087190004567\t12/QĐ-SLĐTBXH\t\tH-0007',
].join('\n');

describe('cover sheets in Chromium: printed from a pasted list, scanned on top of their dossiers', () => {
  const dir = makeTempDir('sohoa-e2e-sheets-');
  const files = makeTempDir('sohoa-e2e-sheets-files-');
  let station: Awaited<ReturnType<typeof openAsClerk>>;
  let page: Page;

  beforeAll(async () => {
    requireBuild();
    station = await openAsClerk(dir.path);
    page = station.page;
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await screenshot(page, `failed-sheets-${task.name.slice(0, 40)}`);
  });
  afterAll(async () => {
    await station?.close();
    dir.remove();
    files.remove();
  });

  let pdfPath: string;

  it('refuses a list with a bad line, then prints a cover per dossier and a separator', async () => {
    await page.getByTestId('sheets-open').click();
    await page.getByTestId('sheets-list').fill(`${PASTED}\nNguyễn Văn Sai\t12345\t\t\t`);
    await page.getByTestId('sheets-print').click();
    await expect
      .poll(() => page.getByTestId('sheets-problems').innerText())
      .toContain('Dòng 4: Số định danh cá nhân không phải số định danh (12 hoặc 9 chữ số) hay số hộ chiếu.');
    await screenshot(page, '40-sheets-problems');

    await page.getByTestId('sheets-list').fill(PASTED);
    await page.getByTestId('sheets-separators').fill('1');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('sheets-print').click(),
    ]);
    pdfPath = join(files.path, 'to-bia.pdf');
    await download.saveAs(pdfPath);
    expect(download.suggestedFilename()).toMatch(/^to-bia-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect((await tool('pdfinfo', [pdfPath])).out).toMatch(/Pages:\s+3/);
    const text = (await tool('pdftotext', ['-layout', pdfPath, '-'])).out;
    expect(text).toContain('Trần Văn Bình');
    expect(text).toContain('Lê Thị Hoa');
  });

  it('splits the scanned stack at its sheets; each covered record opens with its cover’s fields', async () => {
    const pdf = readFileSync(pdfPath);
    const sheet = (number: number) => scanOfPdfPage(pdf, number, { dpi: 150, mode: 'gray', skew: 2 });
    const doc = (title: string) => vietnamesePage(150, ['SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI', title]);
    const stack = [
      await sheet(1),
      await doc('Quyết định 946/QĐ-SLĐTBXH'),
      await doc('Trang 2'),
      await sheet(2),
      await doc('Quyết định 12/QĐ-SLĐTBXH'),
      await sheet(3),
      await doc('Giấy xác nhận'),
    ];
    const frames = await Promise.all(stack.map((image) => sharp(image).resize(1240, 1754).png().toBuffer()));
    const tiff = join(files.path, 'chong-ho-so.tif');
    writeFileSync(
      tiff,
      await sharp(frames, { join: { animated: true } })
        .withMetadata({ density: 150 })
        .tiff({ compression: 'lzw' })
        .toBuffer(),
    );
    await page.getByTestId('import-input').setInputFiles(tiff);
    await expect.poll(() => recordPages(page), { timeout: 90_000 }).toEqual([2, 1, 1]);
    await screenshot(page, '41-sheets-stack-split');

    type Row = { fields: Record<string, string>; coverReference?: string; procedureCode?: string };
    const records = await readStore<Row>(page, 'records');
    const covered = records.filter((record) => record.coverReference);
    expect(covered.map((record) => record.fields.ownerName).sort()).toEqual(['Lê Thị Hoa', 'Trần Văn Bình']);
    expect(covered.find((record) => record.fields.ownerName === 'Trần Văn Bình')).toMatchObject({
      procedureCode: '1.001257',
      fields: { ownerIdNumber: '087095000123', documentNumber: '946/QĐ-SLĐTBXH', box: 'H-0007' },
    });
    expect(records.filter((record) => !record.coverReference)).toHaveLength(1);
  });
});
