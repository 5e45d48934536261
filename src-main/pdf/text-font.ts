import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { readAsset } from '../../src-node/platform/asset-path';

/** Liberation Serif 2: covers Vietnamese, and is metric-compatible with the Times New Roman of the documents. */
const FONT_FILE = 'pdf/LiberationSerif-Regular.ttf';

export interface TextFont {
  font: PDFFont;
  /** The text without characters the font has no glyph for: PDF/A forbids showing `.notdef`. */
  printable: (text: string) => string;
}

/** The shipped font, embedded as a subset in `doc`, for the OCR text layer and the signature stamp. */
export async function embedTextFont(doc: PDFDocument): Promise<TextFont> {
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await readAsset(FONT_FILE), { subset: true });
  const glyphs = new Set(font.getCharacterSet());
  return {
    font,
    printable: (text) => [...text.normalize('NFC')].filter((c) => glyphs.has(c.codePointAt(0)!)).join(''),
  };
}
