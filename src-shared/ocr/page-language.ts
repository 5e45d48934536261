/** English words that fill any English text and no Vietnamese one. */
const ENGLISH_FUNCTION_WORDS = new Set(
  (
    'the of and to in is for that this with by on as be are was were from at or has have it ' +
    'his her not which we you our any will shall been'
  ).split(' '),
);
/** Fewer words than this say too little to call a page English. */
const ENOUGH_WORDS = 30;

/**
 * Whether a page read with the Vietnamese model is in fact English (a foreign worker's letter
 * of experience, a degree from abroad): its words carry next to no Vietnamese marks (under
 * one in twenty; a Vietnamese page's carry them on about half) and English's commonest words
 * make up a good share of them (from one in seven; about one in three on English prose).
 * Such a page is read again with the English model.
 */
export function looksEnglish(text: string): boolean {
  const words = text.match(/\p{L}{2,}/gu) ?? [];
  if (words.length < ENOUGH_WORDS) return false;
  const marked = words.filter((word) => /[^A-Za-z]/.test(word)).length;
  const common = words.filter((word) => ENGLISH_FUNCTION_WORDS.has(word.toLowerCase())).length;
  return marked / words.length < 0.05 && common / words.length >= 1 / 7;
}
