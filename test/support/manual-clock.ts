/** A clock the test moves by hand: lockouts and idle timeouts without waiting. */
export function manualClock(start = Date.UTC(2026, 10, 24, 8, 0, 0)) {
  let now = start;
  const clock = () => now;
  clock.advanceMinutes = (minutes: number) => {
    now += minutes * 60_000;
  };
  return clock;
}
