import { describe, expect, it } from 'vitest';
import { imageMatrix, turnedSize, turnPoint, type QuarterTurn } from '../../../src-main/pdf/page-geometry';
import { parsePdfDate } from '../../../src-node/signing/verify-pdf';

const size = { width: 200, height: 100 };
/** Where image space (unit square, y up) lands under a PDF matrix. */
const apply = ([a, b, c, d, e, f]: number[], u: number, v: number) => ({
  x: a! * u + c! * v + e!,
  y: b! * u + d! * v + f!,
});

describe('page geometry: the clerk’s quarter turns, for images and OCR boxes alike', () => {
  it('turns the top-left corner of an image to the corner a clockwise turn puts it', () => {
    expect(turnPoint({ x: 0, y: 0 }, size, 90)).toEqual({ x: 100, y: 0 });
    expect(turnPoint({ x: 0, y: 0 }, size, 180)).toEqual({ x: 200, y: 100 });
    expect(turnPoint({ x: 0, y: 0 }, size, 270)).toEqual({ x: 0, y: 200 });
    expect(turnedSize(size, 90)).toEqual({ width: 100, height: 200 });
  });

  it('paints the image so that its top-left corner lands where turnPoint says, on a page of the turned size', () => {
    for (const turn of [0, 90, 180, 270] as QuarterTurn[]) {
      const page = turnedSize(size, turn);
      // Image top-left is (0,1) in image space; in page coordinates y runs up.
      const landed = apply(imageMatrix(size, turn), 0, 1);
      const expected = turnPoint({ x: 0, y: 0 }, size, turn);
      expect(landed).toEqual({ x: expected.x, y: page.height - expected.y });
    }
  });
});

describe('PDF dates', () => {
  it('reads UTC, offsets and partial dates', () => {
    expect(parsePdfDate('D:20261124233000Z')?.toISOString()).toBe('2026-11-24T23:30:00.000Z');
    expect(parsePdfDate("D:20261125063000+07'00'")?.toISOString()).toBe('2026-11-24T23:30:00.000Z');
    expect(parsePdfDate('D:2026')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(parsePdfDate('hôm qua')).toBeNull();
  });
});
