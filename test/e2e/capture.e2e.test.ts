import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../support/built-app';
import { screenshot } from '../support/chromium';
import { requireSaneTestBackend, slowSaneConfig } from '../support/sane';
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

describe('capture in Chromium: a slow scanner shows how far it has read the page it is on', () => {
  const dir = makeTempDir('sohoa-e2e-capture-slow-');
  const sane = makeTempDir('sohoa-e2e-sane-');
  let station: Awaited<ReturnType<typeof openAsClerk>>;
  let page: Page;

  beforeAll(async () => {
    requireBuild();
    requireSaneTestBackend();
    // About 60 reads a page at 100 dpi: some 3 s a page (scanimage alone, measured).
    station = await openAsClerk(dir.path, undefined, { env: slowSaneConfig(sane.path, 100_000) });
    page = station.page;
  });
  afterAll(async () => {
    await station?.close();
    dir.remove();
    sane.remove();
  });

  it('shows the page being read and its share, moving on page by page, until stopped', async () => {
    await expect
      .poll(() => page.getByTestId('scan-device').innerText(), { timeout: 20_000 })
      .toContain('sane:test:0');
    await page.getByTestId('scan-dpi').fill('100');
    await page.getByTestId('scan-start').click();
    const reading = page.getByTestId('scan-reading');
    const shown = async () => (await reading.innerText()).replace(/\s+/g, ' ');
    await expect.poll(shown).toMatch(/^Đang quét trang 1 của lượt này [1-9]\d?%$/);
    // The bar moves as the page goes through.
    const seen = await shown();
    await expect.poll(shown).not.toBe(seen);
    await screenshot(page, '07b-scan-reading');
    // The first page is stored while the second goes through.
    await expect
      .poll(() => reading.innerText(), { timeout: 20_000 })
      .toContain('Đang quét trang 2 của lượt này');
    await expect.poll(() => page.getByTestId('page-thumb').count()).toBe(1);
    await page.getByTestId('scan-stop').click();
    await expect.poll(() => page.getByTestId('scan-start').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await reading.count()).toBe(0);
    expect(await page.getByTestId('page-thumb').count()).toBeGreaterThanOrEqual(1);
  });
});
