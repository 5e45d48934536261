import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveBox, demoDossierCode } from '../../../src-main/capture/demo/archive-stack';
import { createDemoDriver, type DemoDriverOptions } from '../../../src-main/capture/demo/demo-driver';
import { demoStack } from '../../../src-main/capture/demo/demo-documents';
import { withDossierCode } from '../../../src-main/capture/demo/demo-page-codes';
import { processPage } from '../../../src-main/imaging/process-page';
import { closeCodesWorker } from '../../../src-main/imaging/read-page-codes';
import { printSheets, sheetDepsOf } from '../../../src-main/services/prepared-records/print-sheets';
import { createStationServices, demoDriverOptions } from '../../../src-main/services/station-services';
import { defaultSettings } from '../../../src-shared/domain/settings';
import { collect } from '../../support/sane';
import { makeTempDir } from '../../support/temp-dir';

const settings = defaultSettings().capture;
const data = makeTempDir('sohoa-demo-archive-');
const work = makeTempDir('sohoa-demo-archive-work-');
let options: DemoDriverOptions;
let references: string[];

beforeAll(async () => {
  const services = createStationServices({ dataDir: data.path });
  const printed = await printSheets(sheetDepsOf(services), {
    entries: Array.from({ length: 6 }, (_, index) => ({
      ownerName: `Nguyễn Văn ${index + 1}`,
      box: 'H-0001',
    })),
    separators: 0,
    userName: 'Quản trị',
  });
  references = printed.prepared.map((record) => record.reference);
  options = { ...demoDriverOptions(data.path, services), feederFile: join(data.path, 'demo-feeder.json') };
});
afterAll(async () => {
  await closeCodesWorker();
  data.remove();
  work.remove();
});

describe('the demo archive box', () => {
  it('lays the last print’s covers on their dossiers, a separator before every fifth, 200 sheets for 40 covers', () => {
    const box = archiveBox(
      Array.from({ length: 40 }, (_, index) => `COVER${String(index).padStart(5, '0')}`),
    );
    expect(box.sheets).toHaveLength(200);
    expect(box.dossiers).toHaveLength(50);
    expect(box.dossiers.filter((dossier) => dossier.cover === null)).toHaveLength(10);
    expect(box.dossiers.filter((dossier) => dossier.dossierCode)).toHaveLength(3);
    // Every side of a dossier's documents is a page of its record; the sheets' sides are not.
    expect(box.dossiers.reduce((sum, dossier) => sum + dossier.pages, 0)).toBe(2 * 150);
  });

  it('feeds the printed covers, each side marked, and keeps its place across a restart of main', async () => {
    const first = await collect(
      createDemoDriver(options).scan(
        { deviceId: 'demo:archive', source: 'duplex', dpi: 150, mode: 'gray', maxPages: 3 },
        work.path,
      ),
    );
    expect(first.failure).toBeNull();
    expect(first.pages.map((page) => page.side)).toEqual(['front', 'back', 'front']);
    const cover = await processPage(first.pages[0]!.path, { scannerDpi: 150, mode: 'gray', settings });
    expect(cover.sheet).toEqual({ kind: 'cover', reference: references[0] });
    // A new driver, as after a restart of main: the paper is where the last page left it.
    const resumed = await collect(
      createDemoDriver(options).scan(
        { deviceId: 'demo:archive', source: 'duplex', dpi: 150, mode: 'gray', maxPages: 2 },
        work.path,
      ),
    );
    expect(resumed.pages.map((page) => page.side)).toEqual(['back', 'front']);
    const back = await processPage(resumed.pages[0]!.path, { scannerDpi: 150, mode: 'gray', settings });
    expect(back.blank).toBe(true);
  });

  it('prints a recent result’s dossier code as a QR code and a Code 128 that page processing reads', async () => {
    const [decision] = demoStack(0, 1);
    const code = demoDossierCode(40);
    const svg = await withDossierCode(decision!.svg, { dossierCode: code, code128: true });
    const page = await sharp(Buffer.from(svg), { density: 200 }).png().toBuffer();
    const processed = await processPage(page, { scannerDpi: 200, mode: 'gray', settings });
    expect(processed.sheet).toBeNull();
    expect(processed.codes.map((found) => [found.format, found.text]).sort()).toEqual([
      ['Code128', code],
      ['QRCode', code],
    ]);
    // Where each is on the page: the bottom left, below "Nơi nhận".
    for (const found of processed.codes) {
      expect(found.box.x).toBeLessThan(0.5);
      expect(found.box.y).toBeGreaterThan(0.75);
    }
  });
});
