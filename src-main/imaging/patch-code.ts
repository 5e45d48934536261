/**
 * Finds Kodak's patch T on a page: four black bars, narrow-wide-narrow-wide (2 mm and 5 mm)
 * with 2 mm spaces, at least 50 mm long, printed parallel to the sheet's leading edge, so
 * they lie across the page and are read down its columns. A page upside down reads them
 * wide-narrow-wide-narrow and counts too. Pure: a grey image in, found or not out.
 */
export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
  /** Pixels per millimetre of this image. */
  pxPerMm: number;
}

const NARROW_MM = 2.03;
const WIDE_MM = 5.08;
/** Patch T from its leading edge: bar, space, bar, space, bar, space, bar (what sheets print). */
export const PATCH_T_MM = [NARROW_MM, NARROW_MM, WIDE_MM, NARROW_MM, NARROW_MM, NARROW_MM, WIDE_MM] as const;
/** The bars are at least 50 mm long; a skewed or short print still covers this much. */
const MIN_LENGTH_MM = 35;
const COLUMN_STEP_MM = 2;
const QUIET_MM = 3;

/** Otsu's threshold: the grey level that best splits ink from paper on this page. */
export function otsuThreshold(data: Uint8Array): number {
  const histogram = new Float64Array(256);
  for (let index = 0; index < data.length; index += 1) histogram[data[index]!]! += 1;
  const total = data.length;
  let sum = 0;
  for (let level = 0; level < 256; level += 1) sum += level * histogram[level]!;
  let below = 0;
  let belowSum = 0;
  let best = 0;
  let threshold = 128;
  for (let level = 0; level < 256; level += 1) {
    below += histogram[level]!;
    if (below === 0) continue;
    const above = total - below;
    if (above === 0) break;
    belowSum += level * histogram[level]!;
    const meanBelow = belowSum / below;
    const meanAbove = (sum - belowSum) / above;
    const between = below * above * (meanBelow - meanAbove) ** 2;
    if (between > best) {
      best = between;
      threshold = level;
    }
  }
  return threshold;
}

/** Runs of ink and paper down column `x`: [dark, length] pairs, specks shorter than `minRun` merged. */
function columnRuns(image: GreyImage, x: number, threshold: number, minRun: number) {
  const runs: { dark: boolean; start: number; length: number }[] = [];
  for (let y = 0; y < image.height; y += 1) {
    const dark = image.data[y * image.width + x]! <= threshold;
    const last = runs[runs.length - 1];
    if (last && last.dark === dark) last.length += 1;
    else runs.push({ dark, start: y, length: 1 });
  }
  // A speck of noise inside a bar or a space joins its neighbours.
  const merged: typeof runs = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && (run.length < minRun || last.dark === run.dark)) last.length += run.length;
    else merged.push({ ...run });
  }
  return merged;
}

/** The vertical position of a patch T's start in column `x`, or null. */
function patchInColumn(image: GreyImage, x: number, threshold: number): number | null {
  const mm = (px: number) => px / image.pxPerMm;
  const narrow = (px: number) => Math.abs(mm(px) - NARROW_MM) <= 0.75;
  const wide = (px: number) => Math.abs(mm(px) - WIDE_MM) <= 1.1;
  const runs = columnRuns(image, x, threshold, Math.max(1, Math.round(image.pxPerMm * 0.5)));
  for (let index = 1; index + 7 < runs.length; index += 1) {
    const seven = runs.slice(index, index + 7);
    if (!seven[0]!.dark) continue;
    const before = runs[index - 1]!;
    const after = runs[index + 7]!;
    if (mm(before.length) < QUIET_MM || mm(after.length) < QUIET_MM) continue;
    const [b1, s1, b2, s2, b3, s3, b4] = seven.map((run) => run.length) as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (!narrow(s1) || !narrow(s2) || !narrow(s3)) continue;
    const upright = narrow(b1) && wide(b2) && narrow(b3) && wide(b4);
    const upsideDown = wide(b1) && narrow(b2) && wide(b3) && narrow(b4);
    if (upright || upsideDown) return seven[0]!.start;
  }
  return null;
}

/** Whether the page carries a patch T: the pattern found down enough neighbouring columns. */
export function hasPatchT(image: GreyImage): boolean {
  const threshold = otsuThreshold(image.data);
  const step = Math.max(1, Math.round(image.pxPerMm * COLUMN_STEP_MM));
  const needed = Math.ceil(MIN_LENGTH_MM / COLUMN_STEP_MM);
  // Neighbouring columns that see the pattern at nearly the same height (a 3° skew moves
  // it about 0.1 mm per column of 2 mm).
  let streak = 0;
  let lastY: number | null = null;
  for (let x = 0; x < image.width; x += step) {
    const y = patchInColumn(image, x, threshold);
    if (y !== null && (lastY === null || Math.abs(y - lastY) <= image.pxPerMm * 1.5)) {
      streak += 1;
      if (streak >= needed) return true;
    } else {
      streak = y === null ? 0 : 1;
    }
    lastY = y;
  }
  return false;
}
