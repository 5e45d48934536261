/** The marks that change a Vietnamese vowel: circumflex (â ê ô), breve (ă), horn (ơ ư). */
const VOWEL_MARKS = new Set(['\u0302', '\u0306', '\u031b']);
/** The five tone marks: huyền, sắc, ngã, hỏi, nặng. */
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/**
 * A word's letters, each with its vowel mark ('' for none; đ is d with a stroke), and its
 * tone: a syllable carries one, whichever vowel it is written on ("Hòa" and "Hoà" alike).
 */
function marksOf(word: string): { letters: { base: string; vowel: string }[]; tone: string } {
  const letters: { base: string; vowel: string }[] = [];
  let tone = '';
  for (const character of word.toLocaleLowerCase('vi').normalize('NFD')) {
    const last = letters.at(-1);
    if (VOWEL_MARKS.has(character) && last) last.vowel = character;
    else if (TONE_MARKS.has(character)) tone = character;
    else if (character === 'đ') letters.push({ base: 'd', vowel: 'stroke' });
    else letters.push({ base: character, vowel: '' });
  }
  return { letters, tone };
}

/**
 * How many marks two spellings of the same letters differ by ("Vần"/"Vân" 1: the tone;
 * "Vần"/"Văn" 2: the vowel's mark and the tone; "Hòa"/"Hoà" 0); Infinity when their letters
 * differ. Case is ignored.
 */
export function markDistance(a: string, b: string): number {
  const [left, right] = [marksOf(a), marksOf(b)];
  if (left.letters.length !== right.letters.length) return Infinity;
  let distance = Number(left.tone !== right.tone);
  left.letters.forEach((letter, index) => {
    const other = right.letters[index]!;
    if (letter.base !== other.base) distance = Infinity;
    distance += Number(letter.vowel !== other.vowel);
  });
  return distance;
}

/** `word` written in the case `like` is: all capitals, a capital first, or as it is. */
export function inCaseOf(like: string, word: string): string {
  if (like.length > 1 && like === like.toLocaleUpperCase('vi')) return word.toLocaleUpperCase('vi');
  if (like[0] === like[0]!.toLocaleUpperCase('vi'))
    return word[0]!.toLocaleUpperCase('vi') + word.slice(1).toLocaleLowerCase('vi');
  return word.toLocaleLowerCase('vi');
}
