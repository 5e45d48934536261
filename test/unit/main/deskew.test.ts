import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { skewOf, straighten } from '../../../src-main/ocr/deskew';
import type { Greymap } from '../../../src-main/ocr/greymap';

/** A page of text-like lines (dark bars of broken words), as a scanner fed it `degrees` clockwise. */
async function askewPage(degrees: number): Promise<Greymap> {
  const bars = Array.from({ length: 40 }, (_, line) =>
    Array.from(
      { length: 12 },
      (_, word) =>
        `<rect x="${150 + word * 140}" y="${200 + line * 70}" width="${90 + ((line * 7 + word * 13) % 40)}" height="22" fill="black"/>`,
    ).join(''),
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1900" height="3100"><rect width="100%" height="100%" fill="white"/>${bars}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg))
    .rotate(degrees, { background: 'white' })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    pgm: Buffer.concat([Buffer.from(`P5\n${info.width} ${info.height}\n255\n`), data]),
    dpi: 200,
    scale: 1,
    width: info.width,
    height: info.height,
  };
}

const darkAt = (grey: Greymap, x: number, y: number) =>
  grey.pgm[grey.pgm.length - grey.width * grey.height + Math.round(y) * grey.width + Math.round(x)]! < 128;

describe('levelling a page fed askew, for OCR only', () => {
  it.each([2.5, -1.7, 0.8, 3])('finds a page turned %s° and turns it level', async (degrees) => {
    const page = await askewPage(degrees);
    expect(skewOf(page)).toBeCloseTo(degrees, 0);
    expect(Math.abs(skewOf(page) - degrees)).toBeLessThan(0.15);
    const { grey } = await straighten(page);
    expect(Math.abs(skewOf(grey))).toBeLessThan(0.15);
  });

  it('leaves a level page as it is, and puts boxes read on the levelled page back on the page as scanned', async () => {
    const level = await askewPage(0);
    expect((await straighten(level)).grey).toBe(level);

    const page = await askewPage(2.5);
    const { grey, unturn } = await straighten(page);
    // A word box found on the levelled page (the middle of a dark bar there)…
    let found: { x: number; y: number } | null = null;
    for (let y = Math.round(grey.height / 2); y < grey.height && !found; y++)
      if (darkAt(grey, grey.width / 2, y) && darkAt(grey, grey.width / 2 + 3, y + 8))
        found = { x: grey.width / 2, y: y + 8 };
    expect(found).not.toBeNull();
    const [word] = unturn([
      {
        text: 'x',
        confidence: 90,
        start: 0,
        end: 1,
        bbox: { x0: found!.x - 2, y0: found!.y - 2, x1: found!.x + 2, y1: found!.y + 2 },
      },
    ]);
    // …is on a dark bar of the page as it was scanned, inside its bounds.
    const centre = { x: (word!.bbox.x0 + word!.bbox.x1) / 2, y: (word!.bbox.y0 + word!.bbox.y1) / 2 };
    expect(darkAt(page, centre.x, centre.y)).toBe(true);
    expect(word!.bbox.x1).toBeLessThanOrEqual(page.width);
    expect(word!.bbox.y1).toBeLessThanOrEqual(page.height);
  });
});
