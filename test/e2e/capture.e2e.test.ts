import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../support/built-app';
import { screenshot } from '../support/chromium';
import { requireSaneTestBackend } from '../support/sane';
import { countStore } from '../support/station-page';
import { openAsClerk } from '../support/station-setup';
import { makeTempDir } from '../support/temp-dir';

const thumbnailIndexes = (page: Page) =>
  page
    .getByTestId('page-thumb')
    .evaluateAll((cards) => cards.map((card) => Number(card.getAttribute('data-index'))));

describe('capture in Chromium: SANE test device → IndexedDB → thumbnails', () => {
  const dir = makeTempDir('sohoa-e2e-capture-');
  let station: Awaited<ReturnType<typeof openAsClerk>>;
  let page: Page;

  beforeAll(async () => {
    requireBuild();
    requireSaneTestBackend();
    station = await openAsClerk(dir.path);
    page = station.page;
  });
  afterAll(async () => {
    await station?.close();
    dir.remove();
  });

  it('scans a 10-sheet ADF batch and shows 10 thumbnails as the pages are stored', async () => {
    await expect
      .poll(() => page.getByTestId('scan-device').innerText(), { timeout: 20_000 })
      .toContain('sane:test:0');
    await expect.poll(() => page.getByTestId('scan-source').innerText()).toBe('Khay nạp (ADF)');
    await page.getByTestId('scan-dpi').fill('100');
    await page.getByTestId('scan-start').click();
    await expect.poll(() => page.getByTestId('page-thumb').count(), { timeout: 30_000 }).toBe(10);
    await expect.poll(() => page.getByTestId('scan-count').innerText()).toBe('10 trang');
    expect(await thumbnailIndexes(page)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await expect.poll(() => page.getByTestId('scan-start').innerText()).toBe('Quét');
    await screenshot(page, '07-scan-10-pages');
  });

  it('still has the 10 pages, in order, after a reload', async () => {
    await page.reload();
    await expect.poll(() => page.getByTestId('page-thumb').count(), { timeout: 20_000 }).toBe(10);
    expect(await thumbnailIndexes(page)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const stored = await countStore(page, 'pages');
    expect(stored).toBe(10);
  });
});
