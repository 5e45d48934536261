/**
 * Text as XML element content or attribute value: what the record file's XMP writes, and
 * what SoHoa Central looks for when it checks that a file carries its record's code.
 */
export const escapeXml = (value: string): string =>
  value.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
