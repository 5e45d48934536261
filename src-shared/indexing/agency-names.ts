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
const keyOf = (heading: string) => foldText(heading).replace(/[\s–—-]+/g, '');

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

/**
 * An issuing body's heading as it is written, when OCR lost or changed its marks
 * ("ỦY BAN NHÂN DAN TINH ĐỒNG THAP", "THƯƠNG BÌNH"): the known heading with the same letters.
 * A heading not known (a district's UBND) stays as read.
 */
export function knownAgency(heading: string): string {
  return KNOWN.get(keyOf(heading)) ?? heading;
}
