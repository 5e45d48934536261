import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { makeTempDir } from './temp-dir';

const run = promisify(execFile);

export interface ScanLike {
  dpi: number;
  mode: 'gray' | 'mono';
  /** Degrees, clockwise. */
  skew?: number;
  /** Stored as JPEG of this quality (its artefacts included). */
  jpegQuality?: number;
  /** Grey noise added, 0–255 amplitude. */
  noise?: number;
}

/**
 * Page `page` of a printed PDF as a scanner would deliver it: rendered by poppler at the
 * scan's dpi (grey, or bitonal as a fax-like scanner thresholds it), then skewed, noised and
 * JPEG-compressed with sharp.
 */
export async function scanOfPdfPage(pdf: Uint8Array, page: number, scan: ScanLike): Promise<Buffer> {
  const dir = makeTempDir('sohoa-sheet-scan-');
  try {
    writeFileSync(join(dir.path, 'in.pdf'), pdf);
    const args = ['-r', String(scan.dpi), scan.mode === 'mono' ? '-mono' : '-gray', '-png'];
    await run('pdftoppm', [...args, '-f', String(page), '-l', String(page), '-singlefile', 'in.pdf', 'out'], {
      cwd: dir.path,
    });
    let image = sharp(readFileSync(join(dir.path, 'out.png')));
    if (scan.skew) image = sharp(await image.rotate(scan.skew, { background: '#ffffff' }).png().toBuffer());
    if (scan.noise) {
      const { data, info } = await image.grayscale().raw().toBuffer({ resolveWithObject: true });
      let seed = 7;
      for (let index = 0; index < data.length; index += 1) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        const delta = ((seed >>> 16) % (2 * scan.noise + 1)) - scan.noise;
        data[index] = Math.max(0, Math.min(255, data[index]! + delta));
      }
      image = sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } });
    }
    image = image.withMetadata({ density: scan.dpi });
    return scan.jpegQuality ? image.jpeg({ quality: scan.jpegQuality }).toBuffer() : image.png().toBuffer();
  } finally {
    dir.remove();
  }
}
