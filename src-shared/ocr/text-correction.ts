import { foldText } from '../domain/text-fold';
import { inCaseOf } from '../indexing/vietnamese-marks';
import { knownPhrases } from './known-phrases';
import type { OcrWord } from './ocr-page';

/** Letters OCR takes for one another in a word: l, t, i and I look alike in most faces. */
const LOOK_ALIKE = new Set(['l', 't', 'i']);

/** Word pairs of the known phrases, lower-case with their marks: "xã hội", "dân tỉnh". */
interface PairModel {
  pairs: Set<string>;
  /** Known words by their folded letters: the spellings a misread word may have lost. */
  byLetters: Map<string, string[]>;
  /** Known words with their folded letters, by length: for a letter OCR took for a look-alike. */
  byLength: Map<number, { spelling: string; letters: string }[]>;
}

const wordsOf = (phrase: string) => phrase.toLocaleLowerCase('vi').match(/\p{L}+/gu) ?? [];

function pairModel(phrases: readonly string[]): PairModel {
  const model: PairModel = { pairs: new Set(), byLetters: new Map(), byLength: new Map() };
  const known = new Set<string>();
  for (const phrase of phrases) {
    const words = wordsOf(phrase);
    words.forEach((word, index) => {
      known.add(word);
      if (index > 0) model.pairs.add(`${words[index - 1]} ${word}`);
    });
  }
  for (const word of known) {
    const letters = foldText(word);
    model.byLetters.set(letters, [...(model.byLetters.get(letters) ?? []), word]);
    model.byLength.set(word.length, [
      ...(model.byLength.get(word.length) ?? []),
      { spelling: word, letters },
    ]);
  }
  return model;
}

let shared: PairModel | null = null;
const model = () => (shared ??= pairModel(knownPhrases()));

/** Whether `spelling` differs from `word` by one letter OCR confuses (tập/lập, hột/hội). */
function oneLookAlike(word: string, spelling: string): boolean {
  let changed = 0;
  for (let index = 0; index < word.length; index++) {
    if (word[index] === spelling[index]) continue;
    if (!LOOK_ALIKE.has(word[index]!) || !LOOK_ALIKE.has(spelling[index]!)) return false;
    changed += 1;
  }
  return changed === 1;
}

/** The known spellings `word` may have been (its marks changed, or one look-alike letter). */
function spellingsFor(word: string, { byLetters, byLength }: PairModel): string[] {
  const bare = foldText(word);
  const marks = byLetters.get(bare) ?? [];
  const looks = (byLength.get(word.length) ?? [])
    .filter(({ letters }) => oneLookAlike(bare, letters))
    .map(({ spelling }) => spelling);
  return [...marks, ...looks].filter((spelling) => spelling !== word);
}

/**
 * Vietnamese post-correction of a page's text: a word that pairs with neither neighbour in the
 * known phrases, where one spelling of its letters (its marks changed, or an l, t or i misread)
 * does pair with one, becomes that spelling: "ỦY BAN NHÂN DAN TINH" → "ỦY BAN NHÂN DÂN TỈNH",
 * "XÃ HỘT" → "XÃ HỘI", "Độc tập" → "Độc lập". The header's "S6:" becomes "Số:". A word
 * touching a digit is never changed (numbers, ID numbers, dates and symbols stay as read),
 * nor is its length: the words' offsets into the text hold.
 */
export function correctText(text: string): string {
  const pairs = model();
  const tokens = [...text.matchAll(/\p{L}+/gu)];
  const lower = tokens.map((token) => token[0].toLocaleLowerCase('vi'));
  let corrected = text.replace(/(^|\n)([ \t]*)S[6O0ô](?=\s*:)/g, '$1$2Số');
  tokens.forEach((token, index) => {
    const start = token.index;
    const end = start + token[0].length;
    if (/\d/.test(text[start - 1] ?? '') || /\d/.test(text[end] ?? '')) return;
    // Neighbours on the same line only: a heading's last word does not pair with the next line.
    const before =
      index > 0 && !/\n/.test(text.slice(tokens[index - 1]!.index, start)) ? lower[index - 1] : null;
    const after =
      index + 1 < tokens.length && !/\n/.test(text.slice(end, tokens[index + 1]!.index))
        ? lower[index + 1]
        : null;
    const pairsWith = (word: string) =>
      (before !== null && pairs.pairs.has(`${before} ${word}`)) ||
      (after !== null && pairs.pairs.has(`${word} ${after}`));
    const word = lower[index]!;
    if (pairsWith(word)) return;
    const fitting = spellingsFor(word, pairs).filter(pairsWith);
    if (fitting.length !== 1 || fitting[0]!.length !== word.length) return;
    lower[index] = fitting[0]!;
    corrected = corrected.slice(0, start) + inCaseOf(token[0], fitting[0]!) + corrected.slice(end);
  });
  return corrected;
}

/** A page's words after its text was corrected: each word's text as the text now reads. */
export const rereadWords = (words: readonly OcrWord[], text: string): OcrWord[] =>
  words.map((word) => ({ ...word, text: text.slice(word.start, word.end) }));
