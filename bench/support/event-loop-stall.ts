/**
 * The longest time the event loop could not run a timer, in ms, while `stop` was not yet
 * called: a 5 ms timer that fires late by N ms means the loop was held N ms (IPC requests,
 * the scanner's pages and the screen's calls wait that long).
 */
export function watchEventLoopStalls(everyMs = 5): { stop: () => number } {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - everyMs);
    last = now;
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(0, worst);
    },
  };
}
