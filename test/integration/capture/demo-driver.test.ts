import sharp from 'sharp';
import { makeTempDir } from '../../support/temp-dir';
import { describe, expect, it } from 'vitest';
import { createDemoDriver } from '../../../src-main/capture/demo/demo-driver';
import { demoStack, sheetData } from '../../../src-main/capture/demo/demo-documents';
import { processPage } from '../../../src-main/imaging/process-page';
import { defaultSettings } from '../../../src-shared/domain/settings';
import { collect } from '../../support/sane';

const workDir = () => makeTempDir('sohoa-demo-').path;
const settings = defaultSettings().capture;

describe('the demo scanner', () => {
  it('is listed as a clearly labelled simulation', async () => {
    const devices = await createDemoDriver().listDevices();
    expect(devices.map((device) => device.id)).toEqual(['demo:standard', 'demo:jam', 'demo:archive']);
    expect(devices.every((device) => /mô phỏng/.test(device.model))).toBe(true);
  });

  it('feeds a 10-sheet stack of A4 documents at the requested resolution, one page at a time', async () => {
    const driver = createDemoDriver();
    const { pages, failure } = await collect(
      driver.scan({ deviceId: 'demo:standard', source: 'adf', dpi: 150, mode: 'color' }, workDir()),
    );
    expect(failure).toBeNull();
    expect(pages.map((page) => page.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const first = await sharp(pages[0]!.path).metadata();
    // A4 at 150 dpi: 210 mm × 297 mm.
    expect(first).toMatchObject({ format: 'png', width: 1240, height: 1754 });
    const processed = await processPage(pages[0]!.path, { scannerDpi: 150, settings });
    expect(processed).toMatchObject({ dpi: 150, blank: false, lowDpi: true });
  });

  it('gives duplex backs that page processing flags as blank', async () => {
    const driver = createDemoDriver();
    const { pages } = await collect(
      driver.scan(
        { deviceId: 'demo:standard', source: 'duplex', dpi: 100, mode: 'gray', maxPages: 2 },
        workDir(),
      ),
    );
    expect(pages).toHaveLength(4);
    const blanks = await Promise.all(
      pages.map(async (page) => (await processPage(page.path, { scannerDpi: 100, settings })).blank),
    );
    expect(blanks).toEqual([false, true, false, true]);
  });

  it("takes the stack's next page at each scan of the glass, as a clerk lays a dossier's pages on it", async () => {
    const driver = createDemoDriver();
    const options = {
      deviceId: 'demo:standard',
      source: 'flatbed' as const,
      dpi: 150,
      mode: 'color' as const,
    };
    const scans = [];
    for (let scan = 0; scan < 3; scan += 1) scans.push(await collect(driver.scan(options, workDir())));
    expect(scans.map((scan) => scan.pages.length)).toEqual([1, 1, 1]);
    // Each is the stack's page in turn, as rendered from its template (not the first page again).
    const pixels = (path: string) => sharp(path).raw().toBuffer();
    const stack = demoStack(0, 3);
    for (const [index, scan] of scans.entries()) {
      const expected = await sharp(Buffer.from(stack[index]!.svg), { density: 150 }).raw().toBuffer();
      expect((await pixels(scan.pages[0]!.path)).equals(expected)).toBe(true);
    }
    expect(stack.map((page) => `${page.kind} ${page.page}`)).toEqual(['decision 1', 'permit 1', 'permit 2']);
  });

  it('jams on the training device at sheet 4, and the next scan feeds the sheets left', async () => {
    const driver = createDemoDriver();
    const options = { deviceId: 'demo:jam', source: 'adf' as const, dpi: 75, mode: 'color' as const };
    const jammed = await collect(driver.scan(options, workDir()));
    expect(jammed.pages).toHaveLength(3);
    expect(jammed.failure).toMatchObject({ code: 'capture.paperJam' });
    const resumed = await collect(driver.scan(options, workDir()));
    expect(resumed).toMatchObject({ failure: null });
    expect(resumed.pages).toHaveLength(7);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const driver = createDemoDriver();
    const pages: string[] = [];
    let failure: unknown = null;
    try {
      for await (const page of driver.scan(
        { deviceId: 'demo:standard', source: 'adf', dpi: 75, mode: 'color' },
        workDir(),
        controller.signal,
      )) {
        pages.push(page.path);
        controller.abort();
      }
    } catch (error) {
      failure = error;
    }
    expect(pages).toHaveLength(1);
    expect(failure).toMatchObject({ code: 'capture.cancelled' });
  });

  it('makes well-formed data: 12-digit IDs of Đồng Tháp agreeing with sex and year of birth', () => {
    for (let serial = 0; serial < 50; serial += 1) {
      const data = sheetData(serial);
      const year = Number(data.birthDate!.slice(-4));
      expect(data.idNumber).toMatch(/^087[01]\d{8}$/);
      expect(data.idNumber!.slice(4, 6)).toBe(String(year % 100).padStart(2, '0'));
      expect(year).toBeGreaterThanOrEqual(1950);
    }
  });
});
