import { describe, expect, it } from 'vitest';
import {
  suggestFields,
  type CatalogueEntry,
  type FieldSuggestion,
} from '../../../src-shared/indexing/field-suggestions';

// What tesseract gives for a decision: the two header columns run together, line breaks
// kept, a few characters wrong.
const DECISION = `UBND TỈNH ĐỒNG THÁP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ LAO ĐỘNG – THƯƠNG BINH Độc lập - Tự do - Hạnh phúc
VÀ XÃ HỘI
Số: 1317/QĐ-SLĐTBXH Đồng Tháp, ngày 03 tháng 02 năm 2022
QUYẾT ĐỊNH
Về việc trợ cấp ưu đãi đối với người có công với cách mạng
GIÁM ĐỐC SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI
Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng ngày 09 tháng 12 năm 2020;
Căn cứ Nghị định số 131/2021/NĐ-CP ngày 30 tháng 12 năm 2021 của Chính phủ;
QUYẾT ĐỊNH:
Điều 1. Trợ cấp ưu đãi hằng tháng đối với Ông/Bà: Nguyễn Văn Ánh
Sinh ngày: 09/03/1959; Số định danh cá nhân: 087059760822
Nơi thường trú: Phường 1, thành phố Cao Lãnh
Mức trợ cấp: 3.400.000 đồng/tháng, kể từ ngày 03/02/2022.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng Sở, Trưởng phòng Người có công và Ông/Bà có tên
tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận: KT. GIÁM ĐỐC
- Như Điều 3; PHÓ GIÁM ĐỐC
- Lưu: VT, NCC.
Lê Quang Vinh
`;

const PERMIT = `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
GIẤY PHÉP LAO ĐỘNG
WORK PERMIT
Số: 908 / GPLĐ-SLĐTBXH
1. Họ và tên: KIM MIN-JUN
2. Giới tính: Nam 3. Ngày sinh: 17/03/1996
4. Quốc tịch: Hàn Quốc
5. Số hộ chiếu: M37290827
7. Làm việc tại: Công ty TNHH Điện tử Sông Tiền
Mã số doanh nghiệp: 1405295116
8. Thời hạn làm việc: từ ngày 04/01/2019 đến ngày 04/01/2021
Đồng Tháp, ngày 04 tháng 01 năm 2019
GIÁM ĐỐC
Trần Thị Mai
`;

const CATALOGUE: CatalogueEntry[] = [
  { code: '1.000459', name: 'Cấp giấy phép lao động cho người lao động nước ngoài', resultType: 'licence' },
  { code: '1.001257', name: 'Quyết định trợ cấp ưu đãi người có công với cách mạng', resultType: 'decision' },
  {
    code: '1.000105',
    name: 'Cấp giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp',
    resultType: 'certificate',
  },
];

const byField = (suggestions: FieldSuggestion[]) =>
  Object.fromEntries(suggestions.map((suggestion) => [suggestion.field, suggestion]));
const values = (text: string) =>
  Object.fromEntries(
    suggestFields(text, CATALOGUE).map((suggestion) => [suggestion.field, suggestion.value]),
  );

describe('field suggestions from OCR text', () => {
  it('reads a decision: number, date, agency, owner, ID, validity, signer, procedure', () => {
    expect(values(DECISION)).toEqual({
      resultType: 'decision',
      documentNumber: '1317/QĐ-SLĐTBXH',
      issueDate: '2022-02-03',
      issuingAgency: 'SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI',
      ownerName: 'Nguyễn Văn Ánh',
      ownerBirthDate: '1959-03-09',
      ownerIdNumber: '087059760822',
      // "có hiệu lực kể từ ngày ký": from the issue date.
      effectiveDate: '2022-02-03',
      signerName: 'Lê Quang Vinh',
      procedureCode: '1.001257',
    });
  });

  it('gives each suggestion the span of the text it came from', () => {
    const found = byField(suggestFields(DECISION));
    for (const suggestion of Object.values(found)) {
      if (suggestion.field === 'procedureCode') continue;
      const { start, end } = suggestion.span;
      expect(end, suggestion.field).toBeGreaterThan(start);
    }
    const { span } = found.ownerName!;
    expect(DECISION.slice(span.start, span.end)).toBe('Nguyễn Văn Ánh');
    const date = found.issueDate!.span;
    expect(DECISION.slice(date.start, date.end)).toBe('ngày 03 tháng 02 năm 2022');
  });

  it('reads a work permit: spaced-out number, capitals name, tax code, validity range', () => {
    expect(values(PERMIT)).toMatchObject({
      resultType: 'licence',
      documentNumber: '908/GPLĐ-SLĐTBXH',
      issueDate: '2019-01-04',
      ownerName: 'KIM MIN-JUN',
      ownerBirthDate: '1996-03-17',
      ownerTaxCode: '1405295116',
      effectiveDate: '2019-01-04',
      expiryDate: '2021-01-04',
      signerName: 'Trần Thị Mai',
      procedureCode: '1.000459',
    });
  });

  it("gives a foreign worker's passport number as the ID, with its kind, and the nationality", () => {
    const permit = byField(suggestFields(PERMIT, CATALOGUE));
    expect(permit.ownerIdNumber).toMatchObject({
      value: 'M37290827',
      idKind: 'passport',
      confidence: 'high',
    });
    expect(permit.ownerNationality?.value).toBe('Hàn Quốc');
    // The employer's enterprise code is an organisation's; a plain tax code could be anyone's.
    expect(permit.ownerTaxCode?.ownerKind).toBe('organisation');
    expect(byField(suggestFields('Mã số thuế: 8012345678\n')).ownerTaxCode?.ownerKind).toBeUndefined();
    // Another office's wording: "Hộ chiếu số", nationality and sex on one line, a lower-case
    // letter where OCR lost the capital.
    const exemption = byField(
      suggestFields(
        `XÁC NHẬN NGƯỜI LAO ĐỘNG NƯỚC NGOÀI KHÔNG THUỘC DIỆN CẤP GIẤY PHÉP LAO ĐỘNG
Ông/Bà: TANAKA YUKI
Quốc tịch: Nhật Bản; Giới tính: Nữ
Hộ chiếu số: tk0482915 cấp ngày 02/05/2020
`,
        CATALOGUE,
      ),
    );
    expect(exemption.ownerIdNumber).toMatchObject({ value: 'TK0482915', idKind: 'passport' });
    expect(exemption.ownerNationality?.value).toBe('Nhật Bản');
    // A Vietnamese ID number on the page is the owner's ID: no passport then.
    const both = byField(
      suggestFields('Họ và tên: Lê Văn Bình\nSố định danh cá nhân: 087059760822\nSố hộ chiếu: C1234567\n'),
    );
    expect(both.ownerIdNumber).toMatchObject({ value: '087059760822' });
    expect(both.ownerIdNumber?.idKind).toBeUndefined();
    // Not a passport: a word of letters only, or a label with nothing after it.
    expect(byField(suggestFields('Số hộ chiếu: KHÔNG CÓ\n')).ownerIdNumber).toBeUndefined();
  });

  it('copes with OCR noise: letters for digits, lost diacritics, stray spaces', () => {
    const noisy = DECISION.replace('087059760822', '0870597 6O822')
      .replace('Số: 1317/QĐ-SLĐTBXH', 'So : 1317 /QĐ-SLĐTBXH')
      .replace('ngày 03 tháng 02 năm 2022', 'ngay 03 thang 02 nam 2022');
    expect(values(noisy)).toMatchObject({
      documentNumber: '1317/QĐ-SLĐTBXH',
      issueDate: '2022-02-03',
      ownerIdNumber: '087059760822',
    });
  });

  it('flags an ID number that disagrees with the date of birth instead of dropping it', () => {
    // Century digit 8 means born 1800–1899, but the text says 1959.
    const found = byField(suggestFields(DECISION.replace('087059760822', '087859760822')));
    expect(found.ownerIdNumber).toMatchObject({
      value: '087859760822',
      confidence: 'medium',
      problems: ['birthYearMismatch'],
    });
  });

  it('reads validity written in words and a legacy 9-digit ID card number', () => {
    const text = `GIẤY CHỨNG NHẬN
Số: 25/GCN-SLĐTBXH
Họ và tên: Phạm Thị Hạnh
Số CMND: 341234567
Giấy chứng nhận có hiệu lực từ ngày 01 tháng 7 năm 2023 đến ngày 30 tháng 6 năm 2028.
`;
    expect(values(text)).toMatchObject({
      resultType: 'certificate',
      ownerName: 'Phạm Thị Hạnh',
      ownerIdNumber: '341234567',
      effectiveDate: '2023-07-01',
      expiryDate: '2028-06-30',
    });
  });

  it('names an organisation the result is issued to, with its kind, before the person who represents it', () => {
    const text = `UBND TỈNH AN GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ Y TẾ Độc lập - Tự do - Hạnh phúc
Số: 118/GCN-SYT
GIẤY CHỨNG NHẬN
ĐỦ ĐIỀU KIỆN KINH DOANH DƯỢC
Cấp cho: Công ty cổ phần dược phẩm Bình Minh.
Người phụ trách chuyên môn: Ông Trương Quốc Bảo
Mã số doanh nghiệp: 1601234567
`;
    const found = byField(suggestFields(text));
    expect(found.ownerName).toMatchObject({
      value: 'Công ty cổ phần dược phẩm Bình Minh',
      ownerKind: 'organisation',
    });
    expect(found.ownerTaxCode?.value).toBe('1601234567');
    // A person "cấp cho" is still a person, read by the usual labels.
    const person = byField(suggestFields('Cấp cho: Bà Lâm Thị Thu\nNgày sinh: 02/03/1980\n'));
    expect(person.ownerName).toMatchObject({ value: 'Lâm Thị Thu', ownerKind: 'person' });
  });

  it('takes no name from "ỦY BAN": a label is a whole word', () => {
    const text = 'ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP\nSố: 5/QĐ-UBND\nHọ và tên: Đặng Văn Phúc\n';
    expect(values(text).ownerName).toBe('Đặng Văn Phúc');
  });

  it('does not invent: no name after "Ông/Bà có tên", no title from a sentence, no impossible dates', () => {
    const text = 'Ông/Bà có tên tại Điều 1 thực hiện quyết định này.\nĐồng Tháp, ngày 31 tháng 02 năm 2022\n';
    expect(values(text)).toEqual({});
  });

  describe('the faults unseen pages showed (issue 15)', () => {
    it('weighs every labelled name: "Họ và tên" beats an earlier "Ông" that names no one', () => {
      const text =
        'ỦY BA N NHÂN DAN TINH ĐỒNG THAP\nXét đề nghị của Ông Trưởng Phòng Nội Vụ;\n' +
        'Họ và tên: Lương Thị Mến\nNgày sinh: 04/11/1971\n';
      expect(values(text).ownerName).toBe('Lương Thị Mến');
    });

    it('finds the person a decision names in its "Điều 1", and joins a name OCR split', () => {
      const text =
        'QUYẾT ĐỊNH:\nĐiều 1. Công nhận bà Quách Thị Ngọc H ạnh, sinh ngày 02/09/1984, là người có công.\n';
      expect(values(text)).toMatchObject({ ownerName: 'Quách Thị Ngọc Hạnh', ownerBirthDate: '1984-09-02' });
    });

    it('takes no name that is not one: header words, a title, a surname nobody has', () => {
      expect(values('Ông: THƯƠNG BINH VÀ XÃ HỘI\n').ownerName).toBeUndefined();
      expect(values('Bà: Giám Đốc Sở\n').ownerName).toBeUndefined();
      expect(values('Họ và tên: KIM MIN-JUN\n').ownerName).toBe('KIM MIN-JUN');
    });

    it('reads a document number whose "Số" came back "S6", whose Đ came back Ð, D or twice', () => {
      expect(values('S6: 946/QÐ-SLÐTBXH\n').documentNumber).toBe('946/QĐ-SLĐTBXH');
      expect(values('Số: 31/QD-UBND\n').documentNumber).toBe('31/QĐ-UBND');
      expect(values('Số: 253/QĐĐ-PLĐTBXH\n').documentNumber).toBe('253/QĐ-PLĐTBXH');
      expect(values('Số: 08/2025/GP-UBND\n').documentNumber).toBe('08/2025/GP-UBND');
      // A symbol that is no known one stays as read; the digits always do.
      expect(values('Số: 17/XYZ-SNV\n').documentNumber).toBe('17/XYZ-SNV');
    });

    it('puts back the slash OCR lost after a header number, before a known symbol only', () => {
      const cited = 'Căn cứ Nghị định số 12/2022/NĐ-CP ngày 5 tháng 1 năm 2022;\n';
      expect(byField(suggestFields(`Số: 412GPLD-SLĐTBXH\n${cited}`)).documentNumber).toMatchObject({
        value: '412/GPLĐ-SLĐTBXH',
        confidence: 'medium',
      });
      // "KQ" is no symbol: the header's number cannot be read, and a cited one is not it.
      expect(values(`Số: 412KQ-SLĐTBXH\n${cited}`).documentNumber).toBeUndefined();
      expect(values(`Số: 17B52/QĐ-SLĐTBXH\n${cited}`).documentNumber).toBeUndefined();
    });

    it('gives an issuing body its marks back from the known headings', () => {
      const text =
        'ỦY BAN NHÂN DAN CONG HOA XA HOI CHU NGHIA VIET NAM\nTINH ĐỒNG THAP Độc lập - Tự do - Hạnh phúc\nSố: 5/QĐ-UBND\n';
      expect(values(text).issuingAgency).toBe('ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP');
      const district = 'UBND HUYỆN PHONG ĐIỀN\nPHÒNG LAO ĐỘNG - THƯƠNG BÌNH\nVÀXÃHỘI\nSố: 9/XN-PLĐTBXH\n';
      expect(values(district).issuingAgency).toBe('PHÒNG LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI');
    });

    it('finds the issuing body beside a misread motto, and its second line after a stray mark', () => {
      const motto =
        'UBND TỈNH LONG AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPHÒNG NỘI VỤ Độc 1ập - Tự do - Hạnh phúc\nSố: 7/QĐ-PNV\n';
      expect(values(motto).issuingAgency).toBe('PHÒNG NỘI VỤ');
      const stray = 'ỦY BAN NHÂN DÂN\n"TỈNH KIÊN GIANG\nSố: 5/QĐ-UBND\n';
      expect(values(stray).issuingAgency).toBe('ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG');
    });

    it("takes the header's number, not one a sentence cites, and reads a fraction slash as a slash", () => {
      const cited = 'Căn cứ Luật số 41/2024/QH15 ngày 29 tháng 6 năm 2024;\nSố: 57⁄/QĐ-UBND\n';
      expect(byField(suggestFields(cited)).documentNumber).toMatchObject({
        value: '57/QĐ-UBND',
        confidence: 'high',
      });
      // Only a cited number on the page: offered, not as sure.
      const onlyCited = 'Căn cứ Luật số 41/2024/QH15 ngày 29 tháng 6 năm 2024;\n';
      expect(byField(suggestFields(onlyCited)).documentNumber).toMatchObject({
        value: '41/2024/QH15',
        confidence: 'medium',
      });
    });

    it('reads a heading whose dash OCR made a tilde or a rule, and doubts a parent over an unread body', () => {
      const tilde =
        'UBND TỈNH HẬU GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ LAO ĐỘNG -~ THƯƠNG BINH Độc lập - Tự do - Hạnh phúc\nVÀ XÃ HỘI\n';
      expect(values(tilde).issuingAgency).toBe('SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI');
      const rule =
        'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HẬU GIANG __ Độc lập - Tự do - Hạnh phúc\n';
      expect(values(rule).issuingAgency).toBe('ỦY BAN NHÂN DÂN TỈNH HẬU GIANG');
      // The body under the UBND read past knowing ("SỞ" and a heading no rule takes): the
      // UBND is offered, but not as sure.
      const unread = 'UBND TỈNH HẬU GIANG\nSỞ LAO ĐỘNG * THƯƠNG BINH ** VÀ XÃ HỘI 2\nSố: 8/QĐ-SLĐTBXH\n';
      expect(byField(suggestFields(unread)).issuingAgency).toMatchObject({
        value: 'UBND TỈNH HẬU GIANG',
        confidence: 'medium',
      });
    });

    it('reads an O OCR took for a zero in a name, and doubts a name its line goes on past', () => {
      expect(byField(suggestFields('Tên người lao động: Lê Thị 0anh\n')).ownerName).toMatchObject({
        value: 'Lê Thị Oanh',
        confidence: 'high',
      });
      // "7uấn" is no word: the name may go on past what could be read of it.
      expect(byField(suggestFields('Họ và tên: Đỗ Minh 7uấn\n')).ownerName).toMatchObject({
        value: 'Đỗ Minh',
        confidence: 'medium',
      });
    });

    it('puts back the marks OCR changed in a given name, as a guess the clerk checks', () => {
      // "Vần" is no name: the name nearest in marks is Vân (its tone), not Văn (mark and tone).
      expect(byField(suggestFields('Họ và tên: Lê Thị Kim Vần\n')).ownerName).toMatchObject({
        value: 'Lê Thị Kim Vân',
        confidence: 'medium',
      });
      expect(values('GIÁM ĐỐC\n\nHồ Hoảng Nam\n').signerName).toBe('Hồ Hoàng Nam');
      expect(values('Cấp cho: ĐẶNG VẦN HẢI\n').ownerName).toBe('ĐẶNG VÂN HẢI');
      // A name already, its tone on the other vowel, stays as written, and sure.
      expect(byField(suggestFields('Họ và tên: Lê Thị Hoà\n')).ownerName).toMatchObject({
        value: 'Lê Thị Hoà',
        confidence: 'high',
      });
      // As near Thanh as Thành and Thạnh: left as read rather than guessed.
      expect(values('Họ và tên: Mai Văn Thánh\n').ownerName).toBe('Mai Văn Thánh');
    });

    it("finds the signer under marks the pen's strokes left on the name's line", () => {
      const text =
        'Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n~\\_ Đoàn Minh Khôi ,\n';
      const signer = byField(suggestFields(text)).signerName;
      expect(signer).toMatchObject({ value: 'Đoàn Minh Khôi', confidence: 'medium' });
      expect(text.slice(signer!.span.start, signer!.span.end)).toBe('Đoàn Minh Khôi');
      // A line of the recipients is no signer, marks or not.
      expect(values('GIÁM ĐỐC\n- Như Điều 3;\n').signerName).toBeUndefined();
    });

    it('knows a heading with a letter or two misread, unless another known one is as near', () => {
      const slipped = 'SỞ LAO ĐỘNG - THƯƠNG BlNH\nVÀ XÃ HÔl\nSố: 12/QĐ-SLĐTBXH\n';
      expect(values(slipped).issuingAgency).toBe('SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI');
      expect(values('ỦY BAN NHÂN DÂN\nTỈNH HÀ NAN\nSố: 3/QĐ-UBND\n').issuingAgency).toBe(
        'ỦY BAN NHÂN DÂN TỈNH HÀ NAM',
      );
      // As near Hà Nam as Hà Nội: left as read rather than guessed.
      expect(values('ỦY BAN NHÂN DÂN\nTỈNH HÀ NAI\nSố: 3/QĐ-UBND\n').issuingAgency).toBe(
        'ỦY BAN NHÂN DÂN TỈNH HÀ NAI',
      );
      // A short heading has no letter to spare: "SỞ NỘT VỤ" is no known body.
      expect(values('SỞ NỘT VỤ\nSố: 4/QĐ-SNV\n').issuingAgency).toBe('SỞ NỘT VỤ');
    });

    it('suggests no owner on a page that lists several people', () => {
      const text =
        'Họ và tên: Vũ Văn Tài\nSTT Họ và tên Số định danh cá nhân\n1 Vũ Văn Tài 086079187540\n' +
        '2 Lê Thị Hoa 092193163562\n3 Mai Văn Lộc 089087119523\n';
      const found = values(text);
      expect(found.ownerName).toBeUndefined();
      expect(found.ownerIdNumber).toBeUndefined();
    });

    it('offers a value read from a word OCR was unsure of as medium, never high', () => {
      const text = 'Số: 946/QĐ-SLĐTBXH\nHọ và tên: Lương Thị Mến\n';
      const words = (numberConfidence: number) => [
        { start: 0, end: 3, confidence: 96 },
        { start: 4, end: 18, confidence: numberConfidence },
        { start: 30, end: 44, confidence: 95 },
      ];
      const sure = byField(suggestFields(text, [], { words: words(96) }));
      expect(sure.documentNumber).toMatchObject({ value: '946/QĐ-SLĐTBXH', confidence: 'high' });
      const unsure = byField(suggestFields(text, [], { words: words(71) }));
      expect(unsure.documentNumber).toMatchObject({ value: '946/QĐ-SLĐTBXH', confidence: 'medium' });
      expect(unsure.ownerName).toMatchObject({ confidence: 'high' });
    });

    it('reads dates whose year OCR spaced out or whose "tháng" lost its vowel, never changing a digit', () => {
      expect(values('Ngày, tháng, năm sinh: 15/04/1 976\n').ownerBirthDate).toBe('1976-04-15');
      expect(values('Huế, ngày 25 thúng 11 năm 2022\n').issueDate).toBe('2022-11-25');
      expect(values('Sinh ngày: 15/04/1 97\n').ownerBirthDate).toBeUndefined();
    });
  });
});
