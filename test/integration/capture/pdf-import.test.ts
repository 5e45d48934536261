import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportedFile } from '../../../src-main/capture/import/import-files';
import { requireBuild } from '../../support/built-app';
import { ccittBombPdf, textPdf } from '../../support/hostile-pdfs';
import { greyTiff } from '../../support/page-images';
import { runSohoa } from '../../support/run-cli';
import { makeTempDir } from '../../support/temp-dir';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A born-digital result: a 3-page A4 PDF with a text layer. */
async function bornDigitalPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  for (let page = 1; page <= 3; page += 1) {
    pdf
      .addPage([595, 842])
      .drawText(`Decision 49/QD-SLDTBXH, page ${page}`, { x: 72, y: 760, size: 14, font });
  }
  return Buffer.from(await pdf.save());
}

describe('PDF import: born-digital files kept byte for byte', () => {
  const dir = makeTempDir('sohoa-pdf-');
  const file = (name: string) => join(dir.path, name);
  let files: ImportedFile[];
  let exitCode: number;
  let original: Buffer;

  beforeAll(async () => {
    requireBuild();
    original = await bornDigitalPdf();
    writeFileSync(file('quyet-dinh.pdf'), original);
    writeFileSync(file('cut.pdf'), original.subarray(0, 400));
    execFileSync('qpdf', [
      '--encrypt',
      'mat-khau',
      'mat-khau',
      '256',
      '--',
      file('quyet-dinh.pdf'),
      file('locked.pdf'),
    ]);
    const result = await runSohoa(
      ['import', file('quyet-dinh.pdf'), file('cut.pdf'), file('locked.pdf'), '--out', file('out'), '--json'],
      { dataDir: dir.path },
    );
    exitCode = result.code;
    files = (JSON.parse(result.stdout) as { files: ImportedFile[] }).files;
  }, 60_000);
  afterAll(() => dir.remove());

  it('copies the PDF unchanged and renders each page at the minimum dpi', async () => {
    const [pdf] = files;
    expect(pdf).toMatchObject({ type: 'pdf', error: null });
    expect(pdf!.original).toMatchObject({ sha256: sha256(original), bytes: original.length, pages: 3 });
    expect(sha256(readFileSync(file(join('out', pdf!.original!.file))))).toBe(sha256(original));
    expect(pdf!.pages.map((page) => page.originalPage)).toEqual([1, 2, 3]);
    const rendered = await sharp(file(join('out', pdf!.pages[0]!.file))).metadata();
    // A4 is 595 pt wide: 595 / 72 × 200 dpi.
    expect(rendered).toMatchObject({ format: 'jpeg', width: 1653, density: 200 });
    expect(pdf!.pages[0]).toMatchObject({ dpi: 200, lowDpi: false, blank: false });
  });

  it('reports a damaged PDF and one that needs a password, each with its own error', () => {
    expect(exitCode).toBe(5);
    expect(files[1]!.error?.code).toBe('import.damagedPdf');
    expect(files[2]!.error?.code).toBe('import.pdfPasswordRequired');
    expect(files[2]!.error?.detail).toMatch(/Incorrect password/);
  });
});

describe('PDF import: hostile files refused before rendering, protected files opened as viewers open them', () => {
  const dir = makeTempDir('sohoa-pdf-hostile-');
  const file = (name: string) => join(dir.path, name);
  const importJson = async (names: string[], out: string, dataDir = file('station')) => {
    const result = await runSohoa(['import', ...names.map(file), '--out', file(out), '--json'], {
      dataDir,
      measureMemory: true,
    });
    return { ...result, files: (JSON.parse(result.stdout) as { files: ImportedFile[] }).files };
  };

  beforeAll(async () => {
    requireBuild();
    writeFileSync(file('ccitt-bomb.pdf'), await ccittBombPdf(8400, 35_000));
    writeFileSync(file('poster.pdf'), await textPdf([[8400, 8400]]));
    writeFileSync(file('small-page-huge-image.pdf'), await ccittBombPdf(595, 35_000));
    writeFileSync(
      file('plain.pdf'),
      await textPdf([
        [595, 842],
        [595, 842],
      ]),
    );
    const encrypt = (user: string, out: string) =>
      execFileSync('qpdf', ['--encrypt', user, 'chu-so-huu', '256', '--', file('plain.pdf'), file(out)]);
    encrypt('', 'owner-only.pdf');
    encrypt('mat-khau-mo', 'user-password.pdf');
  }, 60_000);
  afterAll(() => dir.remove());

  it('refuses an 8400×8400 pt page holding a 35000×35000 CCITT image before rendering it, in little memory', async () => {
    const { code, files, peakMb } = await importJson(['ccitt-bomb.pdf'], 'out-bomb');
    expect(code).toBe(5);
    expect(files[0]).toMatchObject({
      type: 'pdf',
      pages: [],
      error: { code: 'import.pdfPageTooLarge', params: { page: 1, megapixels: 1225, max: 200 } },
    });
    expect(files[0]!.original).toBeUndefined();
    expect(readdirSync(file('out-bomb'))).toEqual(['manifest.json']);
    expect(peakMb).toBeGreaterThan(20); // the watch saw the process
    expect(peakMb).toBeLessThan(300);
  });

  it('refuses from the page size alone, and from a huge image drawn on a small page', async () => {
    const { files } = await importJson(['poster.pdf', 'small-page-huge-image.pdf'], 'out-sizes');
    // 8400 pt at 200 dpi: 23 333 px a side.
    expect(files[0]!.error).toMatchObject({
      code: 'import.pdfPageTooLarge',
      params: { page: 1, megapixels: 544 },
    });
    expect(files[1]!.error).toMatchObject({
      code: 'import.pdfPageTooLarge',
      params: { page: 1, megapixels: 1225 },
    });
  });

  it('imports a PDF with an owner password only, keeping it byte for byte; refuses one that needs a password to open', async () => {
    const { files } = await importJson(['owner-only.pdf', 'user-password.pdf'], 'out-protected');
    const ownerOnly = readFileSync(file('owner-only.pdf'));
    expect(files[0]).toMatchObject({ error: null, original: { sha256: sha256(ownerOnly), pages: 2 } });
    expect(files[0]!.pages.map((page) => page.originalPage)).toEqual([1, 2]);
    expect(sha256(readFileSync(join(file('out-protected'), files[0]!.original!.file)))).toBe(
      sha256(ownerOnly),
    );
    expect(files[1]).toMatchObject({ pages: [], error: { code: 'import.pdfPasswordRequired' } });
    const plain = await runSohoa(['import', file('user-password.pdf'), '--out', file('out-plain')], {
      dataDir: file('station'),
    });
    expect(plain.stderr).toContain('Tệp PDF đặt mật khẩu mở tệp: phải có mật khẩu mới đọc được.');
  });

  it('keeps nothing of a PDF whose rendering goes over its memory bound after its first page', async () => {
    // Page 2 is 9000 pt square: 625 MP at 200 dpi, within an image limit raised to 1000 MP,
    // but its 1.9 GB bitmap is over a bound of 5 % of this machine's memory.
    const bound = Math.max(256 * 1024 * 1024, totalmem() * 0.05);
    expect(bound, 'this test needs a machine where 5 % of memory is under 1.9 GB').toBeLessThan(1.8e9);
    writeFileSync(
      file('second-page-huge.pdf'),
      await textPdf([
        [595, 842],
        [9000, 9000],
      ]),
    );
    const station = file('station-bounded');
    mkdirSync(station);
    writeFileSync(
      join(station, 'settings.json'),
      JSON.stringify({ capture: { maxMegapixels: 1000, pdfRenderMemoryPercent: 5 } }),
    );
    const { code, files, peakMb } = await importJson(['second-page-huge.pdf'], 'out-bounded', station);
    expect(code).toBe(5);
    expect(files[0]).toMatchObject({ pages: [], error: { code: 'import.pdfOverLimit' } });
    expect(files[0]!.error!.detail).toMatch(/pdftoppm .*-f 2 .*memory bound/);
    expect(files[0]!.original).toBeUndefined();
    expect(readdirSync(file('out-bounded'))).toEqual(['manifest.json']);
    expect(peakMb).toBeLessThan(bound / 1024 / 1024 + 300);
  });

  it('keeps nothing of a multi-page TIFF whose last page is over the image limit', async () => {
    const station = file('station-small-images');
    mkdirSync(station);
    writeFileSync(join(station, 'settings.json'), JSON.stringify({ capture: { maxMegapixels: 10 } }));
    writeFileSync(
      file('hop-3.tif'),
      greyTiff([
        { width: 1000, height: 1400, dpi: 200 },
        { width: 1000, height: 1400, dpi: 200 },
        { width: 4000, height: 3000, dpi: 200 },
      ]),
    );
    const { files } = await importJson(['hop-3.tif'], 'out-tiff', station);
    expect(files[0]).toMatchObject({ type: 'tiff', pages: [], error: { code: 'imaging.tooLarge' } });
    expect(readdirSync(file('out-tiff'))).toEqual(['manifest.json']);
  });
});
