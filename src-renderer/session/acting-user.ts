/** Who acts at this window, for what the renderer records in their name (audit entries, batches). */
export interface ActingUser {
  userId: string;
  displayName: string;
  /** The station number from settings. */
  station: string;
}

const NOBODY: ActingUser = { userId: '', displayName: '', station: '' };
let acting = NOBODY;

export const actingUser = (): ActingUser => acting;

/** Set by the session when someone signs in (or a reload finds them signed in); cleared when they leave. */
export const setActingUser = (user: ActingUser | null): void => {
  acting = user ?? NOBODY;
};
