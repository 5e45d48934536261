import { describe, expect, it } from 'vitest';
import type { PageCode } from '../../../src-shared/capture/sheet-code';
import {
  DEFAULT_DOSSIER_CODE_PATTERN,
  findDossierCode,
  isDossierCode,
} from '../../../src-shared/domain/dossier-code';
import { codeSuggestions } from '../../../src-shared/indexing/code-suggestions';
import { suggestFields } from '../../../src-shared/indexing/field-suggestions';
import { stationSettingsSchema } from '../../../src-shared/domain/settings';

const box = { x: 0.08, y: 0.8, width: 0.1, height: 0.07 };

describe('one-stop dossier codes', () => {
  it('match the configured format whole, and are found inside a longer text', () => {
    expect(isDossierCode('000.00.12.H20-241105-0042', DEFAULT_DOSSIER_CODE_PATTERN)).toBe(true);
    expect(isDossierCode('000.00.12.H20-241105-00421', DEFAULT_DOSSIER_CODE_PATTERN)).toBe(false);
    const link = 'https://dichvucong.dongthap.gov.vn/tra-cuu?ma=000.00.12.H20-241105-0042&x=1';
    expect(findDossierCode(link, DEFAULT_DOSSIER_CODE_PATTERN)).toEqual({
      value: '000.00.12.H20-241105-0042',
      start: link.indexOf('000.'),
    });
  });

  it('are a setting the admin may change, refused when not a regular expression', () => {
    expect(stationSettingsSchema.safeParse({ dossierCodePattern: 'H\\d{2}-(' }).success).toBe(false);
    expect(stationSettingsSchema.parse({ dossierCodePattern: 'H\\d{2}-\\d{4}' }).dossierCodePattern).toBe(
      'H\\d{2}-\\d{4}',
    );
  });

  it('are suggested from a page’s barcodes, pointing at the code on the page', () => {
    const codes: PageCode[] = [
      { format: 'QRCode', text: 'SOHOA1:N', box },
      { format: 'Code128', text: '000.00.12.H20-241105-0042', box },
    ];
    expect(codeSuggestions(codes, DEFAULT_DOSSIER_CODE_PATTERN)).toEqual([
      {
        field: 'dossierCode',
        value: '000.00.12.H20-241105-0042',
        span: { start: 0, end: 0 },
        confidence: 'high',
        region: box,
      },
    ]);
    expect(
      codeSuggestions([{ format: 'QRCode', text: 'https://example.vn', box }], DEFAULT_DOSSIER_CODE_PATTERN),
    ).toEqual([]);
  });

  it('are suggested from the text after their label, with its span', () => {
    const text = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ\nMã hồ sơ: 000.00.12.H20-241105-0042\n';
    const [found] = suggestFields(text).filter((suggestion) => suggestion.field === 'dossierCode');
    expect(found).toMatchObject({ value: '000.00.12.H20-241105-0042', confidence: 'high' });
    expect(text.slice(found!.span.start, found!.span.end)).toBe('000.00.12.H20-241105-0042');
    // Not a code after another label, nor a number that only looks like one.
    expect(
      suggestFields('Số: 000.00.12.H20-241105-0042\n').some((each) => each.field === 'dossierCode'),
    ).toBe(false);
  });
});
