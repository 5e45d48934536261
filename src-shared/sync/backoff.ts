/** Retry delays after a failed sync attempt (issue 7): exponential, capped, with jitter. */
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 10 * 60_000;

/**
 * The wait before attempt `attempts + 1`: base × 2^attempts, at most the cap, scaled by a
 * random factor in [0.5, 1.5) so that stations coming back online together do not all
 * knock at the same moment.
 */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const exponential = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts));
  return Math.round(exponential * (0.5 + random()));
}
