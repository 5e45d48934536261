import type { SheetMark } from './sheet-code';

/**
 * How a stack is cut into records, page by page: at a cover or separator sheet (left out,
 * its back too in duplex) and, where the profile says so, at a blank front. The state is
 * kept between pages (in IndexedDB for the app, in memory for the CLI), so a reload resumes
 * the cut where it was. Pure: the app's capture drain and the CLI both use it.
 */
export interface SeparationPolicy {
  /** A blank page is a separator sheet the clerk put between documents. */
  separateOnBlank: boolean;
  /**
   * Pages come front, back, front…: a sheet's back goes with it, and only a blank front
   * separates (every blank back of a one-sided page would split a record otherwise).
   */
  duplex?: boolean;
  /** Cover and separator sheets are kept, as the first page of the record they start. */
  keepSheets?: boolean;
}

export interface SeparationState {
  /** A separator was seen: the next page kept starts a new record (none for a trailing separator). */
  separatorSeen?: boolean;
  /** The reference of the cover sheet seen: the next record takes its prepared fields. */
  cover?: string;
  /** The run sequence of the back of the sheet just left out: it goes with its sheet (if it is a back). */
  dropSequence?: number;
}

/** What separation needs of a page. */
export interface SeparationPage {
  /** Its place in the run (1-based): a page handed out again keeps it. */
  sequence: number;
  /** Which side of its sheet, when the device says; else, in duplex, odd places are fronts. */
  side?: 'front' | 'back';
  blank: boolean;
  sheet: SheetMark | null;
}

const isFront = (policy: SeparationPolicy, page: SeparationPage) =>
  !policy.duplex || (page.side ? page.side === 'front' : page.sequence % 2 === 1);

/**
 * Whether `page` is left out as a sheet (or a sheet's back), and the state after it. The
 * answer depends only on the state and the page, and the state after a page repeats it when
 * the same page comes again (a reload hands out the page it had not confirmed), so a page
 * is never cut twice.
 */
export function separationStep<S extends SeparationState & SeparationPolicy>(
  state: S,
  page: SeparationPage,
): { skip: boolean; state: S } {
  const front = isFront(state, page);
  if (page.sequence === state.dropSequence && !front) {
    // A back goes with its sheet; a cover printed on it (a sheet put in face down) still counts.
    const cover = page.sheet?.kind === 'cover' ? page.sheet.reference : state.cover;
    return { skip: true, state: { ...state, ...(cover ? { cover } : {}) } };
  }
  const blankSeparator = state.separateOnBlank && page.blank && front;
  if (!page.sheet && !blankSeparator) return { skip: false, state };
  const cover = page.sheet?.kind === 'cover' ? page.sheet.reference : undefined;
  // A kept sheet is the new record's first page: it starts the record now, its back stays in it.
  const kept = Boolean(state.keepSheets && page.sheet);
  return {
    skip: !kept,
    state: {
      ...state,
      separatorSeen: true,
      cover,
      dropSequence: state.duplex && front && !kept ? page.sequence + 1 : undefined,
    },
  };
}
