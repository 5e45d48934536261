import type { Sharp } from 'sharp';
import { parseSheetCode, type PageCode, type SheetMark } from '../../src-shared/capture/sheet-code';
import { createWorkerThread } from '../platform/worker-thread';
import type { CodesWorkerRequest } from './codes-worker-protocol';
import { hasPatchT, type GreyImage } from './patch-code';

/**
 * Half a 300-dpi scan: a cover's QR modules are 9 px, a receipt's 1-D bars of 0.33 mm 2 px,
 * and ZXing reads an A4 page in about 0.1 s.
 */
const READING_DPI = 150;
/** An A4 page's long side at 150 dpi. */
const MAX_READING_WIDTH = 1754;

export interface PageCodes {
  /** Every code read on the page, sheets' included. */
  codes: PageCode[];
  /** What the page is, if it is a cover or separator sheet. */
  sheet: SheetMark | null;
}

const worker = createWorkerThread<CodesWorkerRequest>('codes-worker', import.meta.url);
export const closeCodesWorker = () => worker.close();

/**
 * The page in grey at 150 dpi at most, decoded once for what reads it (the codes, the patch
 * T, the ink ratio). The green channel stands for the grey: black ink is as dark in it as in
 * luminance, and it costs a quarter of sharp's colourspace conversion (bench/capture).
 */
export async function readingImage(
  page: Sharp,
  size: { width: number; channels: number },
  dpi: number,
): Promise<GreyImage> {
  // Capped in pixels too: a file whose dpi is missing or wrong must not be read at full size.
  const scale = Math.min(1, READING_DPI / dpi, MAX_READING_WIDTH / size.width);
  const resized = page.resize({ width: Math.max(1, Math.round(size.width * scale)) });
  // keepIccProfile: no colour management for pixels only read (it doubled the decode of a scan
  // with an embedded profile).
  const { data, info } = await (size.channels >= 3 ? resized.extractChannel(1) : resized.grayscale())
    .keepIccProfile()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    width: info.width,
    height: info.height,
    pxPerMm: (dpi * scale) / 25.4,
  };
}

/**
 * The codes on a page and whether it is one of the station's sheets: QR and 1-D codes read
 * in the codes worker, the patch T looked for down its columns. A cover's QR wins over a
 * separator's.
 */
export async function readPageCodes(image: GreyImage): Promise<PageCodes> {
  const patchT = hasPatchT(image);
  const copy = image.data.slice();
  const codes = await worker.ask<PageCode[]>(
    { kind: 'read', grey: copy, width: image.width, height: image.height },
    [copy.buffer],
  );
  const sheets = codes.map((code) => parseSheetCode(code.text)).filter((mark) => mark !== null);
  const sheet =
    sheets.find((mark) => mark.kind === 'cover') ??
    sheets[0] ??
    (patchT ? ({ kind: 'separator', by: 'patchT' } as const) : null);
  return { codes, sheet };
}
