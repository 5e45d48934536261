import { describe, expect, it } from 'vitest';
import {
  checkCharacter,
  checkCode,
  codeScope,
  DEFAULT_CODE_TEMPLATE,
  hasValidCheckCharacter,
  parseCodeTemplate,
  renderCode,
  type CodeContext,
} from '../../../src-shared/domain/record-code';

const context = (overrides: Partial<CodeContext> = {}): CodeContext => ({
  agency: '000.00.12.H20',
  dept: 'VLATLD',
  procedure: '1.000459',
  station: '001',
  date: new Date(2026, 10, 24),
  ...overrides,
});
const { tokens } = parseCodeTemplate(DEFAULT_CODE_TEMPLATE);
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

describe('record codes', () => {
  it('renders the default template: agency, year, station, six-digit sequence, check character', () => {
    const code = renderCode(tokens, context(), 42);
    expect(code).toMatch(/^000\.00\.12\.H20\.2026\.001000042[0-9A-Z]$/);
    expect(checkCode(tokens, code)).toEqual({ ok: true });
    expect(checkCode(tokens, code.toLowerCase())).toEqual({ ok: true });
    expect(checkCode(tokens, '000.00.12.H20.2026.00100004')).toEqual({ ok: false, problem: 'format' });
  });

  it('computes ISO 7064 MOD 37,36 check characters', () => {
    // The standard's worked value for this hybrid system: "A12425GABC1234002M".
    expect(checkCharacter('A12425GABC1234002')).toBe('M');
    expect(hasValidCheckCharacter('A12425GABC1234002M')).toBe(true);
  });

  it('catches every one-character typo and every swap of two neighbours', () => {
    const code = renderCode(tokens, context(), 123_456);
    const characters = [...code];
    let typos = 0;
    let swaps = 0;
    characters.forEach((original, index) => {
      if (!ALPHANUMERIC.includes(original)) return;
      for (const replacement of ALPHANUMERIC) {
        if (replacement === original) continue;
        const typo = [...characters];
        typo[index] = replacement;
        expect(checkCode(tokens, typo.join('')).ok, typo.join('')).toBe(false);
        typos += 1;
      }
      // The neighbour across a separator counts too: separators are not checked.
      const next = characters.findIndex((c, j) => j > index && ALPHANUMERIC.includes(c));
      if (next > 0 && characters[next] !== original) {
        const swapped = [...characters];
        [swapped[index], swapped[next]] = [swapped[next]!, swapped[index]!];
        expect(hasValidCheckCharacter(swapped.join('')), swapped.join('')).toBe(false);
        swaps += 1;
      }
    });
    expect(typos).toBeGreaterThan(800);
    expect(swaps).toBeGreaterThan(5);
  });

  it('never gives two stations issuing offline the same code', () => {
    const issued = new Set<string>();
    for (const station of ['001', '002']) {
      for (let sequence = 1; sequence <= 2000; sequence += 1) {
        issued.add(renderCode(tokens, context({ station }), sequence));
      }
    }
    expect(issued.size).toBe(4000);
  });

  it('counts each year on its own when the year is in the code', () => {
    const lastYear = codeScope(tokens, context({ date: new Date(2025, 11, 31) }));
    const thisYear = codeScope(tokens, context());
    expect(lastYear).not.toBe(thisYear);
    expect(renderCode(tokens, context({ date: new Date(2025, 11, 31) }), 1)).not.toBe(
      renderCode(tokens, context(), 1),
    );
  });

  it('refuses a sequence the template cannot hold', () => {
    expect(() => renderCode(tokens, context(), 1_000_000)).toThrow(RangeError);
    expect(() => renderCode(tokens, context(), 0)).toThrow(RangeError);
  });

  it('checks templates: station and one sequence required, check last, no ambiguous joins', () => {
    expect(parseCodeTemplate(DEFAULT_CODE_TEMPLATE).problems).toEqual([]);
    expect(parseCodeTemplate('{dept}-{yy}{mm}-{station}{seq:5}{check}').problems).toEqual([]);
    expect(parseCodeTemplate('{agency}.{seq:6}').problems).toEqual(['noStation']);
    expect(parseCodeTemplate('{station}{check}').problems).toEqual(['noSequence']);
    expect(parseCodeTemplate('{station}{seq:4}{seq:4}').problems).toEqual(['twoSequences']);
    expect(parseCodeTemplate('{check}{station}{seq:4}').problems).toEqual(['checkNotLast']);
    expect(parseCodeTemplate('{dept}{station}{seq:4}').problems).toEqual(['ambiguous']);
    expect(parseCodeTemplate('{station}{seq:4}{year}').problems).toEqual(['unknownToken']);
  });
});
