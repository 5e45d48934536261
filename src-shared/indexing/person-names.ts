import { foldText } from '../domain/text-fold';

/**
 * Vietnamese family names (họ) as they are written: the common ones of the population
 * registers, some 150, which cover nearly every citizen. A name read from a page is taken as
 * a Vietnamese person's only when it opens with one.
 */
export const MARKED_FAMILY_NAMES = (
  'An Âu Bạch Bành Bảo Bế Biện Bùi Ca Cái Cầm Cấn Cao Châu Chế Chiêm Chu Chung Chương Cổ Công ' +
  'Cù Cung Đàm Đan Đặng Danh Đào Đậu Diêm Diệp Đinh Đỗ Doãn Đoàn Đồng Du Dương Đường Giáp Hà ' +
  'Hắc Hàn Hằng Hầu Hình Hồ Hoa Hoàng Hồng Hứa Huỳnh Kẻo Khắc Khổng Khúc Khuất Khương Khưu Kiều ' +
  'Kim La Lã Lạc Lại Lâm Lăng Lành Lê Liêu Linh Lò Lộc Lục Lương Lưu Mã Lý Mạc Mai Mẫn Mang Mâu ' +
  'Mẽ Minh Mông Nghiêm Ngô Ngôn Ngũ Ngụy Nguyễn Nhan Như Ninh Nông Ông Phí Phan Phạm Phùng ' +
  'Phương Quách Quan Quang Quế Sầm Sơn Sử Tạ Tăng Tào Thạch Thái Thân Thang Thanh Thảo Thi ' +
  'Thiều Thịnh Thọ Thông Tiêu Tô Tôn Tống Trần Trang Triệu Trịnh Trương Từ Tưởng Ưng Uông Văn ' +
  'Vi Viên Vĩnh Võ Vũ Vương Xa Xuân Y Yên'
).split(' ');
/** Each family name by its folded letters; null where two share them (Hà and Hạ would). */
const FAMILY_NAMES = new Map<string, string | null>();
for (const name of MARKED_FAMILY_NAMES) {
  const key = foldText(name);
  FAMILY_NAMES.set(key, FAMILY_NAMES.has(key) ? null : name);
}

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

/**
 * A Vietnamese name with its family name written as the registers write it, when OCR
 * changed its marks ("Đỉnh Văn Thạnh" → "Đinh Văn Thạnh"); the other words stay as read.
 */
export function withFamilyNameMarks(name: string): string {
  const [first = '', ...rest] = name.split(' ');
  const known = FAMILY_NAMES.get(foldText(first));
  if (!known || first === first.toLocaleUpperCase('vi')) return name;
  return [known, ...rest].join(' ');
}
