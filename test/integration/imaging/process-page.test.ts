import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { processPage } from '../../../src-main/imaging/process-page';
import { defaultSettings } from '../../../src-shared/domain/settings';
import { blankPage, pngBombHeader, vietnamesePage } from '../../support/page-images';
import { ADF_COLOR, collect, requireSaneTestBackend, testDriver } from '../../support/sane';
import { makeTempDir } from '../../support/temp-dir';

const settings = defaultSettings().capture;
const DECISION = [
  'ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP',
  'SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI',
  'Số: 49/QĐ-SLĐTBXH',
  'QUYẾT ĐỊNH',
  'Về việc cấp giấy phép lao động cho người nước ngoài',
  'Ông/Bà: Nguyễn Văn Ánh, số định danh cá nhân 087095000123',
];

describe('page processing with sharp', () => {
  let dir: ReturnType<typeof makeTempDir> | undefined;
  beforeAll(requireSaneTestBackend);
  afterEach(() => dir?.remove());

  it('keeps a typed 300-dpi page as a JPEG with its dpi, a thumbnail and the hash of the stored bytes', async () => {
    const page = await processPage(await vietnamesePage(300, DECISION), { mode: 'color', settings });
    expect(page).toMatchObject({
      mimeType: 'image/jpeg',
      widthPx: 2480,
      heightPx: 3508,
      dpi: 300,
      dpiSource: 'image',
    });
    expect(page.lowDpi).toBe(false);
    expect(page.blank).toBe(false);
    expect(page.inkRatio).toBeGreaterThan(settings.blankInkRatio);
    expect(page.sha256).toBe(createHash('sha256').update(page.image).digest('hex'));
    const stored = await sharp(page.image).metadata();
    expect(stored).toMatchObject({ format: 'jpeg', width: 2480, height: 3508, density: 300 });
    expect((await sharp(page.thumbnail).metadata()).width).toBe(settings.thumbnailWidth);
  });

  it('flags a blank sheet and a low-resolution page, and deletes neither', async () => {
    const blank = await processPage(await blankPage(300), { mode: 'gray', settings });
    expect(blank).toMatchObject({ blank: true, lowDpi: false, mimeType: 'image/jpeg' });
    expect(blank.image.length).toBeGreaterThan(0);
    const coarse = await processPage(await vietnamesePage(150, DECISION), { mode: 'gray', settings });
    expect(coarse).toMatchObject({ dpi: 150, lowDpi: true, blank: false });
  });

  it('does not flag a sparse page (a single line of text) as blank', async () => {
    const page = await processPage(await vietnamesePage(300, ['Số: 123/GPLĐ-SLĐTBXH']), {
      mode: 'gray',
      settings,
    });
    expect(page.blank).toBe(false);
  });

  it('keeps bitonal pages lossless', async () => {
    const page = await processPage(await vietnamesePage(300, DECISION), { mode: 'bitonal', settings });
    expect(page.mimeType).toBe('image/png');
    expect(await sharp(page.image).metadata()).toMatchObject({ format: 'png', width: 2480 });
  });

  it('honours the EXIF orientation of a photographed or rotated page', async () => {
    const portrait = await vietnamesePage(200, DECISION);
    const rotatedTag = await sharp(portrait).rotate(-90).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const page = await processPage(rotatedTag, { mode: 'color', scannerDpi: 200, settings });
    expect(page.widthPx).toBeLessThan(page.heightPx);
  });

  it('takes the scanner’s dpi when the file carries none (SANE test pages)', async () => {
    dir = makeTempDir('sohoa-imaging-');
    const { pages } = await collect(testDriver().scan({ ...ADF_COLOR, maxPages: 1, dpi: 300 }, dir.path));
    const page = await processPage(pages[0]!.path, { mode: 'color', scannerDpi: 300, settings });
    expect(page).toMatchObject({ dpi: 300, mimeType: 'image/jpeg', blank: false });
  });

  it('refuses a truncated JPEG and a decompression bomb with typed errors', async () => {
    const whole = await sharp(await vietnamesePage(100, DECISION))
      .jpeg()
      .toBuffer();
    await expect(processPage(whole.subarray(0, whole.length / 2), { settings })).rejects.toMatchObject({
      code: 'imaging.unreadable',
    });
    await expect(processPage(Buffer.alloc(0), { settings })).rejects.toMatchObject({
      code: 'imaging.unreadable',
    });
    await expect(processPage(pngBombHeader(30_000, 30_000), { settings })).rejects.toMatchObject({
      code: 'imaging.tooLarge',
      params: { megapixels: 900 },
    });
  });
});
