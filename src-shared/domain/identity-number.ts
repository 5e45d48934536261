/**
 * Personal identification numbers (số định danh cá nhân, DOMAIN.md): 12 digits = province
 * of birth registration (3) + sex and century (1) + year of birth (2) + serial (6). Old
 * 9-digit ID card numbers are accepted and marked legacy. Tax codes: 10 digits, or 13 as
 * NNNNNNNNNN-NNN for a branch (structure only: the check digit rule is not in DOMAIN.md).
 */

/** Province codes of birth registration (Circular 07/2016/TT-BCA), 63 provinces. */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};

/** The century digit: even for men, odd for women; 0/1 for births 1900–1999, 2/3 for 2000–2099, … */
const CENTURY_BY_DIGIT = [1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 1800, 1800];

/** Why a number is not right, as i18n keys under `identity.`. */
export type IdentityProblem =
  'format' | 'unknownProvince' | 'birthInFuture' | 'birthYearMismatch' | 'sexMismatch';

export type IdentityCheck =
  | {
      kind: 'personal';
      province: string;
      sex: 'male' | 'female';
      birthYear: number;
      problems: IdentityProblem[];
    }
  | { kind: 'legacy'; problems: IdentityProblem[] }
  | { kind: 'invalid'; problems: IdentityProblem[] };

/**
 * Checks a personal ID number, against the date of birth and sex when they are known.
 * `today` decides what "in the future" means (tests pass a fixed day).
 */
export function checkIdentityNumber(
  input: string,
  known: { birthYear?: number; sex?: 'male' | 'female'; today?: Date } = {},
): IdentityCheck {
  const digits = input.replace(/[\s.]/g, '');
  if (/^\d{9}$/.test(digits)) return { kind: 'legacy', problems: [] };
  if (!/^\d{12}$/.test(digits)) return { kind: 'invalid', problems: ['format'] };
  const problems: IdentityProblem[] = [];
  const province = digits.slice(0, 3);
  if (!PROVINCE_CODES[province]) problems.push('unknownProvince');
  const centuryDigit = Number(digits[3]);
  const birthYear = CENTURY_BY_DIGIT[centuryDigit]! + Number(digits.slice(4, 6));
  const sex = centuryDigit % 2 === 0 ? 'male' : 'female';
  if (birthYear > (known.today ?? new Date()).getFullYear()) problems.push('birthInFuture');
  if (known.birthYear !== undefined && known.birthYear !== birthYear) problems.push('birthYearMismatch');
  if (known.sex !== undefined && known.sex !== sex) problems.push('sexMismatch');
  return { kind: 'personal', province, sex, birthYear, problems };
}

export const isValidIdentityNumber = (input: string, known?: Parameters<typeof checkIdentityNumber>[1]) =>
  checkIdentityNumber(input, known).problems.length === 0;

/** A tax or enterprise code: 10 digits, or 10 + `-` + 3 for a branch. */
export const TAX_CODE_PATTERN = /^\d{10}(?:-\d{3})?$/;
export const isTaxCode = (input: string) => TAX_CODE_PATTERN.test(input.trim());

/**
 * A passport number, as a foreign worker's documents give it (ICAO 9303: up to 9 characters
 * in the machine-readable zone, letters and digits; some states' run longer): 6 to 12 capital
 * letters and digits, at least one a digit. Structure only; no state's check digit is known.
 */
export const PASSPORT_PATTERN = /^(?=[A-Z]*\d)[A-Z0-9]{6,12}$/;
export const isPassportNumber = (input: string) => PASSPORT_PATTERN.test(input.trim());
