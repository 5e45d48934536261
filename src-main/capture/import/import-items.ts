import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { CaptureSettings } from '../../../src-shared/domain/settings';
import { AppError } from '../../../src-shared/errors/app-error';
import { sha256OfFile } from '../../platform/file-hash';
import { processPage, type ProcessedPage } from '../../imaging/process-page';
import { detectFileType, type ImportFileType } from './detect-file-type';
import { checkPdfRenderable, inspectPdf, pdfImages, popplerBounds, renderPdfPage } from './pdf-source';

/** A born-digital PDF, kept byte for byte: `path` is the file as imported. */
export interface ImportedOriginal {
  path: string;
  sha256: string;
  bytes: number;
  pages: number;
}

/** What one imported file yields, in order: its original (PDF only), then its pages. */
export type ImportItem =
  | { kind: 'original'; original: ImportedOriginal }
  /** `originalPage` (1-based) when the page is a rendering of the PDF original. */
  | { kind: 'page'; page: ProcessedPage; originalPage?: number; side?: 'front' | 'back' };

function checkPageCount(pages: number, settings: CaptureSettings): void {
  if (pages > settings.maxImportPages) {
    throw new AppError('import.tooManyPages', { params: { pages, max: settings.maxImportPages } });
  }
}

const MEGABYTE = 1024 * 1024;

/** Files over the limit are refused before anything is read (a PDF later travels to the queue whole). */
export function checkImportSize(bytes: number, settings: CaptureSettings): void {
  if (bytes > settings.maxImportMegabytes * MEGABYTE) {
    throw new AppError('import.fileTooLarge', {
      params: { megabytes: Math.ceil(bytes / MEGABYTE), max: settings.maxImportMegabytes },
    });
  }
}

async function imagePageCount(path: string, type: ImportFileType, settings: CaptureSettings) {
  if (type !== 'tiff') return 1;
  // The header only (no pixel limit needed: nothing is decoded here).
  const { pages = 1 } = await sharp(path, { limitInputPixels: false }).metadata();
  checkPageCount(pages, settings);
  return pages;
}

/** A scanned page is rendered at its scan's resolution, within these bounds. */
const MIN_SCAN_RENDER_DPI = 72;
const MAX_SCAN_RENDER_DPI = 600;

/**
 * A PDF's pages, each rendered and processed, held in `workDir` (their images on disk, so
 * memory stays bounded) until the whole file is read: only then is it known whether the PDF
 * is a document to keep as it is, or a scanned stack carrying cover or separator sheets.
 */
async function* pdfItems(path: string, bytes: number, settings: CaptureSettings, workDir: string) {
  const bounds = popplerBounds(settings);
  const facts = await inspectPdf(path, bounds);
  checkPageCount(facts.pages, settings);
  const images = await pdfImages(path, facts, bounds);
  // A scanned page at its own resolution (its pixels as scanned, a low one flagged as such); any
  // other at the minimum dpi.
  const dpi = images.scanDpi.map((scan) =>
    scan ? Math.min(MAX_SCAN_RENDER_DPI, Math.max(MIN_SCAN_RENDER_DPI, scan)) : settings.minDpi,
  );
  checkPdfRenderable(facts, images.largestPixels, dpi, settings.maxMegapixels);
  const held: Omit<ProcessedPage, 'image' | 'thumbnail'>[] = [];
  for (let number = 1; number <= facts.pages; number += 1) {
    const rendered = await renderPdfPage(path, number, dpi[number - 1]!, workDir, bounds);
    try {
      const { image, thumbnail, ...page } = await processPage(rendered, {
        scannerDpi: dpi[number - 1]!,
        settings,
      });
      await writeFile(join(workDir, `held-${number}.image`), image);
      await writeFile(join(workDir, `held-${number}.thumb`), thumbnail);
      held.push(page);
    } finally {
      await rm(rendered, { force: true });
    }
  }
  // A stack's pages belong to several records: they are its pages, and no PDF is kept whole.
  const stack = held.some((page) => page.sheet !== null);
  if (!stack) {
    yield {
      kind: 'original',
      original: { path, sha256: await sha256OfFile(path), bytes, pages: facts.pages },
    } satisfies ImportItem;
  }
  for (const [index, pageFacts] of held.entries()) {
    const number = index + 1;
    const page: ProcessedPage = {
      ...pageFacts,
      image: await readFile(join(workDir, `held-${number}.image`)),
      thumbnail: await readFile(join(workDir, `held-${number}.thumb`)),
    };
    await rm(join(workDir, `held-${number}.image`), { force: true });
    await rm(join(workDir, `held-${number}.thumb`), { force: true });
    yield (
      stack ? { kind: 'page', page } : { kind: 'page', page, originalPage: number }
    ) satisfies ImportItem;
  }
}

/**
 * Opens an imported file: what it really is (from its content), and its capture items,
 * produced one page at a time so memory stays bounded whatever the file. An image is one
 * page, a TIFF many. A PDF is kept as it is, each page rendered (a scanned page at its scan's
 * dpi, any other at the station's minimum) for viewing and OCR, after its declared page and
 * image sizes have shown that no page would render larger than the image limit, each
 * rendering bounded in memory and time; a PDF whose pages carry cover or separator sheets is
 * a scanned stack instead, and its pages are pages of the records it is cut into. A bad file
 * throws a typed error, from `openImport` or after some of its pages were yielded: the
 * caller keeps nothing of a file that fails.
 */
export async function openImport(path: string, settings: CaptureSettings) {
  const { type, bytes } = await detectFileType(path);
  checkImportSize(bytes, settings);
  async function* items(workDir: string): AsyncGenerator<ImportItem> {
    if (type === 'pdf') {
      yield* pdfItems(path, bytes, settings, workDir);
      return;
    }
    const pages = await imagePageCount(path, type, settings);
    for (let page = 0; page < pages; page += 1) {
      yield { kind: 'page', page: await processPage(path, { page, settings }) };
    }
  }
  return { type, items };
}
