import { describe, expect, it } from 'vitest';
import type { SheetMark } from '../../../src-shared/capture/sheet-code';
import {
  separationStep,
  type SeparationPolicy,
  type SeparationState,
} from '../../../src-shared/capture/stack-separation';

type Page = { blank: boolean; sheet: SheetMark | null };
const DOC: Page = { blank: false, sheet: null };
const BLANK: Page = { blank: true, sheet: null };
const SEPARATOR: Page = { blank: false, sheet: { kind: 'separator', by: 'qr' } };
const cover = (reference: string): Page => ({ blank: false, sheet: { kind: 'cover', reference } });

/** The stack as records: each kept page's index, grouped where a new record starts, with its cover. */
function cut(pages: Page[], policy: SeparationPolicy) {
  let state: SeparationState & SeparationPolicy = { ...policy };
  const records: { cover?: string; pages: number[] }[] = [];
  pages.forEach((page, index) => {
    const step = separationStep(state, page);
    state = step.state;
    if (step.skip) return;
    if (records.length === 0 || state.separatorSeen) {
      // An empty record (sheets at the start, two in a row) is reused, as the drain does.
      if (records.length === 0 || records.at(-1)!.pages.length > 0) records.push({ pages: [] });
      if (state.cover) records.at(-1)!.cover = state.cover;
      state = { ...state, separatorSeen: false, cover: undefined };
    }
    records.at(-1)!.pages.push(index + 1);
  });
  return records;
}

describe('cutting a stack into records', () => {
  it('starts a record at each sheet, leaves sheets out, and ignores a trailing one', () => {
    expect(
      cut([cover('A'), DOC, DOC, SEPARATOR, DOC, cover('B'), DOC, BLANK, SEPARATOR], {
        separateOnBlank: false,
      }),
    ).toEqual([{ cover: 'A', pages: [2, 3] }, { pages: [5] }, { cover: 'B', pages: [7, 8] }]);
  });

  it('one-sided, a blank page separates when the profile says so; two in a row make no empty record', () => {
    expect(cut([DOC, BLANK, BLANK, DOC, DOC], { separateOnBlank: true })).toEqual([
      { pages: [1] },
      { pages: [4, 5] },
    ]);
  });

  it('in duplex, a sheet’s back goes with it and a blank back never splits', () => {
    expect(
      cut([cover('A'), BLANK, DOC, BLANK, DOC, DOC, SEPARATOR, DOC, DOC, BLANK, BLANK, BLANK, DOC, BLANK], {
        separateOnBlank: true,
        duplex: true,
      }),
    ).toEqual([{ cover: 'A', pages: [3, 4, 5, 6] }, { pages: [9, 10] }, { pages: [13, 14] }]);
  });

  it('a cover read on a back still starts the next record, and its own back is not dropped', () => {
    expect(cut([DOC, cover('C'), DOC, DOC], { separateOnBlank: false, duplex: true })).toEqual([
      { pages: [1] },
      { cover: 'C', pages: [3, 4] },
    ]);
  });
});
