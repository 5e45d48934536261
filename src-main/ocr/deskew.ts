import sharp from 'sharp';
import type { OcrWord } from '../../src-shared/ocr/ocr-page';
import type { Greymap } from './greymap';

/** Angles tried, degrees: a sheet fed askew by up to this much. */
const MAX_SKEW = 4;
/** Below this the page is read as it is: Tesseract copes, and turning blurs a little. */
const MIN_SKEW = 0.3;
/** Width of the copy the angle is found on, px. */
const PROBE_WIDTH = 1000;

const headerLength = (grey: Greymap) => grey.pgm.length - grey.width * grey.height;

/**
 * The page's skew in degrees, clockwise: the angle at which the rows of dark pixels line up
 * best (their counts along the slanted rows are the most uneven), first in steps of 0.25°,
 * then of 0.05° around the best.
 */
export function skewOf(grey: Greymap): number {
  const data = grey.pgm.subarray(headerLength(grey));
  const step = Math.max(1, Math.ceil(grey.width / PROBE_WIDTH));
  const [across, down] = [Math.ceil(grey.width / step), Math.ceil(grey.height / step)];
  // The dark samples' places on the probe grid, in typed arrays: each angle tried runs over
  // them all. Every other column is enough (the rows' evenness is what is measured), and
  // halves main's share of the reading time spent here (bench/ocr).
  const xs = new Uint16Array(across * down);
  const ys = new Uint16Array(across * down);
  let dark = 0;
  for (let y = 0; y < grey.height; y += step) {
    const row = y * grey.width;
    for (let x = 0; x < grey.width; x += 2 * step) {
      if (data[row + x]! < 128) {
        xs[dark] = x / step;
        ys[dark] = y / step;
        dark += 1;
      }
    }
  }
  if (dark < 500) return 0;
  const counts = new Int32Array(down + across + 2);
  // Rows in 1/65536ths so that each sample's slanted row is integer arithmetic.
  const ONE = 65536;
  const offset = across * ONE + ONE / 2;
  const sharpness = (degrees: number) => {
    counts.fill(0);
    const slope = Math.round(Math.tan((degrees * Math.PI) / 180) * ONE);
    for (let i = 0; i < dark; i++) counts[((ys[i]! * ONE - xs[i]! * slope + offset) / ONE) | 0]! += 1;
    let sum = 0;
    for (let i = 0; i < counts.length; i++) sum += counts[i]! * counts[i]!;
    return sum;
  };
  const best = (from: number, to: number, by: number, start: number) => {
    let angle = start;
    let score = sharpness(start);
    for (let degrees = from; degrees <= to + 1e-9; degrees += by) {
      const each = sharpness(degrees);
      if (each > score) [angle, score] = [degrees, each];
    }
    return angle;
  };
  const coarse = best(-MAX_SKEW, MAX_SKEW, 0.25, 0);
  return best(coarse - 0.25, coarse + 0.25, 0.05, coarse);
}

/** The skew a page is turned level by: its skew, or 0 below `MIN_SKEW`. */
export function skewToLevel(grey: Greymap): number {
  const skew = skewOf(grey);
  return Math.abs(skew) < MIN_SKEW ? 0 : skew;
}

export interface Straightened {
  grey: Greymap;
  /** Degrees clockwise the page lay askew and was turned back by; 0 when read as it is. */
  skew: number;
  /** The words' boxes back on the page as it was given (the stored image the PDF draws). */
  unturn(words: OcrWord[]): OcrWord[];
}

/**
 * The page turned level when it is askew, for OCR only: the stored page and the PDF stay the
 * scan as captured, so the words' boxes are turned back onto it.
 */
export async function straighten(grey: Greymap): Promise<Straightened> {
  const skew = skewToLevel(grey);
  if (skew === 0) return { grey, skew, unturn: (words) => words };
  const { data, info } = await sharp(grey.pgm.subarray(headerLength(grey)), {
    raw: { width: grey.width, height: grey.height, channels: 1 },
  })
    .rotate(-skew, { background: { r: 255, g: 255, b: 255 } })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const level: Greymap = {
    pgm: Buffer.concat([Buffer.from(`P5\n${info.width} ${info.height}\n255\n`), data]),
    dpi: grey.dpi,
    scale: grey.scale,
    width: info.width,
    height: info.height,
  };
  // A point of the levelled page, back on the given one: turned by the skew about the centres.
  const radians = (skew * Math.PI) / 180;
  const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
  const back = (x: number, y: number) => {
    const [dx, dy] = [x - info.width / 2, y - info.height / 2];
    return [grey.width / 2 + dx * cos - dy * sin, grey.height / 2 + dx * sin + dy * cos] as const;
  };
  const clamp = (value: number, max: number) => Math.min(max, Math.max(0, Math.round(value)));
  return {
    grey: level,
    skew,
    unturn: (words) =>
      words.map((word) => {
        const { x0, y0, x1, y1 } = word.bbox;
        const corners = [back(x0, y0), back(x1, y0), back(x0, y1), back(x1, y1)];
        const xs = corners.map(([x]) => x);
        const ys = corners.map(([, y]) => y);
        return {
          ...word,
          bbox: {
            x0: clamp(Math.min(...xs), grey.width),
            y0: clamp(Math.min(...ys), grey.height),
            x1: clamp(Math.max(...xs), grey.width),
            y1: clamp(Math.max(...ys), grey.height),
          },
        };
      }),
  };
}

/**
 * Words' boxes on a page as given, moved onto that page turned level by `skew` about its centre
 * and kept at its size (the PDF's cleaned-up page). Each box was the upright hull of a level
 * word's box turned by the skew (`straighten`'s unturn); that hull is undone, so the word gets
 * its own width and height back rather than a box grown by the turn.
 */
export function levelWords(
  words: readonly OcrWord[],
  skew: number,
  size: { widthPx: number; heightPx: number },
): OcrWord[] {
  if (skew === 0) return [...words];
  const radians = (skew * Math.PI) / 180;
  const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
  const [c, s] = [Math.abs(cos), Math.abs(sin)];
  const [cx, cy] = [size.widthPx / 2, size.heightPx / 2];
  return words.map((word) => {
    const { x0, y0, x1, y1 } = word.bbox;
    const [hullWidth, hullHeight] = [x1 - x0, y1 - y0];
    // hull = (w·c + h·s, w·s + h·c), solved for w and h.
    const width = Math.max(1, (hullWidth * c - hullHeight * s) / (c * c - s * s));
    const height = Math.max(1, (hullHeight * c - hullWidth * s) / (c * c - s * s));
    // The centre turned back by the skew: the inverse of unturn's turn.
    const [dx, dy] = [(x0 + x1) / 2 - cx, (y0 + y1) / 2 - cy];
    const [mx, my] = [cx + dx * cos + dy * sin, cy - dx * sin + dy * cos];
    return {
      ...word,
      bbox: {
        x0: Math.round(mx - width / 2),
        y0: Math.round(my - height / 2),
        x1: Math.round(mx + width / 2),
        y1: Math.round(my + height / 2),
      },
    };
  });
}
