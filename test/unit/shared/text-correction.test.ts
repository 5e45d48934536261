import { describe, expect, it } from 'vitest';
import { correctPage, correctText } from '../../../src-shared/ocr/text-correction';

describe('Vietnamese post-correction of OCR text', () => {
  it('puts back the marks a heading lost, from the words around them', () => {
    expect(correctText('ỦY BAN NHÂN DAN TINH ĐỒNG THAP\n')).toBe('ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP\n');
  });

  it('mends a letter OCR took for a look-alike where the pair is known', () => {
    expect(correctText('SỞ NỘI VỤ\nCỘNG HÒA XÃ HỘT CHỦ NGHĨA VIỆT NAM\nĐộc tập - Tự do - Hạnh phúc\n')).toBe(
      'SỞ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n',
    );
    expect(correctText('Cấp giấy phép tao động cho người lao động nước ngoài')).toBe(
      'Cấp giấy phép lao động cho người lao động nước ngoài',
    );
  });

  it('reads the header\'s "S6:" as "Số:", and never touches a number or a word against one', () => {
    expect(correctText('S6: 46/QĐ-UBND\n')).toBe('Số: 46/QĐ-UBND\n');
    // "tinh" against a digit is part of something else: left as read, and so is every digit.
    expect(correctText('NHÂN DÂN 3tinh 0ồng 046/QD')).toBe('NHÂN DÂN 3tinh 0ồng 046/QD');
  });

  it('leaves a word that reads right where it is, and one that no known pair backs', () => {
    // "tinh" pairs with nothing known here, and "Tinh" is a given name: as read.
    expect(correctText('Ông Lê Văn Tinh, sinh năm 1970')).toBe('Ông Lê Văn Tinh, sinh năm 1970');
    // Pairs are taken within a line: DÂN from NHÂN before it, TỈNH from ĐỒNG after it.
    expect(correctText('NHÂN DAN\nTINH ĐỒNG')).toBe('NHÂN DÂN\nTỈNH ĐỒNG');
  });

  it('gives the words their text as corrected, their offsets moved where a word changed length', () => {
    const word = (text: string, start: number, confidence = 95) => ({
      text,
      confidence,
      bbox: { x0: start * 10, y0: 0, x1: (start + text.length) * 10, y1: 10 },
      start,
      end: start + text.length,
    });
    const read = 'LAO ĐỘNG - THƯƠNG BTINH VÀ XÃ HỘT\nSố 12';
    const words = [
      word('LAO', 0),
      word('ĐỘNG', 4),
      word('-', 9),
      word('THƯƠNG', 11),
      word('BTINH', 18, 61),
      word('VÀ', 24),
      word('XÃ', 27),
      word('HỘT', 30, 71),
      word('Số', 34),
      word('12', 37),
    ];
    const corrected = correctPage(read, words);
    expect(corrected.text).toBe('LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố 12');
    expect(corrected.words.map((each) => each.text)).toEqual([
      'LAO',
      'ĐỘNG',
      '-',
      'THƯƠNG',
      'BINH',
      'VÀ',
      'XÃ',
      'HỘI',
      'Số',
      '12',
    ]);
    for (const each of corrected.words) expect(corrected.text.slice(each.start, each.end)).toBe(each.text);
    // Boxes and confidences stay the word's as read.
    expect(corrected.words[4]).toMatchObject({ confidence: 61, bbox: words[4]!.bbox });
  });

  it('mends a word by one letter more or less only when it is long and no other spelling fits', () => {
    expect(correctText('THƯƠNG BTINH VÀ XÃ HỘI')).toBe('THƯƠNG BINH VÀ XÃ HỘI');
    expect(correctText('LAO ĐỘNG - THƯƠG BINH')).toBe('LAO ĐỘNG - THƯƠNG BINH');
    // Three letters: too many words lie one letter away.
    expect(correctText('LAO ĐỘN')).toBe('LAO ĐỘN');
  });
});
