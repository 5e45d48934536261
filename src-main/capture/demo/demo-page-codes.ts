import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import QRCode from 'qrcode';
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';

/**
 * What the demo's archive pages carry besides their text: a recent result's dossier code as a
 * QR code (and as a Code 128, as one-stop receipts print it), and a note written on the back
 * of a sheet. Drawn into the page's SVG (a viewBox in millimetres) before it is rendered.
 */
let writerReady = false;
function prepareWriter() {
  if (writerReady) return;
  // The WebAssembly comes from the package on disk (it would otherwise be fetched from a CDN).
  const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/writer/zxing_writer.wasm'));
  prepareZXingModule({
    overrides: {
      wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer,
    },
  });
  writerReady = true;
}

/** A QR code's dark modules as rectangles, `size` mm wide with its top-left at (x, y). */
function qrGroup(text: string, x: number, y: number, size: number): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const module = size / count;
  const rects: string[] = [];
  for (let row = 0; row < count; row += 1) {
    for (let column = 0; column < count; column += 1) {
      if (qr.modules.get(row, column)) {
        rects.push(
          `<rect x="${(x + column * module).toFixed(3)}" y="${(y + row * module).toFixed(3)}" width="${module.toFixed(3)}" height="${module.toFixed(3)}"/>`,
        );
      }
    }
  }
  return `<g fill="#000" shape-rendering="crispEdges">${rects.join('')}</g>`;
}

/** A Code 128 of `text` from ZXing's writer, stretched to the box given in mm. */
async function code128Group(text: string, box: { x: number; y: number; width: number; height: number }) {
  prepareWriter();
  const written = await writeBarcode(text, { format: 'Code128' });
  if (written.error) throw new Error(`Code 128: ${written.error}`);
  const width = /<svg[^>]*\bwidth="(\d+)"/.exec(written.svg)?.[1];
  const height = /<svg[^>]*\bheight="(\d+)"/.exec(written.svg)?.[1];
  const body = /<g id="barcode"[\s\S]*<\/g>/.exec(written.svg)?.[0];
  if (!width || !height || !body) throw new Error('Code 128: unexpected SVG');
  return `<svg x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" viewBox="0 0 ${width} ${height}" preserveAspectRatio="none">${body}</svg>`;
}

const closing = (svg: string, addition: string) => svg.replace(/<\/svg>\s*$/, `${addition}</svg>`);

/** The page with its dossier code at the bottom left, where results leave room below "Nơi nhận". */
export async function withDossierCode(svg: string, codes: { dossierCode: string; code128: boolean }) {
  const caption = `<text x="18" y="268" font-family="Liberation Sans, DejaVu Sans, sans-serif" font-size="2.8" fill="#111">Mã hồ sơ: ${codes.dossierCode}</text>`;
  const bar = codes.code128
    ? await code128Group(codes.dossierCode, { x: 18, y: 271, width: 100, height: 12 })
    : '';
  return closing(svg, `${qrGroup(codes.dossierCode, 18, 240, 24)}${caption}${bar}`);
}

/** A blank back with a few words written across it in blue ink. */
export function noteBack(text: string, paper = '#fdfcf8'): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="595.28" height="841.89" viewBox="0 0 210 297"><rect width="210" height="297" fill="${paper}"/><text x="30" y="120" transform="rotate(-4 30 120)" font-family="DejaVu Sans, sans-serif" font-style="italic" font-size="6" fill="#1d3f9a">${text.replace(/[<>&]/g, '')}</text></svg>`;
}
