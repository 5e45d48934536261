import { describe, expect, it } from 'vitest';
import { dropColour } from '../../../../src-main/ocr/colour-dropout';

const greyOf = (...pixels: [number, number, number][]) => [...dropColour(Uint8Array.from(pixels.flat()))];

describe('the grey OCR reads of a colour page', () => {
  it('keeps black and grey print as it is', () => {
    expect(greyOf([0, 0, 0], [40, 40, 40], [128, 128, 128], [200, 200, 200])).toEqual([0, 40, 128, 200]);
  });

  it('turns a red seal, a blue pen and yellowed paper white', () => {
    expect(greyOf([208, 32, 42], [64, 87, 180], [246, 236, 205])).toEqual([255, 255, 255]);
  });

  it('keeps colour print dark enough to be ink, and print under the tint a JPEG gives it', () => {
    const [navyTitle, darkRed, tintedPrint] = greyOf([29, 78, 120], [110, 20, 24], [30, 24, 40]);
    expect(navyTitle).toBe(120);
    expect(darkRed).toBe(110);
    expect(tintedPrint).toBe(40);
  });

  it('fades a colour out as it brightens, with no step where a stroke would break up', () => {
    const greys = greyOf(
      ...Array.from({ length: 60 }, (_, k): [number, number, number] => [40, 70, 120 + k]),
    );
    for (let k = 1; k < greys.length; k += 1) expect(greys[k]! - greys[k - 1]!).toBeLessThanOrEqual(5);
    expect(greys.at(-1)).toBe(255);
  });
});
