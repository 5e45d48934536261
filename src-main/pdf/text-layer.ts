import {
  beginText,
  endText,
  PDFOperator,
  PDFOperatorNames,
  PDFNumber,
  popGraphicsState,
  pushGraphicsState,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
  type PDFName,
} from 'pdf-lib';
import type { OcrLayout } from '../../src-shared/ocr/ocr-page';
import type { TextFont } from './text-font';
import { normaliseTurn, turnedSize, turnPoint, type QuarterTurn, type Size } from './page-geometry';

/** Liberation Serif's ascent and descent (em fractions): a word's box spans both. */
const ASCENT = 0.891;
const DESCENT = 0.216;

const setHorizontalScaling = (percent: number) =>
  PDFOperator.of(PDFOperatorNames.SetTextHorizontalScaling, [PDFNumber.of(percent)]);

const round = (value: number) => Math.round(value * 1000) / 1000;

/** The word without characters the font has no glyph for (PDF/A forbids showing .notdef). */

/**
 * The invisible text layer of a page (text render mode 3): each OCR word placed over its
 * box and stretched to the box's width, so that search, selection and `pdftotext` find the
 * words where the image shows them. OCR boxes are in the upright image OCR read; the page
 * shows the stored image turned by `pageTurn`, so boxes are turned by the difference.
 */
export function textLayerOperators(input: {
  ocr: OcrLayout;
  pageTurn: QuarterTurn;
  /** The page in points, as shown. */
  page: Size;
  /** The embedded font, named `fontName` in the page's resources. */
  text: TextFont;
  fontName: PDFName;
}): PDFOperator[] {
  const { ocr, page, fontName } = input;
  const { font, printable } = input.text;
  const turn = normaliseTurn(input.pageTurn - ocr.orientation);
  const ocrSize = { width: ocr.widthPx, height: ocr.heightPx };
  const shown = turnedSize(ocrSize, turn);
  const scale = page.width / shown.width;
  // OCR pixels (y down) → page points (y up).
  const toPage = (x: number, y: number) => {
    const turned = turnPoint({ x, y }, ocrSize, turn);
    return { x: turned.x * scale, y: page.height - turned.y * scale };
  };
  const operators: PDFOperator[] = [
    pushGraphicsState(),
    beginText(),
    setTextRenderingMode(TextRenderingMode.Invisible),
  ];
  for (const word of ocr.words) {
    const text = printable(word.text).trim();
    const { x0, y0, x1, y1 } = word.bbox;
    if (!text || x1 <= x0 || y1 <= y0) continue;
    const size = ((y1 - y0) * scale) / (ASCENT + DESCENT);
    const origin = toPage(x0, y1 - DESCENT * (size / scale));
    const end = toPage(x1, y1 - DESCENT * (size / scale));
    const length = Math.hypot(end.x - origin.x, end.y - origin.y);
    const [dx, dy] = [(end.x - origin.x) / length, (end.y - origin.y) / length];
    const natural = font.widthOfTextAtSize(text, size);
    operators.push(
      setFontAndSize(fontName, round(size)),
      setHorizontalScaling(round((100 * length) / natural)),
      setTextMatrix(round(dx), round(dy), round(-dy), round(dx), round(origin.x), round(origin.y)),
      showText(font.encodeText(text)),
    );
  }
  operators.push(endText(), popGraphicsState());
  return operators;
}
