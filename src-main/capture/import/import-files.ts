import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
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

/** One file's items written into `outDir` as they come, pushed onto `result` as written. */
async function importOne(source: string, outDir: string, settings: CaptureSettings, result: ImportedFile) {
  const opened = await openImport(source, settings);
  result.type = opened.type;
  const work = await mkdtemp(join(outDir, '.incoming-'));
  try {
    for await (const item of opened.items(work)) {
      if (item.kind === 'original') {
        const { path, ...facts } = item.original;
        const file = `${stemOf(source)}-${facts.sha256.slice(0, 8)}.pdf`;
        await copyFile(path, join(outDir, file));
        result.original = { file, ...facts };
        continue;
      }
      const { image, thumbnail: _thumbnail, ...facts } = item.page;
      const sequence = result.pages.length + 1;
      // Source name, page and content hash: readable, and never overwriting another page,
      // however many batches write into the same folder.
      const extension = facts.mimeType === 'image/png' ? 'png' : 'jpg';
      const file = `${stemOf(source)}-p${String(sequence).padStart(4, '0')}-${facts.sha256.slice(0, 8)}.${extension}`;
      await writeFile(join(outDir, file), image);
      result.pages.push({ file, sequence, originalPage: item.originalPage, ...facts });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Imports files into a folder, one file and one page at a time so memory stays bounded
 * whatever the batch. A bad file (empty, truncated, not an image, a decompression bomb, a
 * damaged or encrypted PDF) gets its own error and the others import.
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
