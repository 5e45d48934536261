import {
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
  type PDFName,
  type PDFOperator,
} from 'pdf-lib';
import type { OcrLayout } from '../../src-shared/ocr/ocr-page';
import type { TextFont } from './text-font';
import { normaliseTurn, turnedSize, turnPoint, type QuarterTurn, type Size } from './page-geometry';

/** Liberation Serif's ascent and descent (em fractions): a word's box spans both. */
const ASCENT = 0.891;
const DESCENT = 0.216;

/** A hundredth of a point: finer digits in the layer's numbers only make every file larger. */
const number = (value: number) => Number(value.toFixed(2));

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
  // Size 1 once; each word's size, stretch and direction go in its text matrix, one
  // operator per word instead of three.
  const operators: PDFOperator[] = [
    pushGraphicsState(),
    beginText(),
    setTextRenderingMode(TextRenderingMode.Invisible),
    setFontAndSize(fontName, 1),
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
    const stretch = length / font.widthOfTextAtSize(text, size);
    const [along, across] = [size * stretch, size];
    operators.push(
      setTextMatrix(
        number(dx * along),
        number(dy * along),
        number(-dy * across),
        number(dx * across),
        number(origin.x),
        number(origin.y),
      ),
      showText(font.encodeText(text)),
    );
  }
  operators.push(endText(), popGraphicsState());
  return operators;
}
