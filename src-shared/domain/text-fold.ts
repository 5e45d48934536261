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

/**
 * Folds like `foldText` but keeps every character in its place (one UTF-16 unit in, one
 * out; whitespace kept), so a match found in the folded text is a span of the original.
 * Expects NFC text, where each Vietnamese letter is one unit.
 */
export function foldInPlace(text: string): string {
  let folded = '';
  for (const character of text) {
    const base = character === 'đ' || character === 'Đ' ? 'd' : character.normalize('NFD')[0]!;
    folded += base.length === character.length ? base.toLowerCase() : character.toLowerCase();
  }
  return folded;
}
