import type { Sharp } from 'sharp';
import { parseSheetCode, type PageCode, type SheetMark } from '../../src-shared/capture/sheet-code';
import { createWorkerThread } from '../platform/worker-thread';
import type { CodesWorkerRequest } from './codes-worker-protocol';
import { hasPatchT } from './patch-code';

/** Enough for a 1-D code's narrow bars (0.25 mm is 2 px here), few enough pixels to be quick. */
const READING_DPI = 200;

export interface PageCodes {
  /** Every code read on the page, sheets' included. */
  codes: PageCode[];
  /** What the page is, if it is a cover or separator sheet. */
  sheet: SheetMark | null;
}

const worker = createWorkerThread<CodesWorkerRequest>('codes-worker', import.meta.url);
export const closeCodesWorker = () => worker.close();

/**
 * The codes on a page and whether it is one of the station's sheets: the page in grey at
 * 200 dpi at most (sharp, off the event loop), QR and 1-D codes read in the codes worker,
 * the patch T looked for down its columns. A cover's QR wins over a separator's.
 */
export async function readPageCodes(page: Sharp, dpi: number): Promise<PageCodes> {
  const metadata = await page.metadata();
  const fullWidth = metadata.autoOrient?.width ?? metadata.width ?? 0;
  const scale = Math.min(1, READING_DPI / dpi);
  const { data, info } = await page
    .resize({ width: Math.max(1, Math.round(fullWidth * scale)) })
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const grey = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const patchT = hasPatchT({
    data: grey,
    width: info.width,
    height: info.height,
    pxPerMm: (dpi * scale) / 25.4,
  });
  const copy = grey.slice();
  const codes = await worker.ask<PageCode[]>(
    { kind: 'read', grey: copy, width: info.width, height: info.height },
    [copy.buffer],
  );
  const sheets = codes.map((code) => parseSheetCode(code.text)).filter((mark) => mark !== null);
  const sheet =
    sheets.find((mark) => mark.kind === 'cover') ??
    sheets[0] ??
    (patchT ? ({ kind: 'separator', by: 'patchT' } as const) : null);
  return { codes, sheet };
}
