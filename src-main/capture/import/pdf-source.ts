import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../../../src-shared/errors/app-error';

const run = promisify(execFile);
const POPPLER_ENV = { ...process.env, LC_ALL: 'C' };

/** Page count and encryption of a PDF, from poppler's `pdfinfo`; a damaged file is a typed error. */
export async function inspectPdf(path: string): Promise<{ pages: number }> {
  let stdout: string;
  try {
    ({ stdout } = await run('pdfinfo', [path], { env: POPPLER_ENV, timeout: 60_000 }));
  } catch (error) {
    const text = String((error as { stderr?: string }).stderr ?? error);
    if (/incorrect password|encrypt/i.test(text)) throw new AppError('import.encryptedPdf', { detail: text });
    throw new AppError('import.damagedPdf', { detail: text.trim().slice(0, 500) });
  }
  if (/^Encrypted:\s+yes/m.test(stdout)) throw new AppError('import.encryptedPdf');
  const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? 0);
  if (pages < 1) throw new AppError('import.damagedPdf', { detail: 'no pages' });
  return { pages };
}

/** One JPEG thumbnail per page, `width` px wide, rendered by `pdftoppm`; returns their paths in order. */
export async function renderPdfThumbnails(
  path: string,
  outDir: string,
  prefix: string,
  width: number,
): Promise<string[]> {
  try {
    await run(
      'pdftoppm',
      ['-jpeg', '-scale-to-x', String(width), '-scale-to-y', '-1', path, join(outDir, prefix)],
      {
        env: POPPLER_ENV,
        timeout: 10 * 60_000,
      },
    );
  } catch (error) {
    throw new AppError('import.damagedPdf', {
      detail: String((error as { stderr?: string }).stderr ?? error),
    });
  }
  // pdftoppm pads page numbers to the width of the last one: prefix-01.jpg … prefix-12.jpg.
  return (await readdir(outDir))
    .filter((name) => name.startsWith(`${prefix}-`) && name.endsWith('.jpg'))
    .sort()
    .map((name) => join(outDir, name));
}
