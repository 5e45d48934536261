/** Viet Nam's time: UTC+7 all year (no daylight saving). */
export const VIETNAM_OFFSET_MS = 7 * 3600_000;

/**
 * The calendar day (yyyy-mm-dd) a moment falls on in Viet Nam: what "today" means for
 * validity, "date in the future" checks, quality flags and reports. UTC would put the
 * first seven hours of every Vietnamese day on the day before.
 */
export const vietnamDay = (epochMs: number = Date.now()): string =>
  new Date(epochMs + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
