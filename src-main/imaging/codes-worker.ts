import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { PageCode } from '../../src-shared/capture/sheet-code';
import { serveRequests } from '../platform/worker-serve';
import type { CodesWorkerRequest } from './codes-worker-protocol';

/**
 * The worker thread that reads barcodes (ZXing-C++ as WebAssembly) on scanned pages: a page
 * takes a tenth of a second or more, which main's event loop must not wait on. The
 * WebAssembly comes from the package on disk (it would otherwise be fetched from a CDN).
 */
const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
prepareZXingModule({
  overrides: {
    wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer,
  },
});

/** The symbologies of sheets, one-stop receipts and recent results; not retail or postal codes. */
const FORMATS = [
  'QRCode',
  'MicroQRCode',
  'DataMatrix',
  'PDF417',
  'Aztec',
  'Code128',
  'Code39',
  'ITF',
] as const;

serveRequests<CodesWorkerRequest>(async ({ grey, width, height }) => {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let index = 0; index < grey.length; index += 1) {
    const value = grey[index]!;
    const at = index * 4;
    rgba[at] = value;
    rgba[at + 1] = value;
    rgba[at + 2] = value;
    rgba[at + 3] = 255;
  }
  const results = await readBarcodes(
    { data: rgba, width, height, colorSpace: 'srgb' } as unknown as Parameters<typeof readBarcodes>[0],
    { formats: [...FORMATS], tryHarder: true, tryRotate: true, tryInvert: false, maxNumberOfSymbols: 16 },
  );
  return results
    .filter((result) => result.isValid && result.text)
    .map((result): PageCode => {
      const { topLeft, topRight, bottomLeft, bottomRight } = result.position;
      const xs = [topLeft.x, topRight.x, bottomLeft.x, bottomRight.x];
      const ys = [topLeft.y, topRight.y, bottomLeft.y, bottomRight.y];
      const clamp = (value: number) => Math.min(1, Math.max(0, value));
      const left = clamp(Math.min(...xs) / width);
      const top = clamp(Math.min(...ys) / height);
      return {
        format: result.format,
        text: result.text.slice(0, 4000),
        box: {
          x: left,
          y: top,
          width: clamp(Math.max(...xs) / width) - left,
          height: clamp(Math.max(...ys) / height) - top,
        },
      };
    });
});
