import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportedFile } from '../../../src-main/capture/import/import-files';
import { requireBuild } from '../../support/built-app';
import { blankPage, pngBombHeader, vietnamesePage } from '../../support/page-images';
import { runSohoa } from '../../support/run-cli';
import { makeTempDir } from '../../support/temp-dir';

describe('sohoa import with good and hostile files', () => {
  const dir = makeTempDir('sohoa-import-');
  const file = (name: string) => join(dir.path, name);
  let manifest: { files: ImportedFile[] };
  let result: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    requireBuild();
    const text = await vietnamesePage(200, ['GIẤY PHÉP LAO ĐỘNG', 'Số: 123/GPLĐ-SLĐTBXH']);
    const jpeg = await sharp(text).withDensity(200).jpeg().toBuffer();
    writeFileSync(file('good.jpg'), jpeg);
    writeFileSync(file('good.png'), await blankPage(200));
    // A PNG that a copier saved with a .jpg name: imported by its content.
    writeFileSync(file('really-a-png.jpg'), text);
    writeFileSync(file('truncated.jpg'), jpeg.subarray(0, Math.floor(jpeg.length / 3)));
    writeFileSync(file('empty.jpg'), Buffer.alloc(0));
    writeFileSync(file('notes.jpg'), 'Biên bản bàn giao hồ sơ — không phải ảnh');
    writeFileSync(file('bomb.png'), pngBombHeader(30_000, 30_000));
    const small = await sharp({ create: { width: 170, height: 240, channels: 3, background: 'white' } })
      .withDensity(200)
      .png()
      .toBuffer();
    writeFileSync(
      file('archive-box.tif'),
      await sharp(Array(300).fill(small), { join: { animated: true } })
        .withDensity(200)
        .tiff()
        .toBuffer(),
    );

    const names = [
      'good.jpg',
      'truncated.jpg',
      'empty.jpg',
      'notes.jpg',
      'bomb.png',
      'really-a-png.jpg',
      'archive-box.tif',
      'missing.jpg',
      'good.png',
    ];
    result = await runSohoa(['import', ...names.map(file), '--out', file('out'), '--json'], {
      dataDir: dir.path,
    });
    manifest = JSON.parse(result.stdout) as { files: ImportedFile[] };
  }, 120_000);
  afterAll(() => dir.remove());

  const byName = (name: string) => manifest.files.find((entry) => entry.source === file(name))!;

  it('imports the good files while reporting each bad one, and exits non-zero', () => {
    expect(result.code).toBe(5);
    expect(byName('good.jpg')).toMatchObject({
      type: 'jpeg',
      error: null,
      pages: [{ dpi: 200, blank: false }],
    });
    expect(byName('good.png')).toMatchObject({ type: 'png', error: null, pages: [{ blank: true }] });
    expect(byName('really-a-png.jpg')).toMatchObject({ type: 'png', error: null });
  });

  it('gives every hostile file its own typed error', () => {
    expect(byName('truncated.jpg').error?.code).toBe('imaging.unreadable');
    expect(byName('empty.jpg').error?.code).toBe('import.emptyFile');
    expect(byName('notes.jpg').error?.code).toBe('import.unsupportedType');
    expect(byName('bomb.png').error).toMatchObject({ code: 'imaging.tooLarge', params: { megapixels: 900 } });
    expect(byName('missing.jpg').error?.code).toBe('import.unreadableFile');
  });

  it('imports all 300 pages of a multi-page TIFF, in order', () => {
    const tiff = byName('archive-box.tif');
    expect(tiff.error).toBeNull();
    expect(tiff.pages).toHaveLength(300);
    expect(tiff.pages.map((page) => page.sequence)).toEqual(
      Array.from({ length: 300 }, (_, index) => index + 1),
    );
    expect(new Set(tiff.pages.map((page) => `${page.dpi} dpi, blank ${page.blank}`))).toEqual(
      new Set(['200 dpi, blank true']),
    );
  });

  it('explains the bad files in Vietnamese without --json', async () => {
    const plain = await runSohoa(['import', file('empty.jpg'), file('good.jpg'), '--out', file('out2')], {
      dataDir: dir.path,
    });
    expect(plain.code).toBe(5);
    expect(plain.stdout).toBe(`✓ ${file('good.jpg')}: 1\n`);
    expect(plain.stderr).toBe(
      `✗ ${file('empty.jpg')}: Tệp rỗng (0 byte): có thể tệp chưa được sao chép xong. [import.emptyFile]\n`,
    );
  });
});
