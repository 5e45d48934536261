import { describe, expect, it } from 'vitest';
import { documentOfPage, documentStarts, opensDocument } from '../../../src-shared/indexing/document-starts';

const DECISION_PAGE_1 = `UBND HUYỆN THÁP MƯỜI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHÒNG LAO ĐỘNG Độc lập - Tự do - Hạnh phúc
Số: 77/QĐ-UBND Tháp Mười, ngày 12 tháng 6 năm 2023
QUYẾT ĐỊNH
Về việc hỗ trợ chi phí học nghề
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Điều 1. Hỗ trợ chi phí học nghề cho bà Võ Thị Kim Yến`;

const DECISION_PAGE_2 = `Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành.
Nơi nhận: CHỦ TỊCH
- Như Điều 3;
- Lưu: VT.
Phan Văn Thắng`;

const ANNEX = `PHỤ LỤC
DANH SÁCH NGƯỜI ĐƯỢC HỖ TRỢ
(Kèm theo Quyết định số 77/QĐ-UBND ngày 12 tháng 6 năm 2023 của UBND huyện Tháp Mười)
STT Họ và tên Năm sinh Mức hỗ trợ
1 Võ Thị Kim Yến 1990 2.000.000`;

// Marks lost and dashes misread, as OCR does to a header in a light font.
const CERTIFICATE_WORN = `SO GIAO DUC VA DAO TAO CONG HOA XA HOI CHU NGHIA VIET NAM
Doc lap — Tu do ~ Hanh phuc
GIAY CHUNG NHAN
Số: 15/GCN-SGDĐT`;

// The motto missed altogether; the title and its number still head the page.
const LICENCE_NO_MOTTO = `SỞ CÔNG THƯƠNG TỈNH ĐỒNG THÁP
Số: 204/GP-SCT
GIẤY PHÉP
BÁN LẺ SẢN PHẨM RƯỢU`;

describe('where a record holds a further document', () => {
  it('a page headed by the national motto opens one, even with its marks lost', () => {
    expect(opensDocument(DECISION_PAGE_1)).toBe(true);
    expect(opensDocument(CERTIFICATE_WORN)).toBe(true);
  });

  it('a title in capitals with its number opens one without the motto', () => {
    expect(opensDocument(LICENCE_NO_MOTTO)).toBe(true);
  });

  it("a document's next page and its annex open none", () => {
    expect(opensDocument(DECISION_PAGE_2)).toBe(false);
    expect(opensDocument(ANNEX)).toBe(false);
    // "Quyết định này …" opening a sentence, with a number cited, is no title.
    expect(opensDocument('Quyết định này thay thế Quyết định số 12/QĐ-UBND.\nSố: 3/TB')).toBe(false);
  });

  it('the motto counts only in the head of the page', () => {
    const quoted = `${'Điều khoản thi hành. '.repeat(40)}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`;
    expect(opensDocument(quoted)).toBe(false);
  });

  it('lists the pages after the first that open a document, and which document each page is in', () => {
    const texts = [DECISION_PAGE_1, DECISION_PAGE_2, ANNEX, LICENCE_NO_MOTTO, undefined, CERTIFICATE_WORN];
    const starts = documentStarts(texts);
    expect(starts).toEqual([3, 5]);
    expect([0, 1, 2, 3, 4, 5].map((page) => documentOfPage(starts, page))).toEqual([0, 0, 0, 1, 1, 2]);
    // The first page is the record's own document, whatever heads it.
    expect(documentStarts([CERTIFICATE_WORN])).toEqual([]);
  });
});
