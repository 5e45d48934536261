import { totalmem } from 'node:os';
import { join } from 'node:path';
import type { CaptureSettings } from '../../../src-shared/domain/settings';
import { AppError } from '../../../src-shared/errors/app-error';
import { runBounded, type CommandBounds, type CommandOutcome } from './bounded-command';

const FLOOR_BYTES = 256 * 1024 * 1024;

/** The bounds of one poppler process: a share of this computer's memory, and a time. */
export function popplerBounds(settings: CaptureSettings): CommandBounds {
  return {
    memoryBytes: Math.max(FLOOR_BYTES, Math.round((totalmem() * settings.pdfRenderMemoryPercent) / 100)),
    timeoutMs: settings.pdfRenderSeconds * 1000,
  };
}

const detailOf = (outcome: { stderr: string }) => outcome.stderr.trim().slice(0, 500);

/** A poppler tool's output; its failures as typed errors about the file (or its page). */
async function poppler(
  command: string,
  args: string[],
  bounds: CommandBounds,
): Promise<Extract<CommandOutcome, { kind: 'done' }>> {
  const outcome = await runBounded(command, args, bounds);
  if (outcome.kind === 'done') return outcome;
  if (outcome.kind === 'overLimit') {
    throw new AppError('import.pdfOverLimit', {
      detail: `${command} ${args.slice(0, -1).join(' ')}: over its ${outcome.limit} bound; ${detailOf(outcome)}`,
    });
  }
  // poppler opens a PDF with the empty user password, as viewers do: only a file that needs
  // a password typed to be opened ends here.
  if (/incorrect password/i.test(outcome.stderr)) {
    throw new AppError('import.pdfPasswordRequired', { detail: `${command}: ${detailOf(outcome)}` });
  }
  throw new AppError('import.damagedPdf', { detail: `${command}: ${detailOf(outcome)}` });
}

export interface PdfFacts {
  pages: number;
  /** Each page's size in points (1/72 in), as declared: known without rendering anything. */
  pageSizes: { widthPt: number; heightPt: number }[];
}

/** Page count and page sizes, from `pdfinfo`. */
export async function inspectPdf(path: string, bounds: CommandBounds): Promise<PdfFacts> {
  const info = await poppler('pdfinfo', ['-f', '1', '-l', '1000000', path], bounds);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1] ?? 0);
  if (pages < 1) throw new AppError('import.damagedPdf', { detail: 'no pages' });
  const pageSizes = Array.from({ length: pages }, () => ({ widthPt: 0, heightPt: 0 }));
  for (const [, page, width, height] of info.stdout.matchAll(
    /^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm,
  )) {
    const size = pageSizes[Number(page) - 1];
    if (size) Object.assign(size, { widthPt: Number(width), heightPt: Number(height) });
  }
  return { pages, pageSizes };
}

/** The largest image each page draws, in pixels as declared (index = page − 1), from `pdfimages -list`. */
export async function largestImagePixels(
  path: string,
  pages: number,
  bounds: CommandBounds,
): Promise<number[]> {
  const images = await poppler('pdfimages', ['-list', path], bounds);
  const largest = new Array<number>(pages).fill(0);
  // Rows after the two header lines: page num type width height …
  for (const [, page, width, height] of images.stdout.matchAll(/^\s*(\d+)\s+\d+\s+\S+\s+(\d+)\s+(\d+)\s/gm)) {
    const index = Number(page) - 1;
    if (index >= 0 && index < pages)
      largest[index] = Math.max(largest[index]!, Number(width) * Number(height));
  }
  return largest;
}

/**
 * Refuses a PDF whose rendering at `dpi` would be too large, before anything is rendered:
 * a page whose size makes more pixels than the image limit, or that draws an image larger
 * than it (poppler decodes an image whole, whatever size it is drawn at).
 */
export function checkPdfRenderable(
  facts: PdfFacts,
  imagePixels: readonly number[],
  dpi: number,
  maxMegapixels: number,
): void {
  const max = maxMegapixels * 1_000_000;
  facts.pageSizes.forEach(({ widthPt, heightPt }, index) => {
    const rendered = (widthPt / 72) * dpi * ((heightPt / 72) * dpi);
    const largest = Math.max(rendered, imagePixels[index] ?? 0);
    if (largest > max) {
      throw new AppError('import.pdfPageTooLarge', {
        params: { page: index + 1, megapixels: Math.round(largest / 1_000_000), max: maxMegapixels },
      });
    }
  });
}

/** Renders one page (1-based) of a PDF to a PNG at `dpi` with `pdftoppm`, within `bounds`; returns its path. */
export async function renderPdfPage(
  path: string,
  page: number,
  dpi: number,
  outDir: string,
  bounds: CommandBounds,
): Promise<string> {
  const prefix = join(outDir, `pdf-page-${page}`);
  const args = [
    '-png',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    path,
    prefix,
  ];
  await poppler('pdftoppm', args, bounds);
  return `${prefix}.png`;
}
