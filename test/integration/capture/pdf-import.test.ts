import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportedFile } from '../../../src-main/capture/import/import-files';
import { requireBuild } from '../../support/built-app';
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

  it('reports a damaged and an encrypted PDF, each with its own error', () => {
    expect(exitCode).toBe(5);
    expect(files[1]!.error?.code).toBe('import.damagedPdf');
    expect(files[2]!.error?.code).toBe('import.encryptedPdf');
  });
});
