import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStack } from '../../../src-main/capture/demo/demo-documents';
import { processPage } from '../../../src-main/imaging/process-page';
import { skewOf } from '../../../src-main/ocr/deskew';
import { greymap } from '../../../src-main/ocr/greymap';
import { createOcrPool } from '../../../src-main/ocr/ocr-pool';
import { checkPdfA } from '../../../src-main/pdf/pdfa-check';
import { cleanUpPage } from '../../../src-main/pdf/page-clean-up';
import { buildRecordPdf, type RecordPdfPage } from '../../../src-main/pdf/record-pdf';
import { silentLogger } from '../../../src-main/platform/logger';
import { createStationServices } from '../../../src-main/services/station-services';
import { defaultSettings, signingSettingsSchema } from '../../../src-shared/domain/settings';
import type { OcrWord } from '../../../src-shared/ocr/ocr-page';
import { tool } from '../../support/poppler';
import { makeTempDir } from '../../support/temp-dir';
import { createTestPki, P12_PASSWORD } from '../../support/test-pki';

const DPI = 200;
const RENDER_DPI = 100;
const SKEW = 2;
const CLEAN_UP = { jpegQuality: 85 };

/** The demo decision as a tired scanner gives it: yellowed paper, a red seal, fed 2° askew over a black backing. */
async function askewScan(svg: string): Promise<Buffer> {
  const page = await sharp(Buffer.from(svg), { density: DPI })
    .flatten({ background: 'white' })
    .png()
    .toBuffer();
  const { width, height } = await sharp(page).metadata();
  const seal = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<circle cx="${width * 0.7}" cy="${height * 0.78}" r="150" fill="none" stroke="#d8261f" stroke-width="14"/></svg>`,
  );
  const yellowed = await sharp(page)
    .composite([{ input: seal }])
    .linear([0.98, 0.94, 0.8], [0, 0, 0])
    .png()
    .toBuffer();
  const turned = await sharp(yellowed)
    .rotate(SKEW, { background: '#181818' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(turned.data, { raw: turned.info })
    .extract({
      left: Math.round((turned.info.width - width) / 2),
      top: Math.round((turned.info.height - height) / 2),
      width,
      height,
    })
    .withMetadata({ density: DPI })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** Page 1 of a PDF as poppler draws it, RGB. */
async function rendered(dir: string, name: string) {
  const out = join(dir, `${name}-render`);
  await tool('pdftoppm', [
    '-r',
    String(RENDER_DPI),
    '-f',
    '1',
    '-l',
    '1',
    '-png',
    '-singlefile',
    join(dir, `${name}.pdf`),
    out,
  ]);
  return sharp(readFileSync(`${out}.png`))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
}

type Render = Awaited<ReturnType<typeof rendered>>;

/** The skew of a page as poppler drew it, as OCR measures skew. */
const skewIn = async (render: Render) =>
  skewOf(await greymap(await sharp(render.data, { raw: render.info }).png().toBuffer()));

/** Mean of one channel over a box of the render, in render pixels. */
function meanOf(
  render: Render,
  channel: number,
  box: { x: number; y: number; width: number; height: number },
) {
  let sum = 0;
  for (let y = box.y; y < box.y + box.height; y++)
    for (let x = box.x; x < box.x + box.width; x++)
      sum += render.data[(y * render.info.width + x) * 3 + channel]!;
  return sum / (box.width * box.height);
}

/**
 * The share of words of four letters or more, far out from the page's centre (where a box left
 * unturned would be off its line), whose box holds ink centred in it: OCR's boxes are tight.
 */
async function alignedShare(image: Uint8Array, words: readonly OcrWord[]) {
  const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
  const far = words.filter(
    (word) =>
      word.text.length >= 4 &&
      Math.abs((word.bbox.x0 + word.bbox.x1) / 2 - info.width / 2) > info.width * 0.25,
  );
  const aligned = far.filter(({ bbox }) => {
    let [ink, sumY] = [0, 0];
    for (let y = Math.max(0, bbox.y0); y < Math.min(info.height, bbox.y1); y++)
      for (let x = Math.max(0, bbox.x0); x < Math.min(info.width, bbox.x1); x++)
        if (data[y * info.width + x]! < 110) [ink, sumY] = [ink + 1, sumY + y];
    const area = (bbox.x1 - bbox.x0) * (bbox.y1 - bbox.y0);
    return ink > area * 0.1 && Math.abs(sumY / ink - (bbox.y0 + bbox.y1) / 2) < (bbox.y1 - bbox.y0) / 4;
  });
  return { count: far.length, share: aligned.length / far.length };
}

describe('clean-up in the PDF, when the administrator turns it on', () => {
  const dir = makeTempDir('sohoa-pdf-clean-');
  const pool = createOcrPool({
    settings: () => ({ engine: 'auto', workers: 1 }),
    cacheDir: dir.path,
    log: silentLogger,
  });
  const [decision] = demoStack(0, 1);
  let page: RecordPdfPage;
  let scanned: Render;
  let cleaned: Render;

  beforeAll(async () => {
    const jpeg = await askewScan(decision!.svg);
    page = { image: jpeg, mimeType: 'image/jpeg', dpi: DPI, rotation: 0, ocr: await pool.recognize(jpeg) };
    const meta = { code: 'H20.10-001-2026-000009-X', fields: {} };
    writeFileSync(join(dir.path, 'scanned.pdf'), await buildRecordPdf([page], meta));
    writeFileSync(join(dir.path, 'cleaned.pdf'), await buildRecordPdf([page], meta, { cleanUp: CLEAN_UP }));
    [scanned, cleaned] = await Promise.all([rendered(dir.path, 'scanned'), rendered(dir.path, 'cleaned')]);
  }, 180_000);
  afterAll(async () => {
    await pool.close();
    dir.remove();
  });

  it('shows the page turned level, by the skew OCR read it at', async () => {
    expect(page.ocr!.skew).toBeCloseTo(SKEW, 0);
    expect(await skewIn(scanned)).toBeCloseTo(SKEW, 0);
    expect(Math.abs(await skewIn(cleaned))).toBeLessThan(0.3);
  });

  it("whitens the scanner's black corners and the yellowed paper, and keeps the red seal red", () => {
    const corner = { x: 2, y: 2, width: 12, height: 12 };
    expect(meanOf(scanned, 1, corner)).toBeLessThan(60);
    expect(meanOf(cleaned, 1, corner)).toBeGreaterThan(245);
    // The left margin, half way down: yellow (blue well below red) as scanned, white cleaned.
    const margin = { x: 40, y: Math.round(cleaned.info.height / 2), width: 20, height: 40 };
    expect(meanOf(scanned, 2, margin)).toBeLessThan(215);
    for (const channel of [0, 1, 2]) expect(meanOf(cleaned, channel, margin)).toBeGreaterThan(245);
    const reds = (render: Render) => {
      let count = 0;
      for (let at = 0; at < render.data.length; at += 3)
        if (render.data[at]! > 150 && render.data[at + 1]! < 90 && render.data[at + 2]! < 90) count += 1;
      return count;
    };
    expect(reds(scanned)).toBeGreaterThan(2000);
    expect(reds(cleaned)).toBeGreaterThan(reds(scanned) * 0.8);
  });

  it('moves the text layer with the page: every word still lies on its own ink', async () => {
    const clean = await cleanUpPage(page, CLEAN_UP);
    const levelled = await alignedShare(clean.image, clean.ocr!.words);
    expect(levelled.count).toBeGreaterThan(15);
    expect(levelled.share).toBeGreaterThan(0.9);
    // As read on the page as scanned they lay on its ink, and on the levelled page they would not.
    expect((await alignedShare(page.image, page.ocr!.words)).share).toBeGreaterThan(0.9);
    expect((await alignedShare(clean.image, page.ocr!.words)).share).toBeLessThan(0.5);
    // The PDF's text layer is built from them: its words are found, with their marks.
    const text = (await tool('pdftotext', ['-f', '1', '-l', '1', join(dir.path, 'cleaned.pdf'), '-'])).out;
    expect(text).toContain('QUYẾT ĐỊNH');
    expect(text).toContain(decision!.data.name);
  });

  it('keeps a level page on white paper byte for byte: there is nothing to clean', async () => {
    const level = await sharp(Buffer.from(decision!.svg), { density: DPI })
      .flatten({ background: 'white' })
      .jpeg({ quality: 85 })
      .toBuffer();
    const kept = await cleanUpPage({ image: level, mimeType: 'image/jpeg', dpi: DPI, rotation: 0 }, CLEAN_UP);
    expect(kept.image).toBe(level);
  });

  it('stays a PDF/A-2b file, its JPEG a JPEG at the same size, a bitonal page at one bit per pixel', async () => {
    const path = join(dir.path, 'cleaned.pdf');
    expect(await checkPdfA(path, readFileSync(path))).toEqual([]);
    const bitonal = await processPage(page.image as Buffer, {
      mode: 'bitonal',
      settings: defaultSettings().capture,
    });
    const mixed = join(dir.path, 'mixed.pdf');
    writeFileSync(
      mixed,
      await buildRecordPdf(
        [page, { image: bitonal.image, mimeType: 'image/png', dpi: bitonal.dpi, rotation: 0 }],
        { code: 'X', fields: {} },
        { cleanUp: CLEAN_UP },
      ),
    );
    const list = (await tool('pdfimages', ['-list', mixed])).out.split('\n').slice(2, 4);
    const [jpegRow, pngRow] = list.map((row) => row.trim().split(/\s+/));
    const { width, height } = await sharp(page.image).metadata();
    expect(jpegRow!.slice(3, 9)).toEqual([String(width), String(height), 'rgb', '3', '8', 'jpeg']);
    expect(pngRow!.slice(6, 8)).toEqual(['1', '1']);
  });
});

describe("the administrator's switch, as the station signs a record", () => {
  const dir = makeTempDir('sohoa-pdf-switch-');
  afterAll(() => dir.remove());

  it('cleans up the signed file only while the switch is on', async () => {
    const pki = createTestPki(dir.path);
    const services = createStationServices({ dataDir: dir.path });
    services.settings.update({
      signing: signingSettingsSchema.parse({
        method: 'pkcs12',
        pkcs12File: pki.agency.p12Path,
        trustDir: pki.trustDir,
      }),
    });
    await services.signing.unlock(P12_PASSWORD);
    const [decision] = demoStack(0, 1);
    // A page OCR has not read: its skew is measured as the PDF is made.
    const page: RecordPdfPage = {
      image: await askewScan(decision!.svg),
      mimeType: 'image/jpeg',
      dpi: DPI,
      rotation: 0,
    };
    const signedSkew = async (name: string) => {
      const { jobId } = services.finalizeJobs.begin('clerk', { code: name, fields: {} }, 1);
      services.finalizeJobs.page(jobId, 'clerk', 0, page);
      await services.finalizeJobs.finish(jobId, 'clerk');
      const parts: Buffer[] = [];
      for (let done = false, offset = 0; !done;) {
        const chunk = services.finalizeJobs.read(jobId, 'clerk', offset);
        parts.push(chunk.data);
        offset += chunk.data.length;
        done = chunk.done;
      }
      writeFileSync(join(dir.path, `${name}.pdf`), Buffer.concat(parts));
      return skewIn(await rendered(dir.path, name));
    };
    expect(await signedSkew('off')).toBeCloseTo(SKEW, 0);
    services.settings.update({ ocr: { ...services.settings.get().ocr, cleanUpPdf: true } });
    expect(Math.abs(await signedSkew('on'))).toBeLessThan(0.3);
    await services.signing.lock();
  }, 60_000);
});
