import { describe, expect, it } from 'vitest';
import type { SheetMark } from '../../../src-shared/capture/sheet-code';
import {
  separationStep,
  type SeparationPolicy,
  type SeparationState,
} from '../../../src-shared/capture/stack-separation';

type Page = { blank: boolean; sheet: SheetMark | null; side?: 'front' | 'back' };
const DOC: Page = { blank: false, sheet: null };
const BLANK: Page = { blank: true, sheet: null };
const SEPARATOR: Page = { blank: false, sheet: { kind: 'separator', by: 'qr' } };
const cover = (reference: string): Page => ({ blank: false, sheet: { kind: 'cover', reference } });

/** The stack as records: each kept page's index, grouped where a new record starts, with its cover. */
function cut(pages: Page[], policy: SeparationPolicy) {
  let state: SeparationState & SeparationPolicy = { ...policy };
  const records: { cover?: string; pages: number[] }[] = [];
  pages.forEach((page, index) => {
    const step = separationStep(state, { ...page, sequence: index + 1 });
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

describe('a page handed out again, and sheets kept', () => {
  /** Each page decided twice in a row (a reload before its confirmation): the cut must not change. */
  function cutTwice(pages: Page[], policy: SeparationPolicy) {
    let state: SeparationState & SeparationPolicy = { ...policy };
    const decisions: boolean[] = [];
    pages.forEach((page, index) => {
      const first = separationStep(state, { ...page, sequence: index + 1 });
      const again = separationStep(first.state, { ...page, sequence: index + 1 });
      expect(again).toEqual(first);
      decisions.push(first.skip);
      state = first.state;
      if (!first.skip) state = { ...state, separatorSeen: false, cover: undefined };
    });
    return decisions;
  }

  it('decides a page the same way however often it comes, in duplex too', () => {
    expect(
      cutTwice([cover('A'), BLANK, DOC, BLANK, SEPARATOR, DOC, DOC, BLANK], {
        separateOnBlank: true,
        duplex: true,
      }),
    ).toEqual([true, true, false, false, true, true, false, false]);
  });

  it('takes a cover printed on a back that goes with its sheet (a sheet put in face down)', () => {
    expect(cut([DOC, BLANK, BLANK, cover('D'), DOC, BLANK], { separateOnBlank: true, duplex: true })).toEqual(
      [{ pages: [1, 2] }, { cover: 'D', pages: [5, 6] }],
    );
  });

  it('follows the side the device names rather than the page’s place (a scan resumed on a back)', () => {
    const back = (page: Page): Page => ({ ...page, side: 'back' });
    const front = (page: Page): Page => ({ ...page, side: 'front' });
    // The run starts on the back of a sheet: its blank back does not separate, the next front does.
    expect(
      cut([back(BLANK), front(SEPARATOR), back(DOC), front(DOC), back(BLANK)], {
        separateOnBlank: true,
        duplex: true,
      }),
    ).toEqual([{ pages: [1] }, { pages: [4, 5] }]);
  });

  it('with sheets kept, a sheet is the first page of the record it starts, its back kept too', () => {
    expect(
      cut([cover('A'), BLANK, DOC, BLANK, SEPARATOR, BLANK, DOC, BLANK], {
        separateOnBlank: false,
        duplex: true,
        keepSheets: true,
      }),
    ).toEqual([{ cover: 'A', pages: [1, 2, 3, 4] }, { pages: [5, 6, 7, 8] }]);
  });
});

describe('a run resumed after a sheet', () => {
  it('drops the sheet’s back when the next run starts on it, and keeps a front', () => {
    const carried = { separateOnBlank: false, duplex: true, separatorSeen: true, dropSequence: 1 };
    const onBack = separationStep(carried, { sequence: 1, side: 'back', blank: true, sheet: null });
    expect(onBack.skip).toBe(true);
    const onFront = separationStep(carried, { sequence: 1, side: 'front', blank: false, sheet: null });
    expect(onFront.skip).toBe(false);
    // Without the device naming sides, a run's first page is a front.
    expect(separationStep(carried, { sequence: 1, blank: true, sheet: null }).skip).toBe(false);
  });
});
