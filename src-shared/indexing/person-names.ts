import { foldText } from '../domain/text-fold';

/**
 * Vietnamese family names (họ), folded: the common ones of the population registers, some
 * 150, which cover nearly every citizen. A name read from a page is taken as a Vietnamese
 * person's only when it opens with one.
 */
const FAMILY_NAMES = new Set(
  (
    'an au bach banh bao be bien bui ca cai cam can cao chau che chiem chu chung chuong co cong cu cung dam dan dang ' +
    'danh dao dau diem diep dinh do doan dong du duong ha hac han hang hau hinh hoa hoang hong hua huynh keo khac khong ' +
    'khuc khuat khuu kieu kim la lac lai lam lang lanh le lieu linh loc luc luong luu ly mac mai man mang mau me minh ' +
    'mong nghiem ngo ngon ngu nguy nguyen nhan nhu ninh nong ong phi phan pham phung phuong quach quan quang que sam ' +
    'son su ta tang tao thach thai than thang thanh thao thi thieu thinh tho thong to ton tong tran trang trieu trinh ' +
    'truong tu tuong ung uong van vi vien vinh vo vu vuong xa xuan y yen'
  ).split(' '),
);

/** One Vietnamese syllable, folded: an onset, a vowel nucleus, a coda. */
const SYLLABLE =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;

/** Words of headers and addresses that no name holds, with their marks (folded, many are names). */
const NOT_NAMES = new Set([
  'và',
  'xã',
  'hội',
  'tỉnh',
  'huyện',
  'quận',
  'phường',
  'sở',
  'ubnd',
  'phòng',
  'cộng',
  'phố',
]);

export type NameKind = 'vietnamese' | 'foreign';

/**
 * Whether `name` can be a person's: a Vietnamese name (2–6 syllables, the first a family
 * name, none of them a word that only headers use) or a foreign one (2–4 words of unmarked
 * Latin capitals, as passports print them). Null when it is neither.
 */
export function personNameKind(name: string): NameKind | null {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || words.length > 6) return null;
  if (words.some((word) => NOT_NAMES.has(word.toLocaleLowerCase('vi')))) return null;
  const folded = words.map((word) => foldText(word));
  // A Vietnamese name, its marks there or lost ("NGUYEN VAN AN"), opens with a family name.
  if (FAMILY_NAMES.has(folded[0]!) && folded.every((word) => SYLLABLE.test(word))) return 'vietnamese';
  // "Kim Min-jun", "SATO KENJI": a foreign name as passports print it.
  if (words.length <= 4 && words.every((word) => /^[A-Z][A-Z'-]*$/.test(word))) return 'foreign';
  return null;
}
