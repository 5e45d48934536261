import { foldInPlace } from '../domain/text-fold';

/**
 * Where a record's pages hold more than one document. Decree 30/2020/NĐ-CP lays out the
 * first page of every administrative document the same way: the national motto ("CỘNG HÒA
 * XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc") and the document's number
 * and title head it; its other pages and its annexes ("Kèm theo Quyết định số …") do not
 * repeat them. So a page headed by the motto, or by a title with its number, opens a
 * document; a page that says what it is attached to never does.
 */

/** How much of a page's text counts as its head: OCR reads the header block first. */
const HEAD_CHARS = 700;

// Folded (no marks, lower case); OCR may split or join words and misread a dash.
const MOTTO = /cong\s*hoa\s*xa\s*hoi\s*chu\s*nghia|doc\s*lap\W{0,4}tu\s*do\W{0,4}hanh\s*phuc/;
const NUMBER_LINE = /(?:^|\n)[^\n]{0,40}\bso\s*[:.]\s*\d{1,6}\s*\/\s*[a-z]/;
const ATTACHED = /\bkem\s*theo\b/;

/** Result-type titles as they head a page: at the start of a line (folded). */
const TITLE = /(?:^|\n)[ \t]*(quyet dinh|giay phep|giay chung nhan|giay xac nhan|chung chi)\b/g;

/** A title is written in capitals; "quyết định" opening a sentence is not one. */
function hasTitle(head: string, folded: string): boolean {
  for (const match of folded.matchAll(TITLE)) {
    const start = match.index + match[0].indexOf(match[1]!);
    const words = head.slice(start, start + match[1]!.length);
    if (words === words.toUpperCase()) return true;
  }
  return false;
}

/** Whether this page's text opens a document of its own. */
export function opensDocument(text: string): boolean {
  const head = text.normalize('NFC').slice(0, HEAD_CHARS);
  const folded = foldInPlace(head);
  if (ATTACHED.test(folded)) return false;
  return MOTTO.test(folded) || (hasTitle(head, folded) && NUMBER_LINE.test(folded));
}

/**
 * The 0-based indexes of the pages that open a further document, given each page's OCR
 * text in the record's order (`undefined` for a page not read yet, which opens nothing).
 * The first page always opens the record's own document, so it is never listed.
 */
export function documentStarts(texts: readonly (string | undefined)[]): number[] {
  return texts.flatMap((text, index) => (index > 0 && text && opensDocument(text) ? [index] : []));
}

/** The document (0 = the record's own) each page belongs to, from the starts above. */
export function documentOfPage(starts: readonly number[], pageIndex: number): number {
  return starts.filter((start) => start <= pageIndex).length;
}
