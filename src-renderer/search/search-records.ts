import { foldText } from '../../src-shared/domain/text-fold';
import { MIN_TERM_LENGTH, wordsOf } from '../../src-shared/indexing/search-terms';
import { db } from '../db/database';
import type { RecordRow } from '../db/rows';

/** Results shown at most. */
export const SEARCH_LIMIT = 50;
/** Index keys read at most for each word of a full-text query. */
const CANDIDATES = 2000;

/**
 * Finds records by code, owner ID, owner name, document number, procedure, a whole
 * identifier (dossier code, box, archive reference) or the words of their OCR text, folding diacritics and case ("nguyen van anh" finds "Nguyễn Văn Ánh").
 * Every lookup goes through an index: direct field matches first, then full text from the
 * word index, starting from its rarest word.
 */
export async function searchRecords(query: string): Promise<RecordRow[]> {
  const folded = foldText(query);
  if (folded.length < MIN_TERM_LENGTH) return [];
  const upper = query.trim().toUpperCase();
  const compact = folded.replace(/\s+/g, '');

  const direct = await Promise.all([
    db.records.where('code').equals(upper).toArray(),
    // ID numbers and tax codes are digits; a foreigner's passport number is kept in capitals.
    db.records.where('ownerIdNumber').anyOf([compact, compact.toUpperCase()]).toArray(),
    db.records.where('documentNumber').startsWith(upper).limit(SEARCH_LIMIT).toArray(),
    db.records.where('procedureCode').equals(compact).limit(SEARCH_LIMIT).toArray(),
    db.records.where('ownerNameFolded').startsWith(folded).limit(SEARCH_LIMIT).toArray(),
    // A whole identifier among a record's terms: a dossier code, a box, an archive reference.
    db.recordTerms
      .where('terms')
      .equals(compact)
      .limit(SEARCH_LIMIT)
      .primaryKeys()
      .then(async (ids) => (await db.records.bulkGet(ids as string[])).filter((row) => row !== undefined)),
  ]);
  // A record code or an ID number is an exact answer: nothing else is wanted then.
  const [byCode, byIdNumber] = direct;
  if (byCode!.length + byIdNumber!.length > 0) return [...byCode!, ...byIdNumber!];
  const found = new Map<string, RecordRow>();
  for (const record of direct.flat()) found.set(record.id, record);
  if (found.size >= SEARCH_LIMIT) return [...found.values()].slice(0, SEARCH_LIMIT);

  // Full text: every word of the query must start a word of the record. Each word's index
  // range is read up to CANDIDATES keys (never counted whole: a common word's range is most of
  // the index); the shortest list is the candidates, a list read whole filters them exactly,
  // and only words with longer lists are checked against the records' terms.
  const words = [...new Set(wordsOf(query))];
  if (words.length > 0) {
    const lists = await Promise.all(
      words.map(
        async (word) =>
          (await db.recordTerms.where('terms').startsWith(word).limit(CANDIDATES).primaryKeys()) as string[],
      ),
    );
    const shortest = lists.reduce((best, list) => (list.length < best.length ? list : best));
    const complete = lists
      .filter((list) => list !== shortest && list.length < CANDIDATES)
      .map((list) => new Set(list));
    const unchecked = words.filter(
      (_, index) => lists[index] !== shortest && lists[index]!.length >= CANDIDATES,
    );
    const candidates = [...new Set(shortest)].filter(
      (id) => !found.has(id) && complete.every((set) => set.has(id)),
    );
    const wanted = SEARCH_LIMIT - found.size;
    let matching: string[] = [];
    if (unchecked.length === 0) matching = candidates.slice(0, wanted);
    // The common words are checked against the candidates' terms a slice at a time, until
    // there are enough: a first slice just over what is wanted (a record's terms are up to
    // 400 words, costly to read), then doubling while too few match.
    for (
      let start = 0, size = wanted + 16;
      unchecked.length > 0 && start < candidates.length && matching.length < wanted;
      start += size, size = Math.min(size * 2, 1000)
    ) {
      const slice = candidates.slice(start, start + size);
      const rows = await db.recordTerms.bulkGet(slice);
      matching.push(
        ...slice.filter((_, index) =>
          unchecked.every((word) => rows[index]?.terms.some((term) => term.startsWith(word))),
        ),
      );
    }
    const records = await db.records.bulkGet(matching.slice(0, wanted));
    for (const record of records) if (record) found.set(record.id, record);
  }
  return [...found.values()].slice(0, SEARCH_LIMIT);
}
