import giayChungNhan from '../../../assets/demo/giay-chung-nhan-gdnn.svg?raw';
import phuLuc1 from '../../../assets/demo/giay-chung-nhan-gdnn-phu-luc-1.svg?raw';
import phuLuc2 from '../../../assets/demo/giay-chung-nhan-gdnn-phu-luc-2.svg?raw';
import giayPhep1 from '../../../assets/demo/giay-phep-lao-dong-1.svg?raw';
import giayPhep2 from '../../../assets/demo/giay-phep-lao-dong-2.svg?raw';
import quyetDinh from '../../../assets/demo/quyet-dinh-tro-cap.svg?raw';
import { seededRandom } from '../../../src-shared/domain/seeded-random';

/**
 * The demo scanner's paper: Vietnamese administrative results rendered from the SVG
 * templates in `assets/demo`, each sheet filled with its own made-up but well-formed
 * data (12-digit personal ID numbers with a real province code, dates in order), so that
 * clerks can train and OCR and indexing have realistic input on machines with no scanner.
 * Templates are A4 in points (595.28 × 841.89) with a viewBox in millimetres: sharp renders
 * an SVG at `density` dpi relative to 72, so the page comes out at its true size.
 */
export type DemoDocumentKind = 'decision' | 'permit' | 'certificate';
const DOCUMENTS: readonly { kind: DemoDocumentKind; pages: readonly string[] }[] = [
  { kind: 'decision', pages: [quyetDinh] },
  { kind: 'permit', pages: [giayPhep1, giayPhep2] },
  // The certificate lists its trades in an annex of two pages: one document of three.
  { kind: 'certificate', pages: [giayChungNhan, phuLuc1, phuLuc2] },
];

/** One page of the demo feeder, with what it was filled with (the ground truth of tests). */
export interface DemoPage {
  svg: string;
  kind: DemoDocumentKind;
  /** 1-based page of its document. */
  page: number;
  data: Record<string, string>;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE_MALE = ['Văn', 'Minh', 'Hữu', 'Thanh', 'Quốc'];
const MIDDLE_FEMALE = ['Thị', 'Ngọc', 'Thanh', 'Kim', 'Mỹ'];
const GIVEN = ['Ánh', 'Bình', 'Cường', 'Dũng', 'Hạnh', 'Hòa', 'Lan', 'Phúc', 'Tâm', 'Thảo', 'Đức', 'Yến'];
const FOREIGN = ['KIM MIN-JUN', 'TANAKA HIROSHI', 'CHEN WEI', 'PARK JI-HOON', 'JOHN MILLER', 'LEE SEO-YEON'];
const NATIONALITY = ['Hàn Quốc', 'Nhật Bản', 'Trung Quốc', 'Hàn Quốc', 'Hoa Kỳ', 'Hàn Quốc'];
const PLACES = ['Phường 1, thành phố Cao Lãnh', 'Phường 2, thành phố Sa Đéc', 'Xã Mỹ Hiệp, huyện Cao Lãnh'];
const SIGNERS = ['Nguyễn Văn Hùng', 'Trần Thị Mai', 'Lê Quang Vinh'];
const SCHOOLS = ['Trung tâm Đào tạo nghề Hoa Sen', 'Công ty TNHH Giáo dục Nghề Phương Nam'];

/** The same sheet number always gives the same document. */
const random = seededRandom;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const dmy = (day: number, month: number, year: number) => `${pad(day)}/${pad(month)}/${year}`;

/** The fields of one sheet; the personal ID agrees with sex and year of birth (DOMAIN.md). */
export function sheetData(serial: number): Record<string, string> {
  const r = random(serial * 7919 + 17);
  const female = r.int(0, 1) === 1;
  const birthYear = r.int(1950, 1999);
  const year = r.int(2019, 2025);
  const month = r.int(1, 12);
  const day = r.int(1, 28);
  const idNumber = `087${female ? 1 : 0}${pad(birthYear % 100)}${pad(r.int(0, 999_999), 6)}`;
  const foreign = r.int(0, FOREIGN.length - 1);
  return {
    number: String(r.int(12, 2400)),
    day: pad(day),
    month: pad(month),
    year: String(year),
    name: `${r.pick(FAMILY)} ${r.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE)} ${r.pick(GIVEN)}`,
    birthDate: dmy(r.int(1, 28), r.int(1, 12), birthYear),
    idNumber,
    address: r.pick(PLACES),
    amount: (r.int(15, 45) * 100_000).toLocaleString('vi-VN'),
    effective: dmy(day, month, year),
    expiry: dmy(day, month, year + 2),
    signer: r.pick(SIGNERS),
    foreignName: FOREIGN[foreign]!,
    nationality: NATIONALITY[foreign]!,
    sex: r.int(0, 1) ? 'Nam' : 'Nữ',
    passport: `M${pad(r.int(0, 99_999_999), 8)}`,
    position: 'Chuyên gia kỹ thuật',
    employer: 'Công ty TNHH Điện tử Sông Tiền',
    taxCode: `140${pad(r.int(0, 9_999_999), 7)}`,
    school: r.pick(SCHOOLS),
    // Paper is never quite white.
    paper: r.pick(['#fdfcf8', '#fbfaf5', '#fefefe', '#f9f8f3']),
  };
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function fillTemplate(template: string, data: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => escapeXml(data[key] ?? ''));
}

/**
 * The `count` pages of a feeder stack starting at document `firstDocument`: documents in
 * turn, each with all its pages, as SVG ready to render. A blank page stands for the back
 * of a sheet in duplex.
 */
export function demoStack(firstDocument: number, count: number): DemoPage[] {
  const pages: DemoPage[] = [];
  for (let document = firstDocument; pages.length < count; document += 1) {
    const { kind, pages: templates } = DOCUMENTS[document % DOCUMENTS.length]!;
    const data = sheetData(document);
    templates.forEach((template, index) => {
      if (pages.length < count)
        pages.push({ svg: fillTemplate(template, data), kind, page: index + 1, data });
    });
  }
  return pages;
}

export const demoPages = (firstDocument: number, count: number): string[] =>
  demoStack(firstDocument, count).map((page) => page.svg);

export const blankBack = (paper = '#fdfcf8') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="595.28" height="841.89" viewBox="0 0 210 297"><rect width="210" height="297" fill="${paper}"/></svg>`;
