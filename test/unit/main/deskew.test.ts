import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { levelWords, skewOf, straighten } from '../../../src-main/ocr/deskew';
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

  it.each([2.5, -1.7])(
    'moves boxes put back on a page turned %s° onto that page levelled at its own size, each box its own size again',
    async (degrees) => {
      const page = await askewPage(degrees);
      const { grey, skew, unturn } = await straighten(page);
      expect(skew).toBeCloseTo(degrees, 0);
      // Boxes as OCR finds them on the levelled page: a wide word, a tall one, one near a corner.
      const found = [
        { x0: 400, y0: 900, x1: 640, y1: 930 },
        { x0: 1200, y0: 1500, x1: 1230, y1: 1620 },
        { x0: 120, y0: 150, x1: 260, y1: 178 },
      ].map((bbox, index) => ({ text: `w${index}`, confidence: 90, start: 0, end: 2, bbox }));
      const onPage = unturn(found);
      const levelled = levelWords(onPage, skew, { widthPx: page.width, heightPx: page.height });
      // The levelled page at the page's size is the OCR's levelled page cropped about its centre.
      const [left, top] = [(grey.width - page.width) / 2, (grey.height - page.height) / 2];
      for (const [index, word] of levelled.entries()) {
        const box = found[index]!.bbox;
        expect(Math.abs(word.bbox.x0 - (box.x0 - left))).toBeLessThanOrEqual(2);
        expect(Math.abs(word.bbox.x1 - (box.x1 - left))).toBeLessThanOrEqual(2);
        expect(Math.abs(word.bbox.y0 - (box.y0 - top))).toBeLessThanOrEqual(2);
        expect(Math.abs(word.bbox.y1 - (box.y1 - top))).toBeLessThanOrEqual(2);
      }
      // The hull OCR's boxes were put back in is larger than the word: levelling undoes it.
      expect(onPage[0]!.bbox.y1 - onPage[0]!.bbox.y0).toBeGreaterThan(35);
    },
  );
});
