import { describe, expect, it } from 'vitest';
import { looksEnglish } from '../../../src-shared/ocr/page-language';

const VIETNAMESE =
  'Điều 1. Cấp giấy phép lao động cho ông JOHN SMITH, quốc tịch Anh, hộ chiếu số C4827193, ' +
  'làm việc tại Công ty TNHH Kỹ thuật Miền Tây với vị trí chuyên gia. Điều 2. Thời hạn của ' +
  'giấy phép lao động là hai năm kể từ ngày ký. Điều 3. Chánh Văn phòng, Trưởng phòng Việc làm ' +
  'và người có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.';
const ENGLISH =
  'We hereby confirm that the holder of this letter has worked for our company as a site ' +
  'manager since 2019. He is responsible for the safety of the works and for the training of ' +
  'new staff, and he has always carried out his duties with care. This letter is issued at ' +
  'his request for the purpose of his application for a work permit in Viet Nam.';

describe('whether a page read in Vietnamese is English', () => {
  it('knows English prose, and a Vietnamese page that quotes English names', () => {
    expect(looksEnglish(ENGLISH)).toBe(true);
    expect(looksEnglish(VIETNAMESE)).toBe(false);
  });

  it('calls no page English on a few words, nor on Vietnamese read without its marks', () => {
    expect(looksEnglish('This is to certify that')).toBe(false);
    const unmarked = VIETNAMESE.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd');
    expect(looksEnglish(unmarked)).toBe(false);
  });
});
