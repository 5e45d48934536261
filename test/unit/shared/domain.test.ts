import { describe, expect, it } from 'vitest';
import { passwordProblems } from '../../../src-shared/domain/password-policy';
import { canTransition, RECORD_STATUSES } from '../../../src-shared/domain/record-status';
import { foldText } from '../../../src-shared/domain/text-fold';

describe('shared domain rules', () => {
  it('folds Vietnamese for search: diacritics, case and đ', () => {
    expect(foldText('Nguyễn Văn Ánh')).toBe('nguyen van anh');
    expect(foldText('ĐỖ  THỊ   ĐÀO')).toBe('do thi dao');
    expect(foldText('Nguyễn'.normalize('NFD'))).toBe('nguyen');
  });

  it('asks for 8 characters with letters and digits', () => {
    expect(passwordProblems('Vanthu2026')).toEqual([]);
    expect(passwordProblems('Mậtkhẩu1')).toEqual([]);
    expect(passwordProblems('abc1')).toEqual(['tooShort']);
    expect(passwordProblems('12345678')).toEqual(['needsLetter']);
    expect(passwordProblems('abcdefgh')).toEqual(['needsDigit']);
  });

  it('lets a record move only along the state machine', () => {
    expect(canTransition('submitted', 'approved')).toBe(true);
    expect(canTransition('captured', 'synced')).toBe(false);
    expect(canTransition('synced', 'draft')).toBe(false);
    for (const status of RECORD_STATUSES) expect(canTransition('superseded', status)).toBe(false);
  });
});
