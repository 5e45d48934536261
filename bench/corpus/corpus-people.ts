/**
 * Who and what the corpus's documents are about: made-up but well-formed people, offices and
 * numbers, drawn from a seeded generator so that a page number always gives the same page.
 * Word lists here are wider than the demo scanner's (other provinces, other names), so that
 * nothing on a corpus page comes from the material the extractor was written against.
 */

import type { SeededRandom as Random } from '../../src-shared/domain/seeded-random';

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Phan',
  'Trương',
  'Ngô',
  'Dương',
  'Lý',
  'Đoàn',
  'Mai',
  'Tạ',
  'Lương',
  'Châu',
];
const MIDDLE_MALE = ['Văn', 'Đức', 'Công', 'Trọng', 'Xuân', 'Hoài', 'Tấn', 'Duy'];
const MIDDLE_FEMALE = ['Thị', 'Thu', 'Bích', 'Diệu', 'Phương', 'Hồng', 'Tuyết', 'Thúy'];
const GIVEN_MALE = [
  'Khải',
  'Nghĩa',
  'Thắng',
  'Lộc',
  'Quyết',
  'Hiển',
  'Tuấn',
  'Sơn',
  'Trí',
  'Vượng',
  'Khoa',
  'Nhân',
];
const GIVEN_FEMALE = [
  'Nguyệt',
  'Hằng',
  'Thủy',
  'Liễu',
  'Nhung',
  'Quỳnh',
  'Hiền',
  'Oanh',
  'Trinh',
  'Diễm',
  'Xuân',
  'Loan',
];
const FOREIGN: readonly [string, string][] = [
  ['SATO KENJI', 'Nhật Bản'],
  ['CHOI HYUN-WOO', 'Hàn Quốc'],
  ['WANG XIAOMING', 'Trung Quốc'],
  ['MARIA SANTOS', 'Philippines'],
  ['DAVID THOMPSON', 'Vương quốc Anh'],
  ['SOMCHAI PHAN', 'Thái Lan'],
  ['HANS WEBER', 'Đức'],
  ['YAMAMOTO AIKO', 'Nhật Bản'],
];
/** Provinces with the first three digits of their personal ID numbers (DOMAIN.md). */
const PROVINCES: readonly { name: string; code: string; towns: string[] }[] = [
  { name: 'Vĩnh Long', code: '086', towns: ['thành phố Vĩnh Long', 'huyện Long Hồ', 'huyện Trà Ôn'] },
  { name: 'An Giang', code: '089', towns: ['thành phố Long Xuyên', 'huyện Chợ Mới', 'thị xã Tân Châu'] },
  { name: 'Bến Tre', code: '083', towns: ['thành phố Bến Tre', 'huyện Giồng Trôm', 'huyện Mỏ Cày Nam'] },
  { name: 'Cần Thơ', code: '092', towns: ['quận Ninh Kiều', 'quận Bình Thủy', 'huyện Phong Điền'] },
  { name: 'Đồng Tháp', code: '087', towns: ['thành phố Cao Lãnh', 'huyện Lấp Vò', 'huyện Tháp Mười'] },
];
const WARDS = ['Phường 3', 'Phường An Hòa', 'Xã Tân Bình', 'Xã Long Hưng', 'Thị trấn Mỹ An', 'Xã Hòa Bình'];
const COMPANIES = [
  'Công ty TNHH May mặc Tân Thành',
  'Công ty Cổ phần Thủy sản Cửu Long',
  'Hợp tác xã Nông nghiệp Phú Lợi',
  'Trung tâm Giáo dục nghề nghiệp Hưng Thịnh',
  'Công ty TNHH Cơ khí Đại Phát',
];
const SIGNERS = [
  'Phạm Hoàng Long',
  'Võ Thị Ngọc Hân',
  'Lâm Quốc Tuấn',
  'Đinh Văn Thạnh',
  'Trịnh Thị Thu Vân',
];

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export interface Person {
  name: string;
  female: boolean;
  birth: { day: number; month: number; year: number };
  /** 12 digits; or 9 for an old result (a CMND of before 2016). */
  idNumber: string;
  address: string;
}

export interface Foreigner {
  name: string;
  nationality: string;
  birth: { day: number; month: number; year: number };
  passport: string;
}

export interface Office {
  province: string;
  /** The parent body, first line of the header: "UBND TỈNH VĨNH LONG". */
  parent: string;
  /** The issuing body's header lines: ["SỞ LAO ĐỘNG – THƯƠNG BINH", "VÀ XÃ HỘI"]. */
  heading: string[];
  /** Its abbreviation in document numbers: "SLĐTBXH". */
  abbreviation: string;
  /** Who signs for it: "GIÁM ĐỐC", "CHỦ TỊCH". */
  head: string;
  /** The place of the place-and-date line. */
  place: string;
}

export function person(r: Random, options: { legacy?: boolean } = {}): Person {
  const female = r.chance(0.5);
  const province = r.pick(PROVINCES);
  const year = options.legacy ? r.int(1945, 1975) : r.int(1955, 2003);
  const middle = r.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE);
  const given = r.pick(female ? GIVEN_FEMALE : GIVEN_MALE);
  // Some names carry a second middle name: "Nguyễn Thị Thu Hằng".
  const name = [
    r.pick(FAMILY),
    middle,
    ...(r.chance(0.3) ? [r.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE)] : []),
    given,
  ]
    .filter((word, index, all) => all.indexOf(word) === index)
    .join(' ');
  const century = year >= 2000 ? (female ? 3 : 2) : female ? 1 : 0;
  const idNumber = options.legacy
    ? `${pad(r.int(30, 38), 2)}${pad(r.int(0, 9_999_999), 7)}`
    : `${province.code}${century}${pad(year % 100)}${pad(r.int(0, 999_999), 6)}`;
  return {
    name,
    female,
    birth: { day: r.int(1, 28), month: r.int(1, 12), year },
    idNumber,
    address: `${r.pick(WARDS)}, ${r.pick(province.towns)}, tỉnh ${province.name}`,
  };
}

export function foreigner(r: Random): Foreigner {
  const [name, nationality] = r.pick(FOREIGN);
  const letter = r.pick(['B', 'C', 'E', 'G', 'K', 'M', 'P']);
  return {
    name,
    nationality,
    birth: { day: r.int(1, 28), month: r.int(1, 12), year: r.int(1965, 1998) },
    passport: `${letter}${pad(r.int(0, 99_999_999), 8)}`,
  };
}

export const company = (r: Random) => ({
  name: r.pick(COMPANIES),
  taxCode: `${r.pick(['03', '13', '18', '15'])}${pad(r.int(0, 99_999_999), 8)}`,
});
export const signer = (r: Random) => r.pick(SIGNERS);

export function office(r: Random, kind: 'department' | 'district' | 'province'): Office {
  const province = r.pick(PROVINCES);
  const upper = province.name.toLocaleUpperCase('vi');
  if (kind === 'district') {
    const town = r.pick(province.towns);
    return {
      province: province.name,
      parent: `UBND ${town.toLocaleUpperCase('vi')}`,
      heading: ['PHÒNG LAO ĐỘNG – THƯƠNG BINH', 'VÀ XÃ HỘI'],
      abbreviation: 'PLĐTBXH',
      head: 'TRƯỞNG PHÒNG',
      place: town.replace(/^(thành phố|huyện|thị xã|quận) /, ''),
    };
  }
  if (kind === 'province') {
    return {
      province: province.name,
      parent: '',
      heading: ['ỦY BAN NHÂN DÂN', `TỈNH ${upper}`],
      abbreviation: 'UBND',
      head: 'CHỦ TỊCH',
      place: province.name,
    };
  }
  return {
    province: province.name,
    parent: `UBND TỈNH ${upper}`,
    heading: ['SỞ LAO ĐỘNG – THƯƠNG BINH', 'VÀ XÃ HỘI'],
    abbreviation: 'SLĐTBXH',
    head: 'GIÁM ĐỐC',
    place: province.name,
  };
}

export const dmy = (date: { day: number; month: number; year: number }) =>
  `${pad(date.day)}/${pad(date.month)}/${date.year}`;
export const iso = (date: { day: number; month: number; year: number }) =>
  `${date.year}-${pad(date.month)}-${pad(date.day)}`;
