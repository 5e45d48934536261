import { foldText } from '../domain/text-fold';

/** Words shorter than this are not indexed (and not searched for on their own). */
export const MIN_TERM_LENGTH = 2;
/** A record's OCR text adds at most this many distinct words (a long dossier stays small). */
export const MAX_TEXT_TERMS = 400;

/** The folded words of a text: "Nguyễn Văn Ánh, 49/QĐ-SLĐTBXH" → nguyen, van, anh, 49, qd, sldtbxh. */
export function wordsOf(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= MIN_TERM_LENGTH);
}

/**
 * The terms a record is found by: whole identifiers (code, ID number, document number,
 * procedure code) as they are typed, the words of every field, then the OCR words.
 */
export function recordTerms(record: {
  code?: string;
  identifiers: (string | undefined)[];
  fieldTexts: (string | undefined)[];
  pageTexts: string[];
}): string[] {
  const terms = new Set<string>();
  for (const identifier of [record.code, ...record.identifiers]) {
    if (identifier) terms.add(foldText(identifier).replace(/\s+/g, ''));
  }
  for (const text of [record.code, ...record.identifiers, ...record.fieldTexts]) {
    if (text) for (const word of wordsOf(text)) terms.add(word);
  }
  const fieldCount = terms.size;
  for (const text of record.pageTexts) {
    for (const word of wordsOf(text)) {
      if (terms.size - fieldCount >= MAX_TEXT_TERMS) break;
      terms.add(word);
    }
  }
  return [...terms];
}
