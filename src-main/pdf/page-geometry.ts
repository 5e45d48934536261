/** Quarter turns, clockwise, as pages and OCR results store them. */
export type QuarterTurn = 0 | 90 | 180 | 270;

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export const POINTS_PER_INCH = 72;

export const normaliseTurn = (degrees: number): QuarterTurn => (((degrees % 360) + 360) % 360) as QuarterTurn;

export const turnedSize = ({ width, height }: Size, turn: QuarterTurn): Size =>
  turn === 90 || turn === 270 ? { width: height, height: width } : { width, height };

/** Where a point of an image (y down) lands when the image is turned clockwise by `turn`. */
export function turnPoint({ x, y }: Point, { width, height }: Size, turn: QuarterTurn): Point {
  switch (turn) {
    case 0:
      return { x, y };
    case 90:
      return { x: height - y, y: x };
    case 180:
      return { x: width - x, y: height - y };
    case 270:
      return { x: y, y: width - x };
  }
}

/**
 * The transformation matrix that paints an image (PDF image space: the unit square,
 * origin bottom-left) turned clockwise by `turn` onto a page of the turned size, in points.
 */
export function imageMatrix(
  image: Size,
  turn: QuarterTurn,
): [number, number, number, number, number, number] {
  const { width: w, height: h } = image;
  switch (turn) {
    case 0:
      return [w, 0, 0, h, 0, 0];
    case 90:
      return [0, -w, h, 0, 0, w];
    case 180:
      return [-w, 0, 0, -h, w, h];
    case 270:
      return [0, w, -h, 0, h, 0];
  }
}
