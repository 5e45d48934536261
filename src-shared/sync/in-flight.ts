/**
 * Records a station sends to Central at once. One at a time leaves Central waiting on each
 * request's round trips and flushes; three overlap one record's waits with another's work
 * (bench/central, 2 cores: 40 MB/s with one, 58 with two, 78–84 with three, no more with four
 * or six). Central takes them in any order (a correction may overtake its original).
 */
export const RECORDS_IN_FLIGHT = 3;

/**
 * Runs `work` over `items` in their order, at most `limit` at once; once `stopped()` says so, no
 * further item is started (those under way finish).
 */
export async function eachInFlight<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
  stopped: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length && !stopped()) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
