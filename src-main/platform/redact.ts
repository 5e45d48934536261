/**
 * What the station's logs must never hold: a citizen's ID number or name. Logs are for the
 * IT admin, read on any PC and sent with bug reports, so personal data is cut out before a
 * line is written: values under keys that name a person or their ID, and anything shaped like
 * a personal ID number (9 or 12 digits: CMND, CCCD) or a tax code (10 digits, or 10-3), in any
 * string. Record codes, counts and technical detail stay readable.
 */
const PERSONAL_KEY = /(name|owner|idnumber|taxcode|birth|address|signer)/i;
// Digits standing alone: an ID number (9 or 12), a tax code (10, or 10-3). Longer runs (hashes, times) are left.
const PERSONAL_NUMBER = /(?<![\d.])(\d{12}|\d{10}-\d{3}|\d{10}|\d{9})(?![\d.])/g;
const HIDDEN = '[ẩn]';

const redactText = (text: string) => text.replace(PERSONAL_NUMBER, HIDDEN);

export function redactPersonalData(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (Array.isArray(value)) return value.map((item) => redactPersonalData(item, depth + 1));
  if (value instanceof Error) return redactText(value.stack ?? value.message);
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      PERSONAL_KEY.test(key) && item !== null && item !== undefined
        ? HIDDEN
        : redactPersonalData(item, depth + 1),
    ]),
  );
}
