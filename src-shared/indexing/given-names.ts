import { foldText } from '../domain/text-fold';
import { inCaseOf, markDistance } from './vietnamese-marks';
import { MARKED_FAMILY_NAMES } from './person-names';

/**
 * Syllables Vietnamese middle and given names (tên đệm, tên) are made of: the common ones,
 * written from general knowledge of naming, not from any page of the corpus. A family name
 * can stand in the middle too ("Nguyễn Trần Minh Khôi"), so those count as well.
 */
const MARKED_GIVEN_NAMES = (
  'An Ân Anh Ánh Bá Bắc Bạch Bằng Bảo Bích Biên Bình Bội Cảnh Cẩm Chánh Châu Chi Chiến Chinh Chính ' +
  'Chung Chương Cúc Công Cường Đại Đan Đang Đăng Danh Đạo Đạt Điền Điệp Diễm Diệu Định Đoan Đông ' +
  'Dũng Dung Dương Duy Duyên Đức Gấm Giang Giao Hà Hạ Hải Hân Hằng Hạnh Hào Hảo Hậu Hiên Hiền Hiển ' +
  'Hiệp Hiếu Hòa Hoa Hoài Hoan Hoàn Hoàng Học Hồng Hợp Huân Huấn Huệ Hùng Hưng Hương Hường Hưởng Huy ' +
  'Huyền Khải Khang Khánh Khanh Khiêm Khoa Khôi Khuê Khương Kiên Kiệt Kiều Kim Kỳ Lam Lâm Lan Lành ' +
  'Lễ Lệ Liên Liễu Linh Loan Lộc Lợi Long Luân Luận Lực Lương Lụa Ly Lý Mai Mạnh Mẫn Mến Miên Minh My ' +
  'Mỹ Na Nam Nga Ngà Ngân Nghĩa Nghiêm Ngọc Nguyên Nguyệt Nhã Nhàn Nhân Nhật Nhi Nhiên Như Nhung ' +
  'Ninh Oanh Phát Phi Phong Phú Phúc Phụng Phước Phương Phượng Quân Quang Quế Quốc Quý Quyên Quyết ' +
  'Quỳnh Sang Sáng Sen Sinh Sơn Sương Sỹ Sĩ Tài Tâm Tấn Tân Thạch Thái Thắm Thắng Thanh Thành Thạnh ' +
  'Thảo Thi Thiện Thịnh Thơ Thoa Thông Thu Thư Thuận Thục Thủy Thúy Thùy Thương Thường Tiên Tiến ' +
  'Tín Tình Toàn Trà Trâm Trân Trang Trí Triều Trinh Trọng Trúc Trung Trường Tú Tuấn Tùng Tường ' +
  'Tuyền Tuyết Uyên Vân Văn Việt Vinh Vĩnh Vũ Vy Vương Vượng Xuân Xuyến Yên Yến ' +
  // The middle names most people carry: Thị for women, Văn, Hữu, Đình, Bá, Thế for men.
  'Thị Hữu Đình Thế Khắc Viết Diệu Gia Mộng Tuệ Ý Khả Đắc Tiểu Quý Út Thiên Lượng Toản Tuyến Dịu'
).split(' ');

/** Each name syllable's spellings, by its folded letters. */
const BY_LETTERS = new Map<string, string[]>();
for (const name of new Set([...MARKED_GIVEN_NAMES, ...MARKED_FAMILY_NAMES])) {
  const key = foldText(name);
  BY_LETTERS.set(key, [...(BY_LETTERS.get(key) ?? []), name.toLocaleLowerCase('vi')]);
}

/**
 * A syllable of a name written as names are, when OCR changed a mark: "Vần" → "Vân",
 * "Hoảng" → "Hoàng" (the name nearest in marks, if one alone is nearest). A syllable that is
 * a name already, or that no name shares the letters of, stays as read.
 */
function asNameSyllable(word: string): string {
  const spellings = BY_LETTERS.get(foldText(word));
  if (!spellings) return word;
  const ranked = spellings
    .map((spelling) => ({ spelling, distance: markDistance(word, spelling) }))
    .sort((a, b) => a.distance - b.distance);
  // A name already, its tone perhaps on the other vowel ("Hoà" for "Hòa"), stays as written.
  if (ranked[0]!.distance === 0) return word;
  if (ranked.length > 1 && ranked[1]!.distance === ranked[0]!.distance) return word;
  return inCaseOf(word, ranked[0]!.spelling);
}

/** A Vietnamese name with its middle and given names' marks put back where OCR changed them. */
export function withGivenNameMarks(name: string): string {
  const [family = '', ...rest] = name.split(' ');
  return [family, ...rest.map(asNameSyllable)].join(' ');
}
