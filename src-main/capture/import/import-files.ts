import { mkdir, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import sharp from 'sharp';
import type { CaptureSettings } from '../../../src-shared/domain/settings';
import { AppError, isAppError, type AppErrorData } from '../../../src-shared/errors/app-error';
import { processPage } from '../../imaging/process-page';
import type { ManifestPage } from '../scan-to-folder';
import { detectFileType, type ImportFileType } from './detect-file-type';

export interface ImportedFile {
  source: string;
  type: ImportFileType | null;
  pages: ManifestPage[];
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

/**
 * Imports image files as pages, one file and one page at a time so memory stays bounded
 * whatever the batch. A bad file (empty, truncated, not an image, a decompression bomb)
 * gets its own error and the others import; a file that fails midway keeps its good pages.
 */
export async function importFiles(input: {
  paths: readonly string[];
  outDir: string;
  settings: CaptureSettings;
  onFile?: (file: ImportedFile) => void;
}): Promise<ImportedFile[]> {
  await mkdir(input.outDir, { recursive: true });
  const results: ImportedFile[] = [];
  for (const source of input.paths) {
    const result: ImportedFile = { source, type: null, pages: [], error: null };
    try {
      const { type } = await detectFileType(source);
      result.type = type;
      const pages = await pageCount(source, type, input.settings);
      for (let page = 0; page < pages; page += 1) {
        const {
          image,
          thumbnail: _thumbnail,
          ...facts
        } = await processPage(source, { page, settings: input.settings });
        // Source name, page and content hash: readable, and never overwriting another page,
        // however many batches write into the same folder.
        const file = `${stemOf(source)}-p${String(page + 1).padStart(4, '0')}-${facts.sha256.slice(0, 8)}.${
          facts.mimeType === 'image/png' ? 'png' : 'jpg'
        }`;
        await writeFile(join(input.outDir, file), image);
        result.pages.push({ file, sequence: page + 1, ...facts });
      }
    } catch (error) {
      result.error = (
        isAppError(error) ? error : new AppError('internal', { detail: String(error) })
      ).toData();
      result.error.detail = `${basename(source)}: ${result.error.detail ?? result.error.code}`;
    }
    results.push(result);
    input.onFile?.(result);
  }
  return results;
}
