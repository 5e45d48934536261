import type { Sharp } from 'sharp';

/** Analysis size: enough to see a line of text, small enough to be instant. */
const ANALYSIS_WIDTH = 600;
/** Scanner edges and punch holes live in the margins; they are not content. */
const MARGIN = 0.06;

/**
 * The share of the page (margins excluded) covered by ink: pixels darker than `inkLevel`
 * on a grey, downscaled copy. A blank sheet scores near 0, a typed page around 0.02–0.1.
 */
export async function inkRatio(image: Sharp, inkLevel: number): Promise<number> {
  const { data, info } = await image
    .resize({ width: ANALYSIS_WIDTH, withoutEnlargement: true })
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const left = Math.floor(info.width * MARGIN);
  const top = Math.floor(info.height * MARGIN);
  const right = info.width - left;
  const bottom = info.height - top;
  let ink = 0;
  for (let y = top; y < bottom; y += 1) {
    const row = y * info.width;
    for (let x = left; x < right; x += 1) if (data[row + x]! < inkLevel) ink += 1;
  }
  const area = (right - left) * (bottom - top);
  return area > 0 ? ink / area : 0;
}
