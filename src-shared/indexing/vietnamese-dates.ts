/** A calendar date as `yyyy-mm-dd`, or null when the parts do not make a real date. */
export function isoDate(day: number, month: number, year: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `yyyy-mm-dd` → `dd/mm/yyyy`, as dates are shown (DOMAIN.md). */
export const displayDate = (iso: string) => iso.split('-').reverse().join('/');

/** `dd/mm/yyyy` (or `d-m-yyyy`, `dd.mm.yyyy`) → `yyyy-mm-dd`, or null. */
export function parseDisplayDate(text: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  return match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}
