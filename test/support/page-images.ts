import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

const A4_MM = { width: 210, height: 297 };
const px = (mm: number, dpi: number) => Math.round((mm / 25.4) * dpi);

/** A white A4 page with Vietnamese text, rendered through librsvg with a Vietnamese-capable font. */
export function vietnamesePage(dpi: number, lines: string[]): Promise<Buffer> {
  const width = px(A4_MM.width, dpi);
  const height = px(A4_MM.height, dpi);
  const size = Math.round(dpi / 6);
  const text = lines
    .map((line, index) => `<text x="${size * 3}" y="${size * (5 + index * 2)}">${line}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="white"/>
    <g font-family="DejaVu Serif" font-size="${size}" fill="black">${text}</g></svg>`;
  return sharp(Buffer.from(svg), { density: 72 }).withDensity(dpi).png().toBuffer();
}

export const blankPage = (dpi: number): Promise<Buffer> =>
  sharp({
    create: { width: px(A4_MM.width, dpi), height: px(A4_MM.height, dpi), channels: 3, background: 'white' },
  })
    .withDensity(dpi)
    .png()
    .toBuffer();

/** One PNG chunk: length, type, data and CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The IHDR of an 8-bit greyscale PNG. */
export function greyPngHeader(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // greyscale
  return pngChunk('IHDR', header);
}

/**
 * A PNG whose header claims `width` × `height` pixels but whose data is a few bytes: the
 * shape of a decompression bomb, without needing the memory to make a real one.
 */
export function pngBombHeader(width: number, height: number): Buffer {
  return Buffer.concat([
    PNG_SIGNATURE,
    greyPngHeader(width, height),
    pngChunk('IDAT', deflateSync(Buffer.alloc(width + 1))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A multi-page greyscale TIFF written by hand (baseline, uncompressed, one strip a page), so
 * its pages may differ in size: libvips writes a multi-page file only of equal pages.
 */
export function greyTiff(pages: { width: number; height: number; dpi: number }[]): Buffer {
  const TAGS = 12;
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0, 0, 0, 0]);
  const parts: Buffer[] = [header];
  let offset = header.length;
  // Where the offset of the next IFD goes: the header's, then each IFD's last four bytes.
  let link = { buffer: header, at: 4 };
  for (const { width, height, dpi } of pages) {
    // White with one black bar, so the page is not blank.
    const pixels = Buffer.alloc(width * height, 0xff);
    pixels.fill(0, width * Math.floor(height / 4), width * (Math.floor(height / 4) + 4));
    const resolution = Buffer.alloc(8);
    resolution.writeUInt32LE(dpi, 0);
    resolution.writeUInt32LE(1, 4);
    const pixelsAt = offset;
    const resolutionAt = pixelsAt + pixels.length;
    const ifdAt = resolutionAt + resolution.length;
    const ifd = Buffer.alloc(2 + TAGS * 12 + 4);
    ifd.writeUInt16LE(TAGS, 0);
    const entries: [tag: number, type: 3 | 4 | 5, value: number][] = [
      [256, 4, width],
      [257, 4, height],
      [258, 3, 8], // bits per sample
      [259, 3, 1], // no compression
      [262, 3, 1], // black is zero
      [273, 4, pixelsAt],
      [277, 3, 1], // samples per pixel
      [278, 4, height], // rows per strip
      [279, 4, pixels.length],
      [282, 5, resolutionAt],
      [283, 5, resolutionAt],
      [296, 3, 2], // inches
    ];
    entries.forEach(([tag, type, value], entry) => {
      const at = 2 + entry * 12;
      ifd.writeUInt16LE(tag, at);
      ifd.writeUInt16LE(type, at + 2);
      ifd.writeUInt32LE(1, at + 4);
      if (type === 3) ifd.writeUInt16LE(value, at + 8);
      else ifd.writeUInt32LE(value, at + 8);
    });
    link.buffer.writeUInt32LE(ifdAt, link.at);
    link = { buffer: ifd, at: ifd.length - 4 };
    parts.push(pixels, resolution, ifd);
    offset = ifdAt + ifd.length;
  }
  return Buffer.concat(parts);
}
