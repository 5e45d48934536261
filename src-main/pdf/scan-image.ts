import { promisify } from 'node:util';
import { deflate } from 'node:zlib';
import { JpegEmbedder, PDFHexString, type PDFDocument, type PDFRef } from 'pdf-lib';
import { ownBytes } from '../../src-shared/encoding/bytes';
import { readPngStructure } from './png-structure';

const deflateAsync = promisify(deflate);

/** A page's scan as an image XObject of the document. */
export interface EmbeddedScan {
  ref: PDFRef;
  width: number;
  height: number;
}

/**
 * Flate over a JPEG is kept only when it saves at least this share: a scanned page's white
 * margins make the entropy-coded bytes repeat, a photograph's do not.
 */
const DEFLATED_JPEG_AT_MOST = 0.95;

/**
 * The JPEG bytes go in unchanged (DCTDecode), wrapped in Flate when that makes them smaller,
 * as ocrmypdf does: lossless, and both filters are allowed in PDF/A-2.
 */
async function embedJpeg(doc: PDFDocument, bytes: Uint8Array): Promise<EmbeddedScan> {
  const jpeg = await JpegEmbedder.for(bytes);
  const deflated = await deflateAsync(bytes, { level: 9, memLevel: 9 });
  const wrapped = deflated.length <= bytes.length * DEFLATED_JPEG_AT_MOST;
  const stream = doc.context.stream(wrapped ? deflated : bytes, {
    Type: 'XObject',
    Subtype: 'Image',
    BitsPerComponent: jpeg.bitsPerComponent,
    Width: jpeg.width,
    Height: jpeg.height,
    ColorSpace: jpeg.colorSpace,
    Filter: wrapped ? ['FlateDecode', 'DCTDecode'] : 'DCTDecode',
    // As pdf-lib does: CMYK JPEGs from Photoshop are stored inverted (PDF 32000-1, 8.6.4.4).
    ...(jpeg.colorSpace === 'DeviceCMYK' ? { Decode: [1, 0, 1, 0, 1, 0, 1, 0] } : {}),
  });
  return { ref: doc.context.register(stream), width: jpeg.width, height: jpeg.height };
}

/**
 * A PNG without transparency or interlacing goes in as its own compressed data (PDF's Flate
 * with the PNG predictors reads it as it is), at its own bit depth: a bitonal page stays one
 * bit per pixel. pdf-lib would expand every PNG to 8-bit RGB, 24 times the samples.
 * Anything else is left to pdf-lib.
 */
async function embedPng(doc: PDFDocument, bytes: Uint8Array): Promise<EmbeddedScan> {
  const png = readPngStructure(bytes);
  if (!png.passThrough) {
    const image = await doc.embedPng(bytes);
    return { ref: image.ref, width: image.width, height: image.height };
  }
  const colorSpace =
    png.colorType === 'palette'
      ? ['Indexed', 'DeviceRGB', png.palette.length / 3 - 1, PDFHexString.of(png.palette.toString('hex'))]
      : png.colorType === 'gray'
        ? 'DeviceGray'
        : 'DeviceRGB';
  const stream = doc.context.stream(png.data, {
    Type: 'XObject',
    Subtype: 'Image',
    BitsPerComponent: png.bitDepth,
    Width: png.width,
    Height: png.height,
    ColorSpace: colorSpace,
    Filter: 'FlateDecode',
    DecodeParms: {
      Predictor: 15,
      Colors: png.colorType === 'rgb' ? 3 : 1,
      BitsPerComponent: png.bitDepth,
      Columns: png.width,
    },
  });
  return { ref: doc.context.register(stream), width: png.width, height: png.height };
}

/** Embeds a stored scan without decoding it to pixels: a JPEG or PNG as capture keeps them. */
export function embedScanImage(
  doc: PDFDocument,
  image: Uint8Array,
  mimeType: 'image/jpeg' | 'image/png',
): Promise<EmbeddedScan> {
  // pdf-lib's JPEG reader ignores a view's offset: a page that arrived as part of a larger
  // message (the harness's binary frames) is copied out first.
  const own = ownBytes(image);
  return mimeType === 'image/jpeg' ? embedJpeg(doc, own) : embedPng(doc, own);
}
