import { foldText } from '../../src-shared/domain/text-fold';
import { MIN_TERM_LENGTH, wordsOf } from '../../src-shared/indexing/search-terms';
import { db } from '../db/database';
import type { RecordRow } from '../db/rows';

/** Results shown at most. */
export const SEARCH_LIMIT = 50;
/** Candidates read for the rarest word of a full-text query. */
const CANDIDATES = 2000;

/**
 * Finds records by code, owner ID, owner name, document number, procedure or the words
 * of their OCR text, folding diacritics and case ("nguyen van anh" finds "Nguyễn Văn Ánh").
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
    db.records.where('ownerIdNumber').equals(compact).toArray(),
    db.records.where('documentNumber').startsWith(upper).limit(SEARCH_LIMIT).toArray(),
    db.records.where('procedureCode').equals(compact).limit(SEARCH_LIMIT).toArray(),
    db.records.where('ownerNameFolded').startsWith(folded).limit(SEARCH_LIMIT).toArray(),
  ]);
  // A record code or an ID number is an exact answer: nothing else is wanted then.
  const [byCode, byIdNumber] = direct;
  if (byCode!.length + byIdNumber!.length > 0) return [...byCode!, ...byIdNumber!];
  const found = new Map<string, RecordRow>();
  for (const record of direct.flat()) found.set(record.id, record);
  if (found.size >= SEARCH_LIMIT) return [...found.values()].slice(0, SEARCH_LIMIT);

  // Full text: every word of the query must start a word of the record.
  const words = [...new Set(wordsOf(query))];
  if (words.length > 0) {
    const counts = await Promise.all(
      words.map((word) => db.recordTerms.where('terms').startsWith(word).count()),
    );
    const rarest = words[counts.indexOf(Math.min(...counts))]!;
    const candidates = [
      ...new Set(
        (await db.recordTerms.where('terms').startsWith(rarest).limit(CANDIDATES).primaryKeys()) as string[],
      ),
    ].filter((id) => !found.has(id));
    const others = words.filter((word) => word !== rarest);
    const wanted = SEARCH_LIMIT - found.size;
    let matching: string[] = [];
    if (others.length === 0) matching = candidates.slice(0, wanted);
    // The other words are checked a slice of candidates at a time, until there are enough.
    for (
      let start = 0;
      others.length > 0 && start < candidates.length && matching.length < wanted;
      start += 250
    ) {
      const slice = candidates.slice(start, start + 250);
      const rows = await db.recordTerms.bulkGet(slice);
      matching.push(
        ...slice.filter((_, index) =>
          others.every((word) => rows[index]?.terms.some((term) => term.startsWith(word))),
        ),
      );
    }
    const records = await db.records.bulkGet(matching.slice(0, wanted));
    for (const record of records) if (record) found.set(record.id, record);
  }
  return [...found.values()].slice(0, SEARCH_LIMIT);
}
