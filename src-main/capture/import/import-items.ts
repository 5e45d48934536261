import { rm } from 'node:fs/promises';
import sharp from 'sharp';
import type { CaptureSettings } from '../../../src-shared/domain/settings';
import { AppError } from '../../../src-shared/errors/app-error';
import { sha256OfFile } from '../../platform/file-hash';
import { processPage, type ProcessedPage } from '../../imaging/process-page';
import { detectFileType, type ImportFileType } from './detect-file-type';
import {
  checkPdfRenderable,
  inspectPdf,
  largestImagePixels,
  popplerBounds,
  renderPdfPage,
} from './pdf-source';

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
  | { kind: 'page'; page: ProcessedPage; originalPage?: number };

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

/**
 * Opens an imported file: what it really is (from its content), and its capture items,
 * produced one page at a time so memory stays bounded whatever the file. An image is one
 * page, a TIFF many; a PDF is kept as it is and each page rendered (at the station's
 * minimum dpi) for viewing and OCR, after its declared page and image sizes have shown that
 * no page would render larger than the image limit, each rendering bounded in memory and
 * time. A bad file throws a typed error, from `openImport` or after some of its pages were
 * yielded: the caller keeps nothing of a file that fails.
 */
export async function openImport(path: string, settings: CaptureSettings) {
  const { type, bytes } = await detectFileType(path);
  checkImportSize(bytes, settings);
  async function* items(workDir: string): AsyncGenerator<ImportItem> {
    if (type === 'pdf') {
      const bounds = popplerBounds(settings);
      const facts = await inspectPdf(path, bounds);
      checkPageCount(facts.pages, settings);
      const imagePixels = await largestImagePixels(path, facts.pages, bounds);
      checkPdfRenderable(facts, imagePixels, settings.minDpi, settings.maxMegapixels);
      const { pages } = facts;
      yield { kind: 'original', original: { path, sha256: await sha256OfFile(path), bytes, pages } };
      for (let number = 1; number <= pages; number += 1) {
        const rendered = await renderPdfPage(path, number, settings.minDpi, workDir, bounds);
        try {
          const page = await processPage(rendered, { scannerDpi: settings.minDpi, settings });
          yield { kind: 'page', page, originalPage: number };
        } finally {
          await rm(rendered, { force: true });
        }
      }
      return;
    }
    const pages = await imagePageCount(path, type, settings);
    for (let page = 0; page < pages; page += 1) {
      yield { kind: 'page', page: await processPage(path, { page, settings }) };
    }
  }
  return { type, items };
}
