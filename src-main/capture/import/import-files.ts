import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import sharp from 'sharp';
import type { CaptureSettings } from '../../../src-shared/domain/settings';
import { AppError, toAppError, type AppErrorData } from '../../../src-shared/errors/app-error';
import { processPage } from '../../imaging/process-page';
import type { ManifestPage } from '../scan-to-folder';
import { detectFileType, type ImportFileType } from './detect-file-type';
import { inspectPdf, renderPdfThumbnails } from './pdf-source';

export interface ImportedFile {
  source: string;
  type: ImportFileType | null;
  /** Processed page images (scans and photos). */
  pages: ManifestPage[];
  /** A born-digital PDF, kept byte for byte, with a thumbnail per page. */
  original?: { file: string; sha256: string; bytes: number; pages: number; thumbnails: string[] };
  error: AppErrorData | null;
}

const stemOf = (path: string) =>
  basename(path, extname(path))
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .slice(0, 80) || 'page';

async function pageCount(path: string, type: ImportFileType, settings: CaptureSettings): Promise<number> {
  if (type !== 'tiff') return 1;
  // The header only (no pixel limit needed: nothing is decoded here).
  const { pages = 1 } = await sharp(path, { limitInputPixels: false }).metadata();
  if (pages > settings.maxImportPages) {
    throw new AppError('import.tooManyPages', { params: { pages, max: settings.maxImportPages } });
  }
  return pages;
}

/** A born-digital PDF is evidence as it is: copied byte for byte, never re-encoded. */
async function keepPdf(source: string, bytes: number, outDir: string, settings: CaptureSettings) {
  const { pages } = await inspectPdf(source);
  if (pages > settings.maxImportPages) {
    throw new AppError('import.tooManyPages', { params: { pages, max: settings.maxImportPages } });
  }
  const content = await readFile(source);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const file = `${stemOf(source)}-${sha256.slice(0, 8)}.pdf`;
  await writeFile(join(outDir, file), content);
  const thumbnails = await renderPdfThumbnails(
    source,
    outDir,
    `${stemOf(source)}-${sha256.slice(0, 8)}-thumb`,
    settings.thumbnailWidth,
  );
  return { file, sha256, bytes, pages, thumbnails: thumbnails.map((path) => basename(path)) };
}

/**
 * Imports image files as pages, one file and one page at a time so memory stays bounded
 * whatever the batch. A bad file (empty, truncated, not an image, a decompression bomb)
 * gets its own error and the others import; a file that fails midway keeps its good pages.
 */
/** Each page of an image file (one, or many in a TIFF), processed and written as it goes. */
async function importImagePages(
  source: string,
  type: Exclude<ImportFileType, 'pdf'>,
  outDir: string,
  settings: CaptureSettings,
  into: ManifestPage[],
): Promise<void> {
  const pages = await pageCount(source, type, settings);
  for (let page = 0; page < pages; page += 1) {
    const { image, thumbnail: _thumbnail, ...facts } = await processPage(source, { page, settings });
    // Source name, page and content hash: readable, and never overwriting another page,
    // however many batches write into the same folder.
    const extension = facts.mimeType === 'image/png' ? 'png' : 'jpg';
    const file = `${stemOf(source)}-p${String(page + 1).padStart(4, '0')}-${facts.sha256.slice(0, 8)}.${extension}`;
    await writeFile(join(outDir, file), image);
    // Pushed as written: a file that fails midway keeps the pages before the failure.
    into.push({ file, sequence: page + 1, ...facts });
  }
}

export async function importFiles(input: {
  paths: readonly string[];
  outDir: string;
  settings: CaptureSettings;
  onFile?: (file: ImportedFile) => void;
}): Promise<ImportedFile[]> {
  const { outDir, settings } = input;
  await mkdir(outDir, { recursive: true });
  const results: ImportedFile[] = [];
  for (const source of input.paths) {
    const result: ImportedFile = { source, type: null, pages: [], error: null };
    try {
      const { type, bytes } = await detectFileType(source);
      result.type = type;
      if (type === 'pdf') result.original = await keepPdf(source, bytes, outDir, settings);
      else await importImagePages(source, type, outDir, settings, result.pages);
    } catch (error) {
      result.error = toAppError(error).toData();
      result.error.detail = `${basename(source)}: ${result.error.detail ?? result.error.code}`;
    }
    results.push(result);
    input.onFile?.(result);
  }
  return results;
}
