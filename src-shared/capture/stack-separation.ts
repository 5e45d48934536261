import type { SheetMark } from './sheet-code';

/**
 * How a stack is cut into records, page by page: at a cover or separator sheet (left out,
 * its back too in duplex) and, where the profile says so, at a blank front. The state is
 * kept between pages (in IndexedDB for the app, in memory for the CLI), so a reload resumes
 * the cut where it was. Pure: the app's capture drain and `sohoa import` both use it.
 */
export interface SeparationPolicy {
  /** A blank page is a separator sheet the clerk put between documents. */
  separateOnBlank: boolean;
  /**
   * Pages come front, back, front…: a sheet's back goes with it, and only a blank front
   * separates (every blank back of a one-sided page would split a record otherwise).
   */
  duplex?: boolean;
}

export interface SeparationState {
  /** A separator was seen: the next page starts a new record (none for a trailing separator). */
  separatorSeen?: boolean;
  /** The reference of the cover sheet seen: the next record takes its prepared fields. */
  cover?: string;
  /** The next page is the back of the sheet just left out. */
  dropBack?: boolean;
  /** Pages of the run seen so far, kept or not (a front is odd in duplex). */
  pagesSeen?: number;
}

/** Whether `page` is left out as a sheet (or a sheet's back), and the state after it. */
export function separationStep<S extends SeparationState & SeparationPolicy>(
  state: S,
  page: { blank: boolean; sheet: SheetMark | null },
): { skip: boolean; state: S } {
  const position = (state.pagesSeen ?? 0) + 1;
  const front = !state.duplex || position % 2 === 1;
  const seen: S = { ...state, pagesSeen: position, dropBack: false };
  if (state.dropBack) return { skip: true, state: seen };
  const blankSeparator = state.separateOnBlank && page.blank && front;
  if (!page.sheet && !blankSeparator) return { skip: false, state: seen };
  return {
    skip: true,
    state: {
      ...seen,
      separatorSeen: true,
      cover: page.sheet?.kind === 'cover' ? page.sheet.reference : undefined,
      dropBack: Boolean(state.duplex) && front,
    },
  };
}
