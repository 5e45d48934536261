import { describe, expect, it } from 'vitest';
import { inCaseOf, markDistance } from '../../../src-shared/indexing/vietnamese-marks';

describe('marks of Vietnamese spellings', () => {
  it('counts the marks two spellings of the same letters differ by', () => {
    expect(markDistance('Vần', 'Vân')).toBe(1);
    expect(markDistance('Vần', 'Văn')).toBe(2);
    expect(markDistance('ĐINH', 'Dinh')).toBe(1);
    expect(markDistance('Hoảng', 'Hoàng')).toBe(1);
    expect(markDistance('Thủy', 'Thuỷ')).toBe(0);
    expect(markDistance('Vân', 'Vinh')).toBe(Infinity);
    expect(markDistance('Hân', 'Hàn')).toBe(2);
  });

  it('writes a word in the case of another', () => {
    expect(inCaseOf('VẦN', 'vân')).toBe('VÂN');
    expect(inCaseOf('Vần', 'vân')).toBe('Vân');
    expect(inCaseOf('vần', 'Vân')).toBe('vân');
  });
});
