/** What a PDF needs to carry a PNG's compressed data as it is (PNG spec, ISO/IEC 15948). */
export type PngStructure =
  | {
      passThrough: true;
      width: number;
      height: number;
      bitDepth: number;
      colorType: 'gray' | 'rgb' | 'palette';
      /** RGB triples of a palette image; empty otherwise. */
      palette: Buffer;
      /** The IDAT chunks joined: one zlib stream of PNG-filtered rows. */
      data: Buffer;
    }
  | { passThrough: false };

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_TYPES: Record<number, 'gray' | 'rgb' | 'palette'> = { 0: 'gray', 2: 'rgb', 3: 'palette' };

/**
 * Reads a PNG's header, palette and data chunks. Images with an alpha channel, a
 * transparency chunk or interlacing cannot be carried as they are (`passThrough: false`).
 * Throws on a file that is not a whole PNG.
 */
export function readPngStructure(bytes: Uint8Array): PngStructure {
  const png = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  const data: Buffer[] = [];
  let header: Buffer | undefined;
  let palette: Buffer = Buffer.alloc(0);
  let transparent = false;
  let ended = false;
  for (let at = 8; at + 12 <= png.length && !ended;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (body.length !== length) throw new Error(`PNG chunk ${type} cut short`);
    if (type === 'IHDR') header = body;
    else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparent = true;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') ended = true;
    at += 12 + length;
  }
  if (!header || header.length < 13 || data.length === 0 || !ended) throw new Error('PNG incomplete');
  const colorType = COLOR_TYPES[header[9]!];
  const interlaced = header[12] !== 0;
  if (!colorType || transparent || interlaced) return { passThrough: false };
  if (colorType === 'palette' && (palette.length === 0 || palette.length % 3 !== 0)) {
    throw new Error('PNG palette missing');
  }
  return {
    passThrough: true,
    width: header.readUInt32BE(0),
    height: header.readUInt32BE(4),
    bitDepth: header[8]!,
    colorType,
    palette,
    data: Buffer.concat(data),
  };
}
