import { describe, expect, it } from 'vitest';
import { readingsFromTsv } from '../../../../src-main/ocr/tsv-reading';

const HEADER =
  'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const word = (
  page: number,
  block: number,
  paragraph: number,
  line: number,
  n: number,
  text: string,
  conf = 90,
) => ['5', page, block, paragraph, line, n, 10 * n, 20 * line, 8, 12, conf, text].join('\t');

describe("reading Tesseract's TSV", () => {
  it('lays the text out as Tesseract does, with each word’s offsets and box, page by page', () => {
    const tsv = [
      HEADER,
      '1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t',
      word(1, 1, 1, 1, 1, 'Số:'),
      word(1, 1, 1, 1, 2, '49/QĐ-SLĐTBXH', 80),
      word(1, 1, 1, 2, 1, 'QUYẾT'),
      word(1, 1, 1, 2, 2, 'ĐỊNH'),
      word(1, 2, 1, 1, 1, 'Điều', 70),
      // Rows of the second page; a blank word (a space Tesseract kept) is skipped.
      '4\t2\t1\t1\t1\t0\t0\t0\t100\t20\t-1\t',
      word(2, 1, 1, 1, 1, 'Trang'),
      word(2, 1, 1, 1, 2, ' ', -1),
      word(2, 1, 1, 1, 3, '2', 60),
      '',
    ].join('\n');
    const [first, second, third] = readingsFromTsv(tsv, 3);
    expect(first!.text).toBe('Số: 49/QĐ-SLĐTBXH\nQUYẾT ĐỊNH\n\nĐiều\n\n');
    expect(first!.confidence).toBe(Math.round((90 + 80 + 90 + 90 + 70) / 5));
    const number = first!.words[1]!;
    expect(first!.text.slice(number.start, number.end)).toBe('49/QĐ-SLĐTBXH');
    expect(number).toMatchObject({ confidence: 80, bbox: { x0: 20, y0: 20, x1: 28, y1: 32 } });
    expect(first!.words.map((each) => first!.text.slice(each.start, each.end))).toEqual([
      'Số:',
      '49/QĐ-SLĐTBXH',
      'QUYẾT',
      'ĐỊNH',
      'Điều',
    ]);
    expect(second).toMatchObject({ text: 'Trang 2\n\n', confidence: 75 });
    // A page Tesseract found nothing on.
    expect(third).toEqual({ text: '', words: [], confidence: 0 });
  });
});
