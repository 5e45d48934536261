import { execFile } from 'node:child_process';
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

/** Renders one page (1-based) of a PDF to a PNG at `dpi` with `pdftoppm`; returns its path. */
export async function renderPdfPage(
  path: string,
  page: number,
  dpi: number,
  outDir: string,
): Promise<string> {
  const prefix = join(outDir, `pdf-page-${page}`);
  try {
    await run(
      'pdftoppm',
      ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', path, prefix],
      { env: POPPLER_ENV, timeout: 5 * 60_000 },
    );
  } catch (error) {
    throw new AppError('import.damagedPdf', {
      detail: String((error as { stderr?: string }).stderr ?? error).slice(0, 500),
    });
  }
  return `${prefix}.png`;
}
