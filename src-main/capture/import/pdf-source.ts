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

export interface PdfImages {
  /** The largest image each page draws, in pixels as declared (index = page − 1). */
  largestPixels: number[];
  /** A page that is one scanned image covering it: that image's resolution, dpi (else null). */
  scanDpi: (number | null)[];
}

/** A page is a scan when one image covers at least this share of it each way. */
const SCAN_COVERAGE = 0.9;

/** The images each page draws, from `pdfimages -list`: nothing is decoded. */
export async function pdfImages(path: string, facts: PdfFacts, bounds: CommandBounds): Promise<PdfImages> {
  const images = await poppler('pdfimages', ['-list', path], bounds);
  const largestPixels = new Array<number>(facts.pages).fill(0);
  const scanDpi = new Array<number | null>(facts.pages).fill(null);
  // Rows after the two header lines: page num type width height color comp bpc enc interp object ID x-ppi y-ppi …
  const row =
    /^\s*(\d+)\s+\d+\s+\S+\s+(\d+)\s+(\d+)\s+\S+\s+\d+\s+\d+\s+\S+\s+\S+\s+\d+\s+\d+\s+(\d+)\s+(\d+)\s/gm;
  for (const [, page, width, height, xPpi, yPpi] of images.stdout.matchAll(row)) {
    const index = Number(page) - 1;
    if (index < 0 || index >= facts.pages) continue;
    largestPixels[index] = Math.max(largestPixels[index]!, Number(width) * Number(height));
    // pdfimages gives the resolution the image is drawn at: its drawn size is pixels ÷ ppi.
    const size = facts.pageSizes[index]!;
    const drawn = [Number(width) / Number(xPpi), Number(height) / Number(yPpi)].sort((a, b) => a - b);
    const pageInches = [size.widthPt / 72, size.heightPt / 72].sort((a, b) => a - b);
    if (drawn[0]! >= SCAN_COVERAGE * pageInches[0]! && drawn[1]! >= SCAN_COVERAGE * pageInches[1]!) {
      scanDpi[index] = Math.round(Math.min(Number(xPpi), Number(yPpi)));
    }
  }
  return { largestPixels, scanDpi };
}

/**
 * Refuses a PDF whose rendering at `dpi` would be too large, before anything is rendered:
 * a page whose size makes more pixels than the image limit, or that draws an image larger
 * than it (poppler decodes an image whole, whatever size it is drawn at).
 */
export function checkPdfRenderable(
  facts: PdfFacts,
  imagePixels: readonly number[],
  dpi: readonly number[],
  maxMegapixels: number,
): void {
  const max = maxMegapixels * 1_000_000;
  facts.pageSizes.forEach(({ widthPt, heightPt }, index) => {
    const rendered = (widthPt / 72) * dpi[index]! * ((heightPt / 72) * dpi[index]!);
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
