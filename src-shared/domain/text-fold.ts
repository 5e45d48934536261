/**
 * Folds Vietnamese text for search: no diacritics, no case, đ → d, single spaces.
 * "Nguyễn Văn Ánh" and "nguyen van anh" fold to the same key.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
