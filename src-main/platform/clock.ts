/** Milliseconds since the epoch; injected so that lockout and idle timeouts are testable. */
export type Clock = () => number;
export const systemClock: Clock = () => Date.now();
