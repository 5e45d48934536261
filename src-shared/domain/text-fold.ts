/**
 * Folds Vietnamese text for search: no diacritics, no case, đ (and its look-alike ð) → d, single spaces.
 * "Nguyễn Văn Ánh" and "nguyen van anh" fold to the same key.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐðÐ]/g, 'd')
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
    // OCR reads Đ as the look-alike Ð (eth) now and then: both are d.
    const base = 'đĐðÐ'.includes(character) ? 'd' : character.normalize('NFD')[0]!;
    folded += base.length === character.length ? base.toLowerCase() : character.toLowerCase();
  }
  return folded;
}
