import { describe, expect, it } from 'vitest';
import { LAYOUTS, setPage } from '../../../bench/corpus/corpus-layouts';
import { truthText } from '../../../bench/corpus/typeset';

/** Digits and letters only: how a value is looked for in the page's text. */
const squeezed = (text: string) =>
  text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLocaleUpperCase('vi');
const dmyOf = (iso: string) => iso.split('-').reverse().join('/');

describe('the OCR evaluation corpus', () => {
  it('has 25 layouts whose every page carries the fields its ground truth names', () => {
    expect(new Set(LAYOUTS.map((layout) => layout.id)).size).toBe(25);
    for (const layout of LAYOUTS) {
      for (const seed of [1, 2, 3]) {
        const { set, fields } = setPage(layout, seed);
        const text = squeezed(truthText(set));
        for (const field of [
          'documentNumber',
          'ownerName',
          'ownerIdNumber',
          'ownerTaxCode',
          'signerName',
        ] as const) {
          const value = fields[field];
          if (value) expect(text, `${layout.id} ${field}`).toContain(squeezed(value));
        }
        for (const field of ['ownerBirthDate', 'expiryDate'] as const) {
          const value = fields[field];
          if (value) expect(text, `${layout.id} ${field}`).toContain(squeezed(dmyOf(value)));
        }
        expect(fields.resultType, layout.id).toMatch(/^(decision|licence|certificate|confirmation)$/);
      }
    }
  });

  it('gives the same page for the same seed and another for another seed', () => {
    const layout = LAYOUTS[0]!;
    expect(truthText(setPage(layout, 5).set)).toBe(truthText(setPage(layout, 5).set));
    expect(truthText(setPage(layout, 5).set)).not.toBe(truthText(setPage(layout, 6).set));
  });
});
