import sharp from 'sharp';
import { levelWords, skewToLevel } from '../ocr/deskew';
import { greymap } from '../ocr/greymap';
import { READING_DPI } from '../ocr/reading-resolution';
import { readPngStructure } from './png-structure';
import type { RecordPdfPage } from './record-pdf';

/** How a page is cleaned up for the PDF, when the administrator has turned that on. */
export interface PdfCleanUp {
  /** JPEG quality a colour or grey JPEG page is written at again. */
  jpegQuality: number;
}

/** The paper's colour is taken as each channel's level that this share of the page is below. */
const PAPER_PERCENTILE = 0.9;
/** Paper darker than this is not paper (a photograph, a dark form): its colours are left alone. */
const DARKEST_PAPER = 128;
/** Paper this light is left as it is: white enough that a second JPEG generation is not worth it. */
const WHITE_ENOUGH = 250;
/** A pixel darker than this at the scan's edge is the scanner's backing, not the sheet. */
const DARK_EDGE = 96;
/** Pixels of the backing's edge blurred into the sheet (scanner optics, JPEG), at most, and how dark. */
const EDGE_BLUR = 4;
const BLURRED_EDGE = 235;
/** Dark edge lines are looked for this far in, as a share of the page's side. */
const EDGE_DEPTH = 0.08;

interface Raster {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 3;
}

/** Paper's level is estimated from every this many pixels: plenty for a histogram. */
const SAMPLE_STEP = 4;

/**
 * Each channel's gain that brings the paper's level to white: yellowed or grey paper becomes
 * white, black print stays black, and a red seal and a blue signature keep their colours.
 * 1 for a channel whose "paper" is too dark to be paper.
 */
function paperGains(raster: Raster): number[] {
  const { data, channels } = raster;
  const gains: number[] = [];
  for (let channel = 0; channel < channels; channel++) {
    const counts = new Uint32Array(256);
    let samples = 0;
    for (let i = channel; i < data.length; i += channels * SAMPLE_STEP, samples++) counts[data[i]!]! += 1;
    let [below, paper] = [0, 255];
    for (let level = 0; level < 256; level++) {
      below += counts[level]!;
      if (below >= samples * PAPER_PERCENTILE) {
        paper = level;
        break;
      }
    }
    gains.push(paper >= DARKEST_PAPER && paper < WHITE_ENOUGH ? 255 / paper : 1);
  }
  return gains;
}

/**
 * The scanner's dark surround whitened (returns how many pixels were): along every row and column, the run of near-black
 * pixels that starts at the image's edge, no further in than `EDGE_DEPTH` of the side. A sheet
 * fed askew shows the scanner's black backing in wedges at its corners; print stops at the
 * sheet's margins, so it never touches the edge of the scan.
 */
function whitenDarkEdges(raster: Raster, gains: readonly number[]): number {
  const { data, width, height, channels } = raster;
  // Levels as they will be once the paper is white, so that the backing's blurred edge is
  // told from the paper by how far it is from white.
  const darkerThan = (at: number, level: number) => {
    let sum = 0;
    for (let channel = 0; channel < channels; channel++)
      sum += Math.min(255, data[at + channel]! * gains[channel]!);
    return sum < level * channels;
  };
  // From the pixel at (x, y), `step` pixels at a time, at most `depth` of them: the dark run and
  // the few pixels of its edge blurred into the sheet (scanner optics, JPEG), grey, not dark.
  const whitenRun = (x: number, y: number, step: number, depth: number) => {
    let at = (y * width + x) * channels;
    let lastDark = -1;
    for (let taken = 0; taken < depth; taken++, at += step * channels) {
      if (darkerThan(at, DARK_EDGE)) lastDark = taken;
      else if (taken - lastDark > EDGE_BLUR || !darkerThan(at, BLURRED_EDGE)) return;
      data.fill(255, at, at + channels);
      whitened += 1;
    }
  };
  let whitened = 0;
  const [across, down] = [Math.floor(width * EDGE_DEPTH), Math.floor(height * EDGE_DEPTH)];
  for (let y = 0; y < height; y++) {
    whitenRun(0, y, 1, across);
    whitenRun(width - 1, y, -1, across);
  }
  for (let x = 0; x < width; x++) {
    whitenRun(x, 0, width, down);
    whitenRun(x, height - 1, -width, down);
  }
  return whitened;
}

/** The page's skew as OCR measured it, or measured as OCR would on a page it has not read. */
async function skewOfPage(page: RecordPdfPage): Promise<number> {
  if (page.ocr?.skew !== undefined) return page.ocr.skew;
  const turn = page.ocr?.orientation ?? page.rotation;
  return skewToLevel(await greymap(Buffer.from(page.image), { turn, maxDpi: READING_DPI }));
}

/**
 * The page turned level by `skew` about its centre, at its own size, the corners filled white,
 * each channel multiplied by its gain: ready to encode.
 */
async function levelled(raster: Raster, skew: number, gains: readonly number[]) {
  const raw = { width: raster.width, height: raster.height, channels: raster.channels };
  let image = sharp(raster.data, { raw });
  if (skew !== 0) {
    // The turned canvas is larger; its middle, at the page's size, is the page levelled.
    const turned = await image
      .rotate(-skew, { background: { r: 255, g: 255, b: 255 } })
      .raw()
      .toBuffer({ resolveWithObject: true });
    image = sharp(turned.data, { raw: { ...turned.info, channels: raster.channels } }).extract({
      left: Math.round((turned.info.width - raster.width) / 2),
      top: Math.round((turned.info.height - raster.height) / 2),
      width: raster.width,
      height: raster.height,
    });
  }
  return gains.some((gain) => gain !== 1)
    ? image.linear(
        [...gains],
        gains.map(() => 0),
      )
    : image;
}

/**
 * A page as the PDF shows it when the administrator turns clean-up on for the PDF: turned level
 * (by the skew OCR read it at, so the text layer's words move with it), the scanner's dark
 * surround whitened, the paper made white. Its colours are kept: OCR drops a red seal and a blue
 * signature to read the text under them, but in the record they are part of the evidence.
 * A JPEG stays a JPEG, a PNG a PNG, a bitonal page bitonal; the size and resolution are kept.
 * A page with nothing to clean is kept byte for byte.
 */
export async function cleanUpPage(page: RecordPdfPage, options: PdfCleanUp): Promise<RecordPdfPage> {
  const png = page.mimeType === 'image/png' ? readPngStructure(page.image) : undefined;
  const bitonal = png?.passThrough === true && png.bitDepth === 1;
  const skew = await skewOfPage(page);
  const scanned = await rasterOf(page.image);
  const gains = bitonal ? Array<number>(scanned.channels).fill(1) : paperGains(scanned);
  // Before levelling, while the backing's wedges touch the scan's edges.
  const edges = whitenDarkEdges(scanned, gains);
  // A level page on white paper with no dark edge has nothing to clean: kept as scanned.
  if (skew === 0 && edges === 0 && gains.every((gain) => gain === 1)) return page;
  const output = await levelled(scanned, skew, gains);
  const image =
    page.mimeType === 'image/jpeg'
      ? await output.jpeg({ quality: options.jpegQuality }).toBuffer()
      : bitonal
        ? await output.threshold(128).toColourspace('b-w').png({ palette: true, colours: 2 }).toBuffer()
        : await output.png().toBuffer();
  if (!page.ocr) return { ...page, image };
  return { ...page, image, ocr: { ...page.ocr, words: levelWords(page.ocr.words, skew, page.ocr), skew: 0 } };
}

/** The image's pixels, transparency on white, as grey or as RGB. */
async function rasterOf(image: Uint8Array): Promise<Raster> {
  const { data, info } = await sharp(image)
    .flatten({ background: '#ffffff' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const channels = info.channels >= 3 ? 3 : 1;
  const pixels =
    channels === info.channels ? data : await sharp(data, { raw: info }).extractChannel(0).raw().toBuffer();
  return { data: pixels, width: info.width, height: info.height, channels };
}
