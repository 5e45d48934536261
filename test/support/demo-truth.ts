/**
 * The text a demo page really carries, from its SVG: every <text> line in reading order
 * (top to bottom, then left to right, as OCR reads a two-column header), entities decoded.
 */
export function groundTruthOf(svg: string): string {
  const lines = [...svg.matchAll(/<text\b([^>]*)>([\s\S]*?)<\/text>/g)].map(([, attributes, body]) => ({
    x: Number(/\bx="([\d.]+)"/.exec(attributes!)?.[1] ?? 0),
    y: Number(/\by="([\d.]+)"/.exec(attributes!)?.[1] ?? 0),
    text: body!
      .replace(/<[^>]+>/g, '')
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
      .replace(/&amp;/g, '&'),
  }));
  return lines
    .sort((a, b) => Math.round(a.y) - Math.round(b.y) || a.x - b.x)
    .map((line) => line.text)
    .join('\n');
}

/** Levenshtein distance, two rows at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Character error rate of `recognised` against `truth`, whitespace ignored (line breaks and
 * column joins are layout, not characters) and both in NFC.
 */
export function characterErrorRate(recognised: string, truth: string): number {
  const squeeze = (text: string) => text.normalize('NFC').replace(/\s+/g, '');
  const expected = squeeze(truth);
  return editDistance(squeeze(recognised), expected) / Math.max(1, expected.length);
}
