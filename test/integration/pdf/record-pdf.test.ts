import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStack } from '../../../src-main/capture/demo/demo-documents';
import { processPage } from '../../../src-main/imaging/process-page';
import { createOcrPool } from '../../../src-main/ocr/ocr-pool';
import { checkPdfA } from '../../../src-main/pdf/pdfa-check';
import { buildRecordPdf, type RecordPdfPage } from '../../../src-main/pdf/record-pdf';
import { silentLogger } from '../../../src-main/platform/logger';
import { defaultSettings } from '../../../src-shared/domain/settings';
import { AppError } from '../../../src-shared/errors/app-error';
import { tool } from '../../support/poppler';
import { makeTempDir } from '../../support/temp-dir';

const DPI = 200;
const MM_PER_INCH = 25.4;
const run = promisify(execFile);
const captureSettings = defaultSettings().capture;

describe('a record as one PDF/A-2b file with an invisible Vietnamese text layer', () => {
  const dir = makeTempDir('sohoa-pdf-');
  const pool = createOcrPool({
    settings: () => ({ engine: 'auto', workers: 1 }),
    cacheDir: dir.path,
    log: silentLogger,
  });
  const [decision] = demoStack(0, 1);
  const path = join(dir.path, 'record.pdf');
  let pdf: Uint8Array;
  let page: RecordPdfPage;

  beforeAll(async () => {
    const jpeg = await sharp(Buffer.from(decision!.svg), { density: DPI })
      .flatten({ background: 'white' })
      .jpeg({ quality: 85 })
      .toBuffer();
    page = { image: jpeg, mimeType: 'image/jpeg', dpi: DPI, rotation: 0, ocr: await pool.recognize(jpeg) };
    // The same scan again, turned a quarter by the clerk: the text must turn with it.
    pdf = await buildRecordPdf([page, { ...page, rotation: 90 }], {
      code: 'H20.10-001-2026-000001-X',
      fields: {
        resultType: 'decision',
        documentNumber: `${decision!.data.number}/QĐ-SLĐTBXH`,
        ownerName: decision!.data.name,
      },
      procedureName: 'Giải quyết chế độ trợ cấp đối với người có công',
    });
    writeFileSync(path, pdf);
  }, 120_000);
  afterAll(async () => {
    await pool.close();
    dir.remove();
  });

  it('passes our PDF/A check: XMP, OutputIntent, every font embedded, qpdf --check clean', async () => {
    expect(await checkPdfA(path, pdf)).toEqual([]);
    const fonts = await tool('pdffonts', [path]);
    expect(fonts.out).toMatch(/SoHoaGlyphless\s+CID TrueType\s+Identity-H\s+yes/);
    expect((await tool('qpdf', ['--check', path])).code).toBe(0);
  });

  it('has pages at their physical size, turned as the clerk turned them', async () => {
    const info = (await tool('pdfinfo', ['-f', '1', '-l', '2', path])).out;
    const a4 = { width: (210 / MM_PER_INCH) * 72, height: (297 / MM_PER_INCH) * 72 };
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(sizes[0]![0]).toBeCloseTo(a4.width, 0);
    expect(sizes[0]![1]).toBeCloseTo(a4.height, 0);
    expect(sizes[1]![0]).toBeCloseTo(a4.height, 0);
    expect(sizes[1]![1]).toBeCloseTo(a4.width, 0);
    expect(info).toMatch(/Title:\s+Quyết định .*SLĐTBXH – /);
  });

  it('lets pdftotext find the Vietnamese words of the page, with their diacritics, where the image shows them', async () => {
    const text = (await tool('pdftotext', ['-f', '1', '-l', '1', path, '-'])).out;
    expect(text).toContain('QUYẾT ĐỊNH');
    expect(text).toContain(decision!.data.name);
    expect(text).toMatch(/Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc/);

    // Boxes: the word's box from pdftotext equals the OCR box, in points, on both pages.
    const word = page.ocr!.words.find((each) => each.text === 'QUYẾT')!;
    const scale = 72 / DPI;
    const boxes = (await tool('pdftotext', ['-bbox', '-f', '1', '-l', '2', path, '-'])).out;
    const pages = boxes.split('<page ').slice(1);
    const boxOf = (html: string) => {
      const match =
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">QUYẾT<\/word>/.exec(html)!;
      return match.slice(1, 5).map(Number);
    };
    const [x0, , x1, y1] = boxOf(pages[0]!);
    expect(x0).toBeCloseTo(word.bbox.x0 * scale, 0);
    expect(x1).toBeCloseTo(word.bbox.x1 * scale, 0);
    expect(Math.abs(y1! - word.bbox.y1 * scale)).toBeLessThan(4);
    // Turned clockwise: the word now runs down the page, right of where the top of the page was.
    const heightPt = page.ocr!.heightPx * scale;
    const [tx0, ty0, , ty1] = boxOf(pages[1]!);
    expect(ty0).toBeCloseTo(word.bbox.x0 * scale, 0);
    expect(ty1).toBeCloseTo(word.bbox.x1 * scale, 0);
    expect(Math.abs(tx0! - (heightPt - word.bbox.y1 * scale))).toBeLessThan(4);
  });

  it('carries each scan as capture stored it: the JPEG byte for byte, a bitonal page at one bit per pixel', async () => {
    const bitonal = await processPage(Buffer.from(decision!.svg), {
      mode: 'bitonal',
      settings: captureSettings,
    });
    expect(bitonal.mimeType).toBe('image/png');
    const mixed = join(dir.path, 'mixed.pdf');
    // The JPEG as it reaches main from the harness: a view inside a larger message's bytes.
    const message = Buffer.concat([Buffer.alloc(37, 0xab), page.image, Buffer.alloc(11, 0xcd)]);
    const arrived = { ...page, image: message.subarray(37, 37 + page.image.length) };
    writeFileSync(
      mixed,
      await buildRecordPdf(
        [arrived, { image: bitonal.image, mimeType: 'image/png', dpi: bitonal.dpi, rotation: 0 }],
        { code: 'X', fields: {} },
      ),
    );
    expect((await tool('qpdf', ['--check', mixed])).code).toBe(0);
    const list = (await tool('pdfimages', ['-list', mixed])).out.split('\n').slice(2, 4);
    const [jpegRow, pngRow] = list.map((row) => row.trim().split(/\s+/));
    // page num type width height color comp bpc enc interp object ...
    expect(jpegRow!.slice(5, 9)).toEqual(['rgb', '3', '8', 'jpeg']);
    expect(pngRow!.slice(5, 8)).toEqual(['index', '1', '1']);

    // The JPEG under its Flate wrapper is the stored file itself: nothing re-encoded.
    const jpegObject = await run('qpdf', [`--show-object=${jpegRow![10]!}`, '--raw-stream-data', mixed], {
      encoding: 'buffer',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(Buffer.compare(inflateSync(jpegObject.stdout), page.image)).toBe(0);
    const dictionary = (await tool('qpdf', [`--show-object=${jpegRow![10]!}`, mixed])).out;
    expect(dictionary).toContain('/Filter [ /FlateDecode /DCTDecode ]');
    expect(Number(/\/Length (\d+)/.exec(dictionary)![1])).toBeLessThan(page.image.length * 0.95);

    // The bitonal page, drawn out of the PDF, has the very pixels of the stored PNG.
    await tool('pdfimages', ['-png', '-f', '2', '-l', '2', mixed, join(dir.path, 'drawn')]);
    // Two tones each (pdfimages writes the palette's two entries as black and white).
    const pixels = (image: Buffer | string) => sharp(image).greyscale().threshold(128).raw().toBuffer();
    const drawn = await pixels(join(dir.path, 'drawn-000.png'));
    expect(drawn.length).toBe(bitonal.widthPx * bitonal.heightPx);
    expect(Buffer.compare(drawn, await pixels(bitonal.image))).toBe(0);
  });

  it('refuses a record without pages and says which page image is unreadable', async () => {
    await expect(buildRecordPdf([], { code: 'X', fields: {} })).rejects.toMatchObject({
      code: 'pdf.noPages',
    });
    const broken = { ...page, image: Buffer.from('không phải ảnh JPEG') };
    const error = await buildRecordPdf([page, broken], { code: 'X', fields: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'pdf.pageUnreadable', params: { page: 2 } });
  });
});
