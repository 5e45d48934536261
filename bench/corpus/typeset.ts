/**
 * A page set in type as an A4 SVG in millimetres: lines placed by a cursor, paragraphs
 * wrapped to the text block, labelled lines, tables. What the corpus's layouts are written in.
 */
export interface SetLine {
  text: string;
  x: number;
  y: number;
  size: number;
  bold?: boolean;
  italic?: boolean;
  anchor?: 'start' | 'middle' | 'end';
}

/** Extra marks on the page that are not text: rules, a seal, a signature, table borders. */
export type Mark = string;

const LEFT = 25;
const RIGHT = 190;
/** An average glyph's width as a share of the font size, for wrapping (serif, Vietnamese). */
const GLYPH = 0.47;

export class Typesetter {
  readonly lines: SetLine[] = [];
  readonly marks: Mark[] = [];
  y = 20;

  constructor(
    readonly font: string,
    readonly size: number,
    readonly monospace = false,
  ) {}

  private width(text: string, size: number) {
    return text.length * size * (this.monospace ? 0.6 : GLYPH);
  }

  line(
    text: string,
    options: Omit<SetLine, 'text' | 'y' | 'x' | 'size'> & { x?: number; size?: number; gap?: number } = {},
  ) {
    const size = options.size ?? this.size;
    const x = options.x ?? (options.anchor === 'middle' ? 105 : LEFT);
    this.lines.push({ ...options, text, x, y: this.y, size });
    this.y += options.gap ?? size * 1.55;
  }

  /** Two texts on one line: a header's columns, a number beside the place and date. */
  pair(
    left: string,
    right: string,
    options: { boldLeft?: boolean; boldRight?: boolean; italicRight?: boolean; size?: number } = {},
  ) {
    const size = options.size ?? this.size * 0.95;
    if (left)
      this.lines.push({ text: left, x: 55, y: this.y, size, anchor: 'middle', bold: options.boldLeft });
    if (right)
      this.lines.push({
        text: right,
        x: 143,
        y: this.y,
        size,
        anchor: 'middle',
        bold: options.boldRight,
        italic: options.italicRight,
      });
    this.y += size * 1.45;
  }

  /** A paragraph wrapped to the text block, its first line indented. */
  paragraph(text: string, options: { indent?: number; bold?: boolean; italic?: boolean } = {}) {
    const words = text.split(' ');
    let line = '';
    let first = true;
    const flush = () => {
      const x = LEFT + (first ? (options.indent ?? 10) : 0);
      this.lines.push({
        text: line,
        x,
        y: this.y,
        size: this.size,
        bold: options.bold,
        italic: options.italic,
      });
      this.y += this.size * 1.6;
      first = false;
      line = '';
    };
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      const room = RIGHT - LEFT - (first ? (options.indent ?? 10) : 0);
      if (line && this.width(candidate, this.size) > room) flush();
      line = line ? `${line} ${word}` : word;
    }
    if (line) flush();
  }

  /** A table with borders: a header row and rows, columns at the given x positions (mm). */
  table(columns: number[], header: string[], rows: string[][]) {
    const size = this.size * 0.9;
    const height = size * 2;
    const top = this.y - size * 1.2;
    const all = [header, ...rows];
    all.forEach((row, index) => {
      row.forEach((cell, column) =>
        this.lines.push({ text: cell, x: columns[column]! + 1.5, y: this.y, size, bold: index === 0 }),
      );
      this.y += height;
    });
    const bottom = top + height * all.length;
    const edges = [...columns, RIGHT];
    for (const x of edges)
      this.marks.push(
        `<line x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="#222" stroke-width="0.25"/>`,
      );
    for (let i = 0; i <= all.length; i++) {
      const y = top + height * i;
      this.marks.push(
        `<line x1="${columns[0]}" y1="${y}" x2="${RIGHT}" y2="${y}" stroke="#222" stroke-width="0.25"/>`,
      );
    }
    this.y += size * 0.6;
  }

  rule(x1: number, x2: number, y = this.y - this.size * 1.1) {
    this.marks.push(`<line x1="${x1}" y1="${y}" x2="${x2}" y2="${y}" stroke="#111" stroke-width="0.3"/>`);
  }

  space(mm: number) {
    this.y += mm;
  }
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page as SVG: A4 at its true size (points), drawn in millimetres. */
export function pageSvg(set: Typesetter, paper: string, overlays: string[] = []): string {
  const text = set.lines
    .map(
      (line) =>
        `<text x="${line.x.toFixed(2)}" y="${line.y.toFixed(2)}" font-size="${line.size}"` +
        (line.bold ? ' font-weight="bold"' : '') +
        (line.italic ? ' font-style="italic"' : '') +
        (line.anchor && line.anchor !== 'start' ? ` text-anchor="${line.anchor}"` : '') +
        `>${escapeXml(line.text)}</text>`,
    )
    .join('\n');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="595.28" height="841.89" viewBox="0 0 210 297">` +
    `<rect width="210" height="297" fill="${paper}"/>` +
    `<g font-family="${set.font}" fill="#151515">${text}</g>${set.marks.join('')}${overlays.join('')}</svg>`
  );
}

/** The text a page carries, in reading order: top to bottom, then left to right. */
export const truthText = (set: Typesetter) =>
  [...set.lines]
    .sort((a, b) => Math.round(a.y * 2) - Math.round(b.y * 2) || a.x - b.x)
    .map((line) => line.text)
    .join('\n');
