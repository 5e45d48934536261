/**
 * The corpus's layouts: the department's result types as offices really set them, in the
 * wording of the decrees they cite, with the labels offices really use. Each layout is a kind
 * of document and a way of setting it (header, labels, font); each page of it has its own
 * person, numbers and dates. Nothing here is copied from the demo templates.
 */
import {
  company,
  dmy,
  foreigner,
  iso,
  office,
  person,
  signer,
  type Foreigner,
  type Office,
  type Person,
} from './corpus-people';
import { Typesetter } from './typeset';
import { seededRandom, type SeededRandom as Random } from '../../src-shared/domain/seeded-random';

export type FieldTruth = Partial<
  Record<
    | 'resultType'
    | 'documentNumber'
    | 'issueDate'
    | 'issuingAgency'
    | 'ownerName'
    | 'ownerBirthDate'
    | 'ownerIdNumber'
    | 'ownerTaxCode'
    | 'ownerNationality'
    | 'effectiveDate'
    | 'expiryDate'
    | 'signerName',
    string
  >
>;

export interface SetPage {
  set: Typesetter;
  fields: FieldTruth;
  /** Where the signer's name stands (mm): a seal and a signature go over it. */
  signerAt: { x: number; y: number };
}

type HeaderStyle = 'two-column' | 'stacked';
type Kind = (r: Random, set: Typesetter, header: HeaderStyle) => SetPage;

const FONTS = {
  times: 'Liberation Serif',
  noto: 'Noto Serif',
  dejavu: 'DejaVu Serif',
  typewriter: 'Liberation Mono',
} as const;

const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

function dateOf(r: Random) {
  return { day: r.int(1, 28), month: r.int(1, 12), year: r.int(2016, 2025) };
}

/** The header: issuing body and motto, then the number beside the place and date. */
function header(
  set: Typesetter,
  style: HeaderStyle,
  who: Office,
  number: string,
  date: ReturnType<typeof dateOf>,
) {
  const placed = `${who.place}, ngày ${String(date.day).padStart(2, '0')} tháng ${String(date.month).padStart(2, '0')} năm ${date.year}`;
  const lines = [...(who.parent ? [who.parent] : []), ...who.heading];
  if (style === 'two-column') {
    set.pair(lines[0]!, MOTTO[0]!, { boldLeft: !who.parent, boldRight: true });
    set.pair(lines[1]!, MOTTO[1]!, { boldLeft: true, boldRight: true });
    if (lines[2]) set.pair(lines[2], '', { boldLeft: true });
    set.rule(42, 68);
    set.space(3);
    set.pair(`Số: ${number}`, placed, { italicRight: true });
  } else {
    set.line(MOTTO[0]!, { anchor: 'middle', bold: true });
    set.line(MOTTO[1]!, { anchor: 'middle', bold: true });
    set.rule(80, 130);
    set.space(3);
    for (const line of lines) set.line(line, { bold: line !== who.parent, size: set.size * 0.95 });
    set.line(`Số: ${number}`);
    set.line(placed, { anchor: 'end', x: 190, italic: true });
  }
  set.space(6);
  return { issueDate: iso(date), issuingAgency: who.heading.join(' ') };
}

/** What a page says of the person it is for. */
const personTruth = (someone: Person): FieldTruth => ({
  ownerName: someone.name,
  ownerBirthDate: iso(someone.birth),
  ownerIdNumber: someone.idNumber,
});
/** What a page says of the foreign worker it is for: the passport is the ID. */
const foreignerTruth = (worker: Foreigner): FieldTruth => ({
  ownerName: worker.name,
  ownerBirthDate: iso(worker.birth),
  ownerIdNumber: worker.passport,
  ownerNationality: worker.nationality,
});

/**
 * The page signed: the signature block under it, the signer in its ground truth. A deputy
 * signs ("KT.") always, never, or on the draw `deputy` gives (drawn after the signer).
 */
function signedPage(
  set: Typesetter,
  r: Random,
  who: Office,
  deputy: boolean | 'sometimes',
  fields: FieldTruth,
): SetPage {
  const signerName = signer(r);
  const signerAt = signature(set, who, signerName, deputy === 'sometimes' ? r.chance(0.5) : deputy);
  return { set, signerAt, fields: { ...fields, signerName } };
}

/** The signature block: the head's title, room for the signature and seal, the name. */
function signature(set: Typesetter, who: Office, name: string, deputy: boolean) {
  set.space(4);
  if (deputy) set.line(`KT. ${who.head}`, { x: 143, anchor: 'middle', bold: true });
  set.line(deputy ? `PHÓ ${who.head}` : who.head, { x: 143, anchor: 'middle', bold: true, gap: 26 });
  const signerAt = { x: 143, y: set.y };
  set.line(name, { x: 143, anchor: 'middle', bold: true });
  return signerAt;
}

const receivers = (set: Typesetter, lines: string[]) => {
  set.line('Nơi nhận:', { bold: true, italic: true, size: set.size * 0.85, gap: set.size * 1.2 });
  for (const line of lines) set.line(line, { size: set.size * 0.8, gap: set.size * 1.15 });
};

/** A decision granting a monthly allowance; the person named in its "Điều 1". */
const allowanceDecision =
  (labels: 'inline' | 'listed', legacy = false): Kind =>
  (r, set, style) => {
    const who = office(r, r.chance(0.5) ? 'department' : 'district');
    const someone = person(r, { legacy });
    const number = `${r.int(5, 2900)}/QĐ-${who.abbreviation}`;
    const top = header(set, style, who, number, dateOf(r));
    set.line('QUYẾT ĐỊNH', { anchor: 'middle', bold: true, size: set.size * 1.1 });
    set.line('Về việc hưởng trợ cấp hằng tháng đối với người có công với cách mạng', {
      anchor: 'middle',
      bold: true,
    });
    set.space(3);
    set.line(`${who.head} ${who.heading.join(' ')}`.replace('PHÒNG PHÒNG', 'PHÒNG'), {
      anchor: 'middle',
      bold: true,
      size: set.size * 0.95,
    });
    set.paragraph(
      'Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14 ngày 09 tháng 12 năm 2020;',
    );
    set.paragraph(
      'Căn cứ Nghị định số 131/2021/NĐ-CP ngày 30 tháng 12 năm 2021 của Chính phủ quy định chi tiết và biện pháp thi hành Pháp lệnh Ưu đãi người có công với cách mạng;',
    );
    set.paragraph('Xét đề nghị của Trưởng phòng Người có công.');
    set.line('QUYẾT ĐỊNH:', { anchor: 'middle', bold: true });
    const id = legacy ? `số CMND ${someone.idNumber}` : `số định danh cá nhân ${someone.idNumber}`;
    if (labels === 'inline') {
      set.paragraph(
        `Điều 1. Trợ cấp hằng tháng đối với ${someone.female ? 'bà' : 'ông'} ${someone.name}, sinh ngày ${dmy(someone.birth)}, ${id}, nơi thường trú: ${someone.address}.`,
      );
    } else {
      set.paragraph('Điều 1. Trợ cấp hằng tháng đối với người có tên sau:');
      set.line(`Họ và tên: ${someone.name}`, { x: 35 });
      set.line(`Ngày sinh: ${dmy(someone.birth)}`, { x: 35 });
      set.line(legacy ? `Số CMND: ${someone.idNumber}` : `Số định danh cá nhân: ${someone.idNumber}`, {
        x: 35,
      });
      set.line(`Nơi thường trú: ${someone.address}`, { x: 35 });
    }
    set.paragraph(
      `Mức trợ cấp: ${(r.int(12, 48) * 100_000).toLocaleString('vi-VN')} đồng/tháng, kể từ ngày ${dmy(dateOf(r))}.`,
    );
    set.paragraph('Điều 2. Quyết định này có hiệu lực kể từ ngày ký.');
    set.paragraph(
      'Điều 3. Trưởng phòng Người có công, Chánh Văn phòng và người có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
    );
    const page = signedPage(set, r, who, 'sometimes', {
      resultType: 'decision',
      documentNumber: number,
      ...top,
      effectiveDate: top.issueDate,
      ...personTruth(someone),
    });
    receivers(set, ['- Như Điều 3;', '- Lưu: VT, NCC.']);
    return page;
  };

/** A decision with an annexed list of beneficiaries: no single owner. */
const listDecision: Kind = (r, set, style) => {
  const who = office(r, 'district');
  const number = `${r.int(5, 2900)}/QĐ-${who.abbreviation}`;
  const top = header(set, style, who, number, dateOf(r));
  set.line('QUYẾT ĐỊNH', { anchor: 'middle', bold: true, size: set.size * 1.1 });
  set.line('Về việc trợ cấp xã hội hằng tháng đối với đối tượng bảo trợ xã hội', {
    anchor: 'middle',
    bold: true,
  });
  set.space(3);
  set.paragraph(
    'Căn cứ Nghị định số 20/2021/NĐ-CP ngày 15 tháng 3 năm 2021 của Chính phủ quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội;',
  );
  set.line('QUYẾT ĐỊNH:', { anchor: 'middle', bold: true });
  set.paragraph(
    'Điều 1. Trợ cấp xã hội hằng tháng cho các đối tượng có tên trong danh sách kèm theo Quyết định này.',
  );
  set.line('DANH SÁCH KÈM THEO', { anchor: 'middle', bold: true });
  const rows = Array.from({ length: 8 }, (_, index) => {
    const someone = person(r);
    return [String(index + 1), someone.name, String(someone.birth.year), someone.idNumber];
  });
  set.table([25, 37, 100, 125], ['STT', 'Họ và tên', 'Năm sinh', 'Số định danh cá nhân'], rows);
  set.paragraph('Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.');
  const page = signedPage(set, r, who, false, {
    resultType: 'decision',
    documentNumber: number,
    ...top,
    effectiveDate: top.issueDate,
  });
  return page;
};

/** A work permit for a foreign worker, identified by passport. */
const workPermit: Kind = (r, set, style) => {
  const who = office(r, 'department');
  const worker = foreigner(r);
  const employer = company(r);
  const number = `${r.int(100, 9999)}/GPLĐ-${who.abbreviation}`;
  const top = header(set, style, who, number, dateOf(r));
  set.line('GIẤY PHÉP LAO ĐỘNG', { anchor: 'middle', bold: true, size: set.size * 1.2 });
  set.line('WORK PERMIT', { anchor: 'middle', italic: true });
  set.space(3);
  const from = dateOf(r);
  const to = { ...from, year: from.year + 2 };
  set.line(`Họ và tên: ${worker.name}`);
  set.line(`Ngày sinh: ${dmy(worker.birth)}`);
  set.line(`Quốc tịch: ${worker.nationality}`);
  set.line(`Số hộ chiếu: ${worker.passport}`);
  set.line(`Làm việc tại: ${employer.name}`);
  set.line(`Vị trí công việc: ${r.pick(['Chuyên gia', 'Nhà quản lý', 'Lao động kỹ thuật'])}`);
  set.line(`Thời hạn làm việc: từ ngày ${dmy(from)} đến ngày ${dmy(to)}`);
  const page = signedPage(set, r, who, 'sometimes', {
    resultType: 'licence',
    documentNumber: number,
    ...top,
    ...foreignerTruth(worker),
    effectiveDate: iso(from),
    expiryDate: iso(to),
  });
  return page;
};

/** A confirmation that a foreigner needs no work permit: "Ông/Bà", "Hộ chiếu số". */
const exemptionConfirmation: Kind = (r, set, style) => {
  const who = office(r, 'department');
  const worker = foreigner(r);
  const number = `${r.int(10, 999)}/XN-${who.abbreviation}`;
  const top = header(set, style, who, number, dateOf(r));
  set.line('GIẤY XÁC NHẬN', { anchor: 'middle', bold: true, size: set.size * 1.15 });
  set.line('người lao động nước ngoài không thuộc diện cấp giấy phép lao động', {
    anchor: 'middle',
    bold: true,
  });
  set.space(3);
  set.paragraph(`${who.heading.join(' ')} xác nhận:`);
  set.line(`Ông/Bà: ${worker.name}`);
  set.line(`Ngày sinh: ${dmy(worker.birth)}     Quốc tịch: ${worker.nationality}`);
  set.line(`Hộ chiếu số: ${worker.passport}`);
  set.paragraph(
    'Thuộc trường hợp không phải cấp giấy phép lao động theo quy định tại Nghị định số 152/2020/NĐ-CP ngày 30 tháng 12 năm 2020 của Chính phủ.',
  );
  const page = signedPage(set, r, who, false, {
    resultType: 'confirmation',
    documentNumber: number,
    ...top,
    ...foreignerTruth(worker),
  });
  return page;
};

/** A certificate issued to an organisation, with its enterprise code. */
const organisationCertificate: Kind = (r, set, style) => {
  const who = office(r, 'department');
  const holder = company(r);
  const number = `${r.int(10, 999)}/GCN-${who.abbreviation}`;
  const top = header(set, style, who, number, dateOf(r));
  set.line('GIẤY CHỨNG NHẬN', { anchor: 'middle', bold: true, size: set.size * 1.2 });
  set.line('ĐĂNG KÝ HOẠT ĐỘNG GIÁO DỤC NGHỀ NGHIỆP', { anchor: 'middle', bold: true });
  set.space(3);
  set.line(`Cấp cho: ${holder.name}`);
  set.line(`Mã số doanh nghiệp: ${holder.taxCode}`);
  set.line(`Địa chỉ trụ sở chính: ${person(r).address}`);
  set.paragraph(
    'Được đăng ký hoạt động giáo dục nghề nghiệp đối với các ngành, nghề và quy mô tuyển sinh quy định tại phụ lục kèm theo Giấy chứng nhận này.',
  );
  const page = signedPage(set, r, who, 'sometimes', {
    resultType: 'certificate',
    documentNumber: number,
    ...top,
    ownerName: holder.name,
    ownerTaxCode: holder.taxCode,
  });
  return page;
};

/** A certificate issued to a person: "Người được cấp" or "Cấp cho". */
const personCertificate =
  (label: 'Người được cấp' | 'Cấp cho'): Kind =>
  (r, set, style) => {
    const who = office(r, r.chance(0.5) ? 'department' : 'province');
    const someone = person(r);
    const number = `${r.int(10, 4999)}/GCN-${who.abbreviation}`;
    const top = header(set, style, who, number, dateOf(r));
    set.line('GIẤY CHỨNG NHẬN', { anchor: 'middle', bold: true, size: set.size * 1.2 });
    set.line('Thân nhân liệt sĩ', { anchor: 'middle', bold: true });
    set.space(3);
    set.line(`${label}: ${someone.name}`);
    set.line(`Sinh ngày: ${dmy(someone.birth)}`);
    set.line(`Căn cước công dân số: ${someone.idNumber}`);
    set.line(`Quê quán: ${someone.address}`);
    set.paragraph(
      'Là thân nhân của liệt sĩ, được hưởng các chế độ ưu đãi theo quy định của Pháp lệnh Ưu đãi người có công với cách mạng.',
    );
    const page = signedPage(set, r, who, 'sometimes', {
      resultType: 'certificate',
      documentNumber: number,
      ...top,
      ...personTruth(someone),
    });
    return page;
  };

/** A confirmation for a worker: "Tên người lao động". */
const workerConfirmation: Kind = (r, set, style) => {
  const who = office(r, 'district');
  const someone = person(r);
  const number = `${r.int(10, 999)}/XN-${who.abbreviation}`;
  const top = header(set, style, who, number, dateOf(r));
  set.line('GIẤY XÁC NHẬN', { anchor: 'middle', bold: true, size: set.size * 1.15 });
  set.line('Về việc tham gia hợp đồng lao động', { anchor: 'middle', bold: true });
  set.space(3);
  set.line(`Tên người lao động: ${someone.name}`);
  set.line(`Ngày, tháng, năm sinh: ${dmy(someone.birth)}`);
  set.line(`Số CCCD: ${someone.idNumber}`);
  set.line(`Nơi làm việc: ${company(r).name}`);
  set.paragraph(
    'Nội dung xác nhận nêu trên là đúng sự thật. Giấy xác nhận này có giá trị trong thời hạn 06 tháng kể từ ngày ký.',
  );
  const page = signedPage(set, r, who, false, {
    resultType: 'confirmation',
    documentNumber: number,
    ...top,
    ...personTruth(someone),
  });
  return page;
};

/** A licence for an employment service, issued to a company, for a term. */
const serviceLicence: Kind = (r, set, style) => {
  const who = office(r, 'province');
  const holder = company(r);
  const number = `${r.int(10, 99)}/${r.int(2016, 2025)}/GP-${who.abbreviation}`;
  const top = header(set, style, who, number, dateOf(r));
  const from = dateOf(r);
  const to = { ...from, year: from.year + 5 };
  set.line('GIẤY PHÉP', { anchor: 'middle', bold: true, size: set.size * 1.2 });
  set.line('HOẠT ĐỘNG DỊCH VỤ VIỆC LÀM', { anchor: 'middle', bold: true });
  set.space(3);
  set.line(`Tên doanh nghiệp: ${holder.name}`);
  set.line(`Mã số thuế: ${holder.taxCode}`);
  set.line(`Người đại diện theo pháp luật: ${person(r).name}`);
  set.line(`Thời hạn của giấy phép: từ ngày ${dmy(from)} đến ngày ${dmy(to)}`);
  const page = signedPage(set, r, who, true, {
    resultType: 'licence',
    documentNumber: number,
    ...top,
    ownerName: holder.name,
    ownerTaxCode: holder.taxCode,
    effectiveDate: iso(from),
    expiryDate: iso(to),
  });
  return page;
};

export interface Layout {
  id: string;
  font: string;
  size: number;
  header: HeaderStyle;
  kind: Kind;
}

const layout = (
  id: string,
  kind: Kind,
  font: keyof typeof FONTS,
  header: HeaderStyle,
  size = 4.5,
): Layout => ({
  id,
  kind,
  font: FONTS[font],
  size,
  header,
});

/** 25 layouts: 10 kinds, set in four typefaces, two header styles and three sizes. */
export const LAYOUTS: readonly Layout[] = [
  layout('allowance-inline-times', allowanceDecision('inline'), 'times', 'two-column'),
  layout('allowance-inline-noto', allowanceDecision('inline'), 'noto', 'stacked', 4.2),
  layout('allowance-listed-times', allowanceDecision('listed'), 'times', 'two-column', 4.8),
  layout('allowance-listed-dejavu', allowanceDecision('listed'), 'dejavu', 'two-column', 4.1),
  layout('allowance-old-typewriter', allowanceDecision('listed', true), 'typewriter', 'stacked', 4.0),
  layout(
    'allowance-old-inline-typewriter',
    allowanceDecision('inline', true),
    'typewriter',
    'two-column',
    3.9,
  ),
  layout('allowance-old-times', allowanceDecision('inline', true), 'times', 'stacked'),
  layout('list-decision-times', listDecision, 'times', 'two-column'),
  layout('list-decision-noto', listDecision, 'noto', 'two-column', 4.1),
  layout('work-permit-times', workPermit, 'times', 'two-column', 4.8),
  layout('work-permit-dejavu', workPermit, 'dejavu', 'stacked', 4.2),
  layout('work-permit-noto', workPermit, 'noto', 'two-column'),
  layout('exemption-times', exemptionConfirmation, 'times', 'two-column'),
  layout('exemption-noto', exemptionConfirmation, 'noto', 'stacked', 4.3),
  layout('org-certificate-times', organisationCertificate, 'times', 'two-column'),
  layout('org-certificate-dejavu', organisationCertificate, 'dejavu', 'two-column', 4.0),
  layout('person-certificate-granted-times', personCertificate('Người được cấp'), 'times', 'two-column', 4.8),
  layout('person-certificate-granted-noto', personCertificate('Người được cấp'), 'noto', 'stacked'),
  layout('person-certificate-issued-times', personCertificate('Cấp cho'), 'times', 'stacked', 4.4),
  layout('person-certificate-issued-dejavu', personCertificate('Cấp cho'), 'dejavu', 'two-column', 4.1),
  layout('worker-confirmation-times', workerConfirmation, 'times', 'two-column'),
  layout('worker-confirmation-noto', workerConfirmation, 'noto', 'two-column', 4.2),
  layout('worker-confirmation-typewriter', workerConfirmation, 'typewriter', 'stacked', 3.9),
  layout('service-licence-times', serviceLicence, 'times', 'two-column'),
  layout('service-licence-noto', serviceLicence, 'noto', 'stacked', 4.3),
];

/** Page `index` of `layout`: its own person, numbers and dates. */
export function setPage(layout: Layout, seed: number): SetPage {
  const set = new Typesetter(layout.font, layout.size, layout.font === FONTS.typewriter);
  return layout.kind(seededFor(seed), set, layout.header);
}

const seededFor = (seed: number) => seededRandom(Math.imul(seed, 2654435761));
