import { describe, expect, it } from 'vitest';
import { correctText, rereadWords } from '../../../src-shared/ocr/text-correction';

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

  it('gives the words their text as corrected, at the same offsets', () => {
    const read = 'XÃ HỘT';
    const text = correctText(read);
    const words = rereadWords(
      [
        { text: 'XÃ', confidence: 96, bbox: { x0: 0, y0: 0, x1: 10, y1: 10 }, start: 0, end: 2 },
        { text: 'HỘT', confidence: 71, bbox: { x0: 12, y0: 0, x1: 30, y1: 10 }, start: 3, end: 6 },
      ],
      text,
    );
    expect(words.map((word) => word.text)).toEqual(['XÃ', 'HỘI']);
    expect(words[1]!.confidence).toBe(71);
  });
});
