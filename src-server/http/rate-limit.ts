/**
 * At most `limit` calls per key in any `windowMs` (a sliding log of call times, at most
 * `limit` of them per key). In memory: each Central process counts its own calls, so behind
 * a load balancer of N processes a station gets up to N times the limit.
 */
export function createRateLimit(options: { limit: number; windowMs: number; clock: () => Date }) {
  const calls = new Map<string, number[]>();
  return {
    /** Counts a call; null when it may go, else the seconds to wait. */
    take(key: string): number | null {
      const now = options.clock().getTime();
      const recent = (calls.get(key) ?? []).filter((at) => at > now - options.windowMs);
      if (recent.length >= options.limit) {
        calls.set(key, recent);
        return Math.max(1, Math.ceil((recent[0]! + options.windowMs - now) / 1000));
      }
      recent.push(now);
      calls.set(key, recent);
      return null;
    },
  };
}
