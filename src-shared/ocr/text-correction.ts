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

/** Whether `longer` is `shorter` with one letter more (BTINH and BINH). */
function oneLetterMore(longer: string, shorter: string): boolean {
  let index = 0;
  while (index < shorter.length && longer[index] === shorter[index]) index += 1;
  return longer.slice(index + 1) === shorter.slice(index);
}

/** Words this short have too many neighbours one letter away to be mended by length. */
const SHORTEST_RESIZED = 4;

/**
 * A Vietnamese syllable's letters, marks folded away: an initial consonant, one to three vowels,
 * a final consonant. Loose (it admits rhymes the language lacks), but "btinh" and "thuog" fail.
 */
const SYLLABLE =
  /^(?:b|c|ch|d|g|gh|gi|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)?[aeiouy]{1,3}(?:c|ch|m|n|ng|nh|p|t)?$/;

/**
 * The known spellings `word` may have been: first those of its length (its marks changed, or
 * one look-alike letter); then, for a longer word, those with one letter more or less than it
 * (OCR read a stroke as a letter, or lost one).
 */
function spellingsFor(word: string, { byLetters, byLength }: PairModel): string[][] {
  const bare = foldText(word);
  const marks = byLetters.get(bare) ?? [];
  const looks = (byLength.get(word.length) ?? [])
    .filter(({ letters }) => oneLookAlike(bare, letters))
    .map(({ spelling }) => spelling);
  const sameLength = [...marks, ...looks].filter((spelling) => spelling !== word);
  // A word that is a syllable is most likely one the phrases do not hold ("quận" is not "quảng").
  if (bare.length < SHORTEST_RESIZED || SYLLABLE.test(bare)) return [sameLength];
  const resized = [
    ...(byLength.get(word.length - 1) ?? []).filter(({ letters }) => oneLetterMore(bare, letters)),
    ...(byLength.get(word.length + 1) ?? []).filter(({ letters }) => oneLetterMore(letters, bare)),
  ].map(({ spelling }) => spelling);
  return [sameLength, resized];
}

/** One mend of the text: `start` to `end` of the text as read becomes `text`. */
interface Mend {
  start: number;
  end: number;
  text: string;
}

/**
 * The mends of a page's text: a word that pairs with neither neighbour in the known phrases,
 * where exactly one spelling of it does pair with one, becomes that spelling (`spellingsFor`:
 * same-length spellings first; one letter more or less only for a word that is no syllable).
 * The header's "S6:" becomes "Số:". A word touching a digit is never changed: numbers, ID
 * numbers, dates and symbols stay as read.
 */
function mendsOf(text: string): Mend[] {
  const pairs = model();
  const tokens = [...text.matchAll(/\p{L}+/gu)];
  const lower = tokens.map((token) => token[0].toLocaleLowerCase('vi'));
  const mends: Mend[] = [...text.matchAll(/(?<=^|\n)[ \t]*(S[6O0ô])(?=\s*:)/g)].map((match) => ({
    start: match.index + match[0].length - match[1]!.length,
    end: match.index + match[0].length,
    text: 'Số',
  }));
  tokens.forEach((token, index) => {
    const start = token.index;
    const end = start + token[0].length;
    if (/\d/.test(text[start - 1] ?? '') || /\d/.test(text[end] ?? '')) return;
    // The header's "SO:" is mended once, as "Số:".
    if (mends.some((mend) => mend.start < end && start < mend.end)) return;
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
    for (const spellings of spellingsFor(word, pairs)) {
      const fitting = spellings.filter(pairsWith);
      if (fitting.length > 1) return;
      if (fitting.length === 0) continue;
      lower[index] = fitting[0]!;
      mends.push({ start, end, text: inCaseOf(token[0], fitting[0]!) });
      return;
    }
  });
  return mends.sort((a, b) => a.start - b.start);
}

/** The text with its mends made. */
const mended = (text: string, mends: readonly Mend[]) =>
  mends.reduceRight((done, mend) => done.slice(0, mend.start) + mend.text + done.slice(mend.end), text);

/**
 * Vietnamese post-correction of a page's text (`mendsOf`): "ỦY BAN NHÂN DAN TINH" → "ỦY BAN
 * NHÂN DÂN TỈNH", "XÃ HỘT" → "XÃ HỘI", "Độc tập" → "Độc lập", "THƯƠNG BTINH" → "THƯƠNG BINH",
 * "S6:" → "Số:".
 */
export const correctText = (text: string): string => mended(text, mendsOf(text));

/**
 * A page's text corrected, and its words with it: each word's offsets moved by the mends before
 * it (a mend may change a word's length), its text as the corrected text reads.
 */
export function correctPage(text: string, words: readonly OcrWord[]): { text: string; words: OcrWord[] } {
  const mends = mendsOf(text);
  // Where an offset of the text as read falls in the corrected text: moved by every mend that
  // ends at or before it. Mends lie inside words, so a word's edges are never inside one.
  const moved = (offset: number) =>
    mends.reduce(
      (at, mend) => (mend.end <= offset ? at + mend.text.length - (mend.end - mend.start) : at),
      offset,
    );
  const corrected = mended(text, mends);
  return {
    text: corrected,
    words: words.map((word) => {
      const [start, end] = [moved(word.start), moved(word.end)];
      return { ...word, start, end, text: corrected.slice(start, end) };
    }),
  };
}
