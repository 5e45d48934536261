import { PROVINCE_CODES } from '../domain/identity-number';
import { foldText } from '../domain/text-fold';

/** The department's bodies as their headings are written (the upper line and the lower joined). */
const BODIES = [
  'SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI',
  'PHÒNG LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI',
  'SỞ NỘI VỤ',
  'PHÒNG NỘI VỤ',
  'ỦY BAN NHÂN DÂN',
];

/** How a heading is compared: folded, without dashes and spaces (OCR drops and adds them). */
const keyOf = (heading: string) => foldText(heading).replace(/[\s–—~_=-]+/g, '');

/** Every heading known with its marks, by its key: the bodies, and each province's UBND. */
const KNOWN = new Map<string, string>();
for (const body of BODIES) KNOWN.set(keyOf(body), body);
for (const province of Object.values(PROVINCE_CODES)) {
  const upper = province.toLocaleUpperCase('vi');
  for (const kind of ['TỈNH', 'THÀNH PHỐ']) {
    for (const head of ['ỦY BAN NHÂN DÂN', 'UBND'])
      KNOWN.set(keyOf(`${head} ${kind} ${upper}`), `${head} ${kind} ${upper}`);
  }
}

/** Every heading known, as written: what OCR post-correction learns its word pairs from. */
export const knownHeadings = (): string[] => [...KNOWN.values()];

/** Letters changed, dropped or added to turn `a` into `b` (Levenshtein). */
function editsBetween(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const change = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(change, previous[j]! + 1, current[j - 1]! + 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Letters a heading may have misread and still be known: one in twelve, so none in "SỞ NỘI VỤ". */
const SLIPS_PER_LETTER = 1 / 12;

/**
 * An issuing body's heading as it is written, when OCR lost or changed its marks
 * ("ỦY BAN NHÂN DAN TINH ĐỒNG THAP", "THƯƠNG BÌNH"): the known heading with the same letters,
 * else the one nearest by a letter or two misread ("THƯƠNG BTNH VÀ XÃ HỘT") when no other is as
 * near. A heading not known (a district's UBND) stays as read.
 */
export function knownAgency(heading: string): string {
  const key = keyOf(heading);
  const exact = KNOWN.get(key);
  if (exact) return exact;
  const allowed = Math.floor(key.length * SLIPS_PER_LETTER);
  if (allowed === 0) return heading;
  let nearest: { edits: number; headings: string[] } = { edits: allowed + 1, headings: [] };
  for (const [known, written] of KNOWN) {
    if (Math.abs(known.length - key.length) > allowed) continue;
    const edits = editsBetween(key, known);
    if (edits < nearest.edits) nearest = { edits, headings: [written] };
    else if (edits === nearest.edits) nearest.headings.push(written);
  }
  return nearest.headings.length === 1 ? nearest.headings[0]! : heading;
}
