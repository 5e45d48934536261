import { deflateSync } from 'node:zlib';
import { PDFHexString, PDFString, type PDFDocument, type PDFRef } from 'pdf-lib';

/**
 * The font of the invisible OCR layer: a TrueType program with one empty glyph that every
 * character code maps to, as Tesseract's and ocrmypdf's text layers do. Nothing of it is
 * ever drawn (text render mode 3), so real outlines would only weigh down every file (a
 * Liberation Serif subset cost 16 KB a record); what readers need is the Unicode of each
 * code (ToUnicode) and widths the words can be stretched over. It is embedded, as PDF/A
 * requires, and covers every character OCR reads, so none is dropped.
 */

const FONT_NAME = 'SoHoaGlyphless';
const UNITS_PER_EM = 1000;
/** Every character is this wide (em fraction); a word is stretched to its OCR box anyway. */
const ADVANCE = 0.5;
/** Ascent and descent (em fractions), Times-like: a word's box spans both. */
export const GLYPHLESS_ASCENT = 0.891;
export const GLYPHLESS_DESCENT = 0.216;

const u16 = (...values: number[]) => {
  const buffer = Buffer.alloc(values.length * 2);
  values.forEach((value, index) => buffer.writeUInt16BE(value & 0xffff, index * 2));
  return buffer;
};
const u32 = (...values: number[]) => {
  const buffer = Buffer.alloc(values.length * 4);
  values.forEach((value, index) => buffer.writeUInt32BE(value >>> 0, index * 4));
  return buffer;
};
const padded = (table: Buffer) => Buffer.concat([table, Buffer.alloc((4 - (table.length % 4)) % 4)]);
const checksum = (table: Buffer) => {
  const words = padded(table);
  let sum = 0;
  for (let offset = 0; offset < words.length; offset += 4) sum = (sum + words.readUInt32BE(offset)) >>> 0;
  return sum;
};

/** The sfnt tables of a two-glyph font (.notdef and the one empty glyph), both without outlines. */
function fontTables(): Record<string, Buffer> {
  const ascent = Math.round(GLYPHLESS_ASCENT * UNITS_PER_EM);
  const descent = Math.round(GLYPHLESS_DESCENT * UNITS_PER_EM);
  const advance = Math.round(ADVANCE * UNITS_PER_EM);
  const nameStrings = [FONT_NAME, 'Regular', FONT_NAME, FONT_NAME].map((text) =>
    Buffer.from(text, 'utf16le').swap16(),
  );
  let stringOffset = 0;
  const nameRecords = nameStrings.map((text, index) => {
    const record = u16(3, 1, 0x409, [1, 2, 4, 6][index]!, text.length, stringOffset);
    stringOffset += text.length;
    return record;
  });
  return {
    // head: version, revision, checkSumAdjustment (set later), magic, flags, unitsPerEm,
    // created and modified (0: 1904), bounding box, style, smallest size, direction, short loca.
    head: Buffer.concat([
      u32(0x00010000, 0x00010000, 0, 0x5f0f3cf5),
      u16(0x000b, UNITS_PER_EM),
      u32(0, 0, 0, 0),
      u16(0, -descent, advance, ascent, 0, 8, 2, 0, 0),
    ]),
    hhea: Buffer.concat([
      u32(0x00010000),
      u16(ascent, -descent, 0, advance, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2),
    ]),
    maxp: Buffer.concat([u32(0x00010000), u16(2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0)]),
    hmtx: u16(advance, 0, advance, 0),
    // Both glyphs empty: their loca offsets are equal.
    loca: u16(0, 0, 0),
    glyf: Buffer.alloc(0),
    // A Windows Unicode cmap with no mapping (format 4, the closing segment only): the PDF
    // maps codes to the glyph through CIDToGIDMap, the cmap is there for strict font loaders.
    cmap: Buffer.concat([u16(0, 1, 3, 1), u32(12), u16(4, 24, 0, 2, 2, 0, 0, 0xffff, 0, 0xffff, 1, 0)]),
    name: Buffer.concat([
      u16(0, nameRecords.length, 6 + nameRecords.length * 12),
      ...nameRecords,
      ...nameStrings,
    ]),
    post: Buffer.concat([u32(0x00030000, 0), u16(-100, 50), u32(0, 0, 0, 0, 0)]),
  };
}

let program: Buffer | undefined;

/** The TrueType program, built once: offset table, table directory sorted by tag, tables. */
export function glyphlessFontProgram(): Buffer {
  if (program) return program;
  const tables = Object.entries(fontTables()).sort(([a], [b]) => (a < b ? -1 : 1));
  const count = tables.length;
  const power = 2 ** Math.floor(Math.log2(count));
  const header = Buffer.concat([
    u32(0x00010000),
    u16(count, power * 16, Math.log2(power), count * 16 - power * 16),
  ]);
  let offset = header.length + count * 16;
  const directory: Buffer[] = [];
  for (const [tag, table] of tables) {
    directory.push(Buffer.concat([Buffer.from(tag, 'latin1'), u32(checksum(table), offset, table.length)]));
    offset += padded(table).length;
  }
  const font = Buffer.concat([header, ...directory, ...tables.map(([, table]) => padded(table))]);
  // head.checkSumAdjustment makes the whole font sum to 0xB1B0AFBA.
  const headOffset = directory.find((entry) => entry.toString('latin1', 0, 4) === 'head')!.readUInt32BE(8);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, headOffset + 8);
  program = font;
  return font;
}

/** A CMap section holds at most 100 entries. */
const bfranges = (lines: string[]): string[] =>
  lines.length === 0
    ? []
    : [
        `${Math.min(lines.length, 100)} beginbfrange\n${lines.slice(0, 100).join('\n')}\nendbfrange`,
        ...bfranges(lines.slice(100)),
      ];

/**
 * Codes are the characters' UTF-16 units, so each maps to itself: one range per 256-code
 * block the document's text uses (Vietnamese needs four or five), as a range must not cross
 * a block.
 */
function toUnicodeCMap(text: string): string {
  const blocks = [...new Set([...text].map((c) => c.charCodeAt(0) >> 8))].sort((a, b) => a - b);
  const lines = blocks.map((block) => {
    const hex = block.toString(16).toUpperCase().padStart(2, '0');
    return `<${hex}00> <${hex}FF> <${hex}00>`;
  });
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
${bfranges(lines).join('\n')}
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;
}

/** One UTF-16 unit each, no control character, no lone surrogate: what the font can carry. */
export const glyphlessPrintable = (text: string): string =>
  [...text.normalize('NFC')]
    .filter(
      (c) =>
        c.length === 1 && c >= ' ' && !(c >= '\u007f' && c < '\u00a0') && !(c >= '\ud800' && c <= '\udfff'),
    )
    .join('');

export interface OcrFont {
  ref: PDFRef;
  /** The characters this font can carry: NFC, the basic plane, no control characters. */
  printable: (text: string) => string;
  encode: (text: string) => PDFHexString;
  /** The width of `text` at `size` points. */
  widthAt: (text: string, size: number) => number;
}

/**
 * Embeds the glyphless font in `doc` as a Type 0 font (Identity-H, every code to glyph 1),
 * able to show the characters of `text` (all the document will show with it).
 */
export function embedGlyphlessFont(doc: PDFDocument, text: string): OcrFont {
  const { context } = doc;
  const program = glyphlessFontProgram();
  const fontFile = context.register(context.flateStream(program, { Length1: program.length }));
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: FONT_NAME,
      Flags: 4,
      FontBBox: [
        0,
        -GLYPHLESS_DESCENT * UNITS_PER_EM,
        ADVANCE * UNITS_PER_EM,
        GLYPHLESS_ASCENT * UNITS_PER_EM,
      ],
      ItalicAngle: 0,
      Ascent: GLYPHLESS_ASCENT * UNITS_PER_EM,
      Descent: -GLYPHLESS_DESCENT * UNITS_PER_EM,
      CapHeight: 700,
      StemV: 80,
      FontFile2: fontFile,
    }),
  );
  // Every CID (a UTF-16 unit) shows glyph 1: 65536 big-endian 0x0001, deflated to a few hundred bytes.
  const cidToGid = context.register(
    context.stream(deflateSync(Buffer.alloc(65536 * 2, Buffer.from([0, 1]))), { Filter: 'FlateDecode' }),
  );
  const descendant = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: FONT_NAME,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      DW: ADVANCE * UNITS_PER_EM,
      CIDToGIDMap: cidToGid,
    }),
  );
  const toUnicode = context.register(context.flateStream(toUnicodeCMap(glyphlessPrintable(text))));
  const ref = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: FONT_NAME,
      Encoding: 'Identity-H',
      DescendantFonts: [descendant],
      ToUnicode: toUnicode,
    }),
  );
  return {
    ref,
    printable: glyphlessPrintable,
    encode: (text) => PDFHexString.of(Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()),
    widthAt: (text, size) => text.length * ADVANCE * size,
  };
}
