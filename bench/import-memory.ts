/**
 * bench/import-memory: peak memory of `sohoa import` (and the poppler processes it starts)
 * on hostile input beside a reference measured in the same run (30 good A4 pages). Issue 3:
 * a decompression bomb, a truncated JPEG and a 300-page TIFF each get their error or import
 * page by page, and memory stays bounded: the ratio should stay near 1, not grow with pages
 * or claimed pixels. Issue 21: a one-page PDF of 8400×8400 pt drawing a 35000×35000 CCITT
 * image is refused before poppler renders it (goal ≤ 1.5× the reference).
 *
 * Run: npm run bench:import   (after `npm run build`)
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { createDeflate } from 'node:zlib';
import sharp from 'sharp';
import { OUT, requireBuild } from '../test/support/built-app';
import { ccittBombPdf } from '../test/support/hostile-pdfs';
import { greyPngHeader, pngChunk, PNG_SIGNATURE, vietnamesePage } from '../test/support/page-images';
import { watchPeakMemory } from '../test/support/peak-memory';

/** Peak resident memory of `sohoa ARGS` and the processes it starts (poppler), read from /proc while it runs. */
async function peakMemory(
  args: string[],
  dataDir: string,
): Promise<{ mb: number; code: number | null; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [resolve(OUT, 'main/cli.js'), ...args], {
    env: { ...process.env, SOHOA_DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  const watch = watchPeakMemory(child.pid!);
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  return { mb: watch.stop(), code, ms: performance.now() - started };
}

/** A real decompression bomb: a `side`×`side` grey PNG of zeros, deflated row by row. */
async function writePngBomb(path: string, side: number): Promise<void> {
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  const collected = (async () => {
    for await (const part of deflate) parts.push(part as Buffer);
  })();
  const row = Buffer.alloc(side + 1);
  for (let y = 0; y < side; y += 1) if (!deflate.write(row)) await once(deflate, 'drain');
  deflate.end();
  await collected;
  const out = createWriteStream(path);
  for (const part of [PNG_SIGNATURE, greyPngHeader(side, side), pngChunk('IDAT', Buffer.concat(parts))]) {
    out.write(part);
  }
  out.write(pngChunk('IEND', Buffer.alloc(0)));
  await new Promise((done) => out.end(done));
}

async function main() {
  requireBuild();
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-bench-import-'));
  const file = (name: string) => join(dir, name);
  try {
    const page = await sharp(await vietnamesePage(200, ['GIẤY PHÉP LAO ĐỘNG', 'Số: 123/GPLĐ-SLĐTBXH']))
      .withDensity(200)
      .jpeg({ quality: 90 })
      .toBuffer();
    writeFileSync(file('one.jpg'), page);
    writeFileSync(file('truncated.jpg'), page.subarray(0, page.length / 3));
    await writePngBomb(file('bomb.png'), 30_000);
    // 300 A4 pages at 200 dpi, LZW-compressed: a box of archive papers through a copier.
    const a4 = await sharp(page).raw().toBuffer({ resolveWithObject: true });
    const pages = Array.from({ length: 300 }, () =>
      sharp(a4.data, { raw: a4.info }).png({ compressionLevel: 1 }).toBuffer(),
    );
    await sharp(await Promise.all(pages), { join: { animated: true } })
      .withDensity(200)
      .tiff({ compression: 'lzw' })
      .toFile(file('box.tif'));

    // The reference is 30 good pages: enough for libvips' threads and the allocator to
    // reach their steady state, so the ratio shows whether hostile input adds to it.
    const good = Array.from({ length: 30 }, (_, index) => file(`good-${index}.jpg`));
    for (const path of good) writeFileSync(path, page);
    const reference = await peakMemory(['import', ...good, '--out', file('out-1')], file('station'));
    const hostile = await peakMemory(
      [
        'import',
        file('bomb.png'),
        file('truncated.jpg'),
        file('box.tif'),
        file('one.jpg'),
        '--out',
        file('out-2'),
      ],
      file('station'),
    );
    writeFileSync(file('ccitt-bomb.pdf'), await ccittBombPdf(8400, 35_000));
    const oversizedPdf = await peakMemory(
      ['import', file('ccitt-bomb.pdf'), '--out', file('out-3')],
      file('station'),
    );
    const mb = (path: string) => (statSync(path).size / 1024 / 1024).toFixed(1);
    console.log('bench/import-memory: peak resident memory of `sohoa import`');
    console.log(
      `  reference: 30 A4 pages (JPEG files)                           ${reference.mb.toFixed(0).padStart(5)} MB  ${reference.ms.toFixed(0).padStart(6)} ms  exit ${reference.code}`,
    );
    console.log(
      `  hostile: 30000×30000 PNG bomb (${mb(file('bomb.png'))} MB), truncated JPEG, 300-page TIFF (${mb(file('box.tif'))} MB), 1 page ${hostile.mb.toFixed(0).padStart(5)} MB  ${hostile.ms.toFixed(0).padStart(6)} ms  exit ${hostile.code}`,
    );
    console.log(
      `  hostile: 8400×8400 pt PDF page with a 35000×35000 CCITT image (${(statSync(file('ccitt-bomb.pdf')).size / 1024).toFixed(0)} KB)        ${oversizedPdf.mb.toFixed(0).padStart(5)} MB  ${oversizedPdf.ms.toFixed(0).padStart(6)} ms  exit ${oversizedPdf.code}`,
    );
    console.log(
      `  ratio, hostile files vs reference peak memory: ${(hostile.mb / reference.mb).toFixed(2)}×`,
    );
    console.log(
      `  ratio, oversized PDF page vs reference peak memory: ${(oversizedPdf.mb / reference.mb).toFixed(2)}× (goal ≤ 1.5×)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
