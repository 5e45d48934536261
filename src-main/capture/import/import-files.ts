import { copyFile, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { CaptureSettings } from '../../../src-shared/domain/settings';
import { toAppError, type AppErrorData } from '../../../src-shared/errors/app-error';
import type { ManifestPage } from '../scan-to-folder';
import type { ImportFileType } from './detect-file-type';
import { openImport } from './import-items';

export interface ImportedFile {
  source: string;
  type: ImportFileType | null;
  /** Processed page images: scans and photos, or the rendered pages of a PDF. */
  pages: (ManifestPage & { originalPage?: number })[];
  /** A born-digital PDF, kept byte for byte. */
  original?: { file: string; sha256: string; bytes: number; pages: number };
  error: AppErrorData | null;
}

const stemOf = (path: string) =>
  basename(path, extname(path))
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .slice(0, 80) || 'page';

/**
 * One file's items, written into a scratch folder as they come and moved into `outDir` only
 * once the whole file is through: a file that fails leaves nothing in the folder or on `result`.
 */
async function importOne(source: string, outDir: string, settings: CaptureSettings, result: ImportedFile) {
  const opened = await openImport(source, settings);
  result.type = opened.type;
  const work = await mkdtemp(join(outDir, '.incoming-'));
  try {
    const pages: ImportedFile['pages'] = [];
    let original: ImportedFile['original'];
    for await (const item of opened.items(work)) {
      if (item.kind === 'original') {
        const { path, ...facts } = item.original;
        const file = `${stemOf(source)}-${facts.sha256.slice(0, 8)}.pdf`;
        await copyFile(path, join(work, file));
        original = { file, ...facts };
        continue;
      }
      const { image, thumbnail: _thumbnail, ...facts } = item.page;
      const sequence = pages.length + 1;
      // Source name, page and content hash: readable, and never overwriting another page,
      // however many batches write into the same folder.
      const extension = facts.mimeType === 'image/png' ? 'png' : 'jpg';
      const file = `${stemOf(source)}-p${String(sequence).padStart(4, '0')}-${facts.sha256.slice(0, 8)}.${extension}`;
      await writeFile(join(work, file), image);
      pages.push({ file, sequence, originalPage: item.originalPage, ...facts });
    }
    for (const { file } of [...(original ? [original] : []), ...pages]) {
      await rename(join(work, file), join(outDir, file));
    }
    result.pages = pages;
    if (original) result.original = original;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Imports files into a folder, one file and one page at a time so memory stays bounded
 * whatever the batch. A bad file (empty, truncated, not an image, a decompression bomb, a
 * damaged PDF or one that needs a password) gets its own error, nothing of it is kept, and
 * the others import.
 */
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
      await importOne(source, outDir, settings, result);
    } catch (error) {
      result.error = toAppError(error).toData();
      result.error.detail = `${basename(source)}: ${result.error.detail ?? result.error.code}`;
    }
    results.push(result);
    input.onFile?.(result);
  }
  return results;
}
