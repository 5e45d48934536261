import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveDossier } from '../../src-main/capture/demo/archive-stack';
import { createStationServices } from '../../src-main/services/station-services';
import type { PreparedRecord } from '../../src-shared/capture/prepared-record';
import { archiveStackFiles } from '../support/archive-stack';
import { requireBuild } from '../support/built-app';
import { launchChromium, screenshot } from '../support/chromium';
import { startHarness, type RunningHarness } from '../support/harness-process';
import { countStore, login, pickOption, readStore } from '../support/station-page';
import { prepareStation } from '../support/station-setup';
import { makeTempDir } from '../support/temp-dir';
import { CLERK } from '../support/users';

/**
 * A district office's archive box through every capture path, in Chromium: 40 dossiers with
 * the cover sheets the station printed, 10 behind generic separators, scanned both sides
 * (blank backs, a licence printed on both sides, a note on a separator's back) with three
 * recent results carrying their own dossier code as a QR code: 200 sheets, 400 sides. As one
 * multi-page TIFF, as a PDF, and fed through the demo scanner with a reload and a crash of
 * main midway, it must give exactly the box's dossiers, in order, with their fields and boxes.
 */
const DPI = 150;
const PROFILE = 'Hộp lưu trữ H-07 – hai mặt';
/** Where the profile says the paper lies; a cover's own box wins. */
const PROFILE_PLACE = { box: 'H-07', shelf: 'K2' };

/** The list pasted from the archive's inventory: 40 dossiers, the second half in box H-08. */
const LIST = [
  'Họ và tên\tSố định danh\tSố văn bản\tHộp',
  ...Array.from({ length: 40 }, (_, index) => {
    const number = index + 1;
    return `Người thứ ${number}\t087${String(90_000_000 + number).padStart(9, '0')}\t${number}/QĐ-SLĐTBXH\t${number <= 20 ? 'H-07' : 'H-08'}`;
  }),
].join('\n');

interface RecordRow {
  id: string;
  createdAt: number;
  coverReference?: string;
  fields: Record<string, unknown>;
}
interface PageRow {
  recordId: string;
  codes?: { format: string; text: string }[];
}

/** What the box should become: each dossier's cover, fields and kept pages, and its dossier code. */
function expected(dossiers: ArchiveDossier[], covers: Map<string, PreparedRecord>) {
  return dossiers.map((dossier) => ({
    cover: dossier.cover,
    fields: { ...PROFILE_PLACE, ...(dossier.cover ? covers.get(dossier.cover)!.fields : {}) },
    pages: dossier.pages,
    dossierCode: dossier.dossierCode ?? null,
  }));
}

/** The records made since `before`, in the order they were made, as `expected` describes them. */
async function recordsSince(page: Page, before: Set<string>) {
  const records = (await readStore<RecordRow>(page, 'records'))
    .filter((record) => !before.has(record.id))
    .sort((a, b) => a.createdAt - b.createdAt);
  const pages = await readStore<PageRow>(page, 'pages');
  return records.map((record) => {
    const own = pages.filter((each) => each.recordId === record.id);
    const code = own.flatMap((each) => each.codes ?? []).find((each) => each.format === 'QRCode');
    return {
      cover: record.coverReference ?? null,
      fields: record.fields,
      pages: own.length,
      dossierCode: code?.text ?? null,
    };
  });
}

const recordIds = async (page: Page) =>
  new Set((await readStore<RecordRow>(page, 'records')).map((r) => r.id));

describe('an archive box of 200 sheets through every capture path', () => {
  const dir = makeTempDir('sohoa-e2e-archive-');
  const files = makeTempDir('sohoa-e2e-archive-files-');
  let harness: RunningHarness;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let stack: Awaited<ReturnType<typeof archiveStackFiles>>;
  let want: ReturnType<typeof expected>;
  const keptPages = () => want.reduce((sum, dossier) => sum + dossier.pages, 0);

  beforeAll(async () => {
    requireBuild();
    await prepareStation(dir.path);
    createStationServices({ dataDir: dir.path }).captureProfiles.save({
      name: PROFILE,
      deviceId: 'demo:archive',
      source: 'duplex',
      dpi: DPI,
      mode: 'gray',
      blankPolicy: 'flag',
      departmentCode: '',
      procedureCode: '',
      ...PROFILE_PLACE,
    });
    harness = await startHarness(dir.path);
    const chromium = await launchChromium();
    closeBrowser = chromium.close;
    page = await chromium.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(harness.url);
    await login(page, CLERK);
    await page.getByTestId('scan-start').waitFor();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await screenshot(page, `failed-archive-${task.name.slice(0, 40)}`);
  });
  afterAll(async () => {
    await closeBrowser?.();
    await harness?.stop();
    dir.remove();
    files.remove();
  });

  it('prints the 40 covers from the pasted inventory and lays the box they cover', async () => {
    await page.getByTestId('sheets-open').click();
    await page.getByTestId('sheets-list').fill(LIST);
    await page.getByTestId('sheets-separators').fill('10');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('sheets-print').click(),
    ]);
    await download.saveAs(join(files.path, 'to-bia.pdf'));
    stack = await archiveStackFiles(dir.path, files.path, DPI);
    want = expected(stack.truth.dossiers, stack.covers);
    expect(stack.truth.sheets).toHaveLength(200);
    expect(stack.sides).toBe(400);
    expect(want.filter((dossier) => dossier.cover)).toHaveLength(40);
    expect(want.filter((dossier) => dossier.dossierCode)).toHaveLength(3);
    await pickOption(page, 'scan-profile', PROFILE);
  }, 600_000);

  const importAndCompare = async (path: string) => {
    const before = await recordIds(page);
    const pagesBefore = await countStore(page, 'pages');
    await page.getByTestId('import-input').setInputFiles(path);
    await expect
      .poll(() => countStore(page, 'pages'), { timeout: 600_000, interval: 2_000 })
      .toBe(pagesBefore + keptPages());
    await expect.poll(() => page.getByTestId('import-progress').count(), { timeout: 60_000 }).toBe(0);
    expect(await recordsSince(page, before)).toEqual(want);
  };

  it('imports the box as one 400-page TIFF: exactly its dossiers, in order, with fields and boxes', async () => {
    await importAndCompare(stack.tiffPath);
    await screenshot(page, '42-archive-stack-split');
  }, 900_000);

  it('imports the box as a PDF of scans: the same dossiers, and no PDF kept whole', async () => {
    const originals = await countStore(page, 'originals');
    await importAndCompare(stack.pdfPath);
    expect(await countStore(page, 'originals')).toBe(originals);
  }, 900_000);

  it('feeds the box through the demo scanner; a reload and a crash of main midway lose nothing and split nothing twice', async () => {
    const before = await recordIds(page);
    const pagesBefore = await countStore(page, 'pages');
    const stored = async () => (await countStore(page, 'pages')) - pagesBefore;
    await page.getByTestId('scan-start').click();
    await expect.poll(stored, { timeout: 300_000, interval: 500 }).toBeGreaterThanOrEqual(70);
    await page.reload();
    await page.getByTestId('scan-start').or(page.getByTestId('scan-stop')).first().waitFor();
    await expect.poll(stored, { timeout: 300_000, interval: 500 }).toBeGreaterThanOrEqual(170);

    // Main dies mid-stack and starts again on the same port (the page keeps its origin and IndexedDB).
    const port = Number(new URL(harness.url).port);
    await harness.crash();
    harness = await startHarness(dir.path, { port });
    await page.goto(harness.url);
    await login(page, CLERK);
    await page.getByTestId('scan-start').waitFor({ timeout: 60_000 });
    // The pages main had taken are handed out; the clerk presses Scan again for the rest of the box.
    await expect.poll(() => page.getByTestId('scan-start').isEnabled(), { timeout: 60_000 }).toBe(true);
    await page.getByTestId('scan-start').click();
    await expect.poll(stored, { timeout: 600_000, interval: 2_000 }).toBe(keptPages());
    await expect.poll(() => page.getByTestId('scan-stop').count(), { timeout: 60_000 }).toBe(0);
    expect(await recordsSince(page, before)).toEqual(want);
    await screenshot(page, '43-archive-stack-scanned');
  }, 1_200_000);

  it('offers a recent result’s dossier code from its QR code, pointing at it, and counts the boxes', async () => {
    const records = await readStore<RecordRow>(page, 'records');
    const pages = await readStore<PageRow & { id: string }>(page, 'pages');
    const coded = pages.find((each) => each.codes?.some((code) => code.format === 'Code128'))!;
    const code = coded.codes!.find((each) => each.format === 'Code128')!.text;
    await page.evaluate((id) => (location.hash = `#/index?record=${id}`), coded.recordId);
    await expect
      .poll(() => page.getByTestId('suggestion-dossierCode').innerText(), { timeout: 30_000 })
      .toMatch(new RegExp(`${code.replace(/\./g, '\\.')}[\\s\\S]*mã vạch, trang \\d`));
    await page.getByTestId('field-dossierCode').click();
    await expect.poll(() => page.getByTestId('page-highlight').count()).toBe(1);
    await screenshot(page, '44-archive-dossier-code');
    await page.getByTestId('accept-dossierCode').click();
    expect(await page.getByTestId('field-dossierCode').inputValue()).toBe(code);

    await page.getByTestId('main-nav').getByText('Thống kê').click();
    const boxes = page.getByTestId('stats-boxes');
    await boxes.scrollIntoViewIfNeeded();
    // Three passes of the box: 20 covered dossiers and the 10 behind separators in H-07 (the
    // profile's), 20 covered in H-08 (their covers'), none digitized yet.
    const rows = await boxes.locator('tbody tr').allInnerTexts();
    expect(
      rows.map((row) =>
        row
          .split('\t')
          .map((cell) => cell.trim())
          .slice(0, 5),
      ),
    ).toEqual([
      ['H-07', 'K2', '90', '90', '0'],
      ['H-08', 'K2', '60', '60', '0'],
    ]);
    expect(records.filter((record) => record.fields.box === 'H-08')).toHaveLength(60);
    await screenshot(page, '45-archive-boxes');
  }, 120_000);
});
