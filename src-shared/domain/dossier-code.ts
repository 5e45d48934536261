/**
 * The one-stop system's dossier code (mã hồ sơ), printed on its receipts and on recent
 * results, often as a QR or Code 128: `<agency identifier>-<yymmdd>-<4-digit serial>`
 * (DOMAIN.md). The format is not confirmed from the circular's text, so it is a setting:
 * a regular expression the admin may change.
 */
export const DEFAULT_DOSSIER_CODE_PATTERN = String.raw`\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}`;

/** The pattern as a regular expression, or null when the admin's text is not one. */
export function dossierCodeRegExp(pattern: string, flags = ''): RegExp | null {
  try {
    return new RegExp(pattern, flags);
  } catch {
    return null;
  }
}

/** Whether `value` is a whole dossier code. */
export function isDossierCode(value: string, pattern: string): boolean {
  const regExp = dossierCodeRegExp(`^(?:${pattern})$`);
  return regExp !== null && regExp.test(value);
}

/** The first dossier code inside `text` (a QR code may carry a link that names it), with where it is. */
export function findDossierCode(text: string, pattern: string): { value: string; start: number } | null {
  const regExp = dossierCodeRegExp(pattern);
  const match = regExp?.exec(text);
  return match && match[0] ? { value: match[0], start: match.index } : null;
}
