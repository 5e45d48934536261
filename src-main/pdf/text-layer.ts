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
import { GLYPHLESS_ASCENT as ASCENT, GLYPHLESS_DESCENT as DESCENT, type OcrFont } from './glyphless-font';
import { normaliseTurn, turnedSize, turnPoint, type QuarterTurn, type Size } from './page-geometry';

/**
 * Sizes and stretches to a hundredth, places to a tenth of a point (0.035 mm): finer digits
 * in the layer's numbers only make every file larger.
 */
const number = (value: number) => Number(value.toFixed(2));
const place = (value: number) => Number(value.toFixed(1));

type Box = OcrLayout['words'][number]['bbox'];

/**
 * The words in reading order, grouped into lines: a word belongs to the line before it when
 * it starts to the right of that line's last word and its middle lies within the line's
 * height. Words of one line then share one baseline and one size, as on the paper (and the
 * repeated numbers compress: the layer is a tenth smaller).
 */
function linesOf(words: readonly { box: Box; text: string }[]) {
  const lines: { top: number; bottom: number; words: { box: Box; text: string }[] }[] = [];
  for (const word of words) {
    const line = lines.at(-1);
    const middle = (word.box.y0 + word.box.y1) / 2;
    if (line && word.box.x0 >= line.words.at(-1)!.box.x1 - 1 && middle > line.top && middle < line.bottom) {
      line.words.push(word);
      line.top = Math.min(line.top, word.box.y0);
      line.bottom = Math.max(line.bottom, word.box.y1);
    } else lines.push({ top: word.box.y0, bottom: word.box.y1, words: [word] });
  }
  return lines;
}

/**
 * The invisible text layer of a page (text render mode 3): each OCR word placed over its
 * box on its line's baseline and stretched to the box's width, so that search, selection
 * and `pdftotext` find the words where the image shows them. OCR boxes are in the upright
 * image OCR read; the page shows the stored image turned by `pageTurn`, so boxes are turned
 * by the difference.
 */
export function textLayerOperators(input: {
  ocr: OcrLayout;
  pageTurn: QuarterTurn;
  /** The page in points, as shown. */
  page: Size;
  /** The embedded OCR font, named `fontName` in the page's resources. */
  font: OcrFont;
  fontName: PDFName;
}): PDFOperator[] {
  const { ocr, page, fontName, font } = input;
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
  const words = ocr.words
    .map((word) => ({ box: word.bbox, text: font.printable(word.text).trim() }))
    .filter(({ box, text }) => text && box.x1 > box.x0 && box.y1 > box.y0);
  for (const line of linesOf(words)) {
    const size = number(((line.bottom - line.top) * scale) / (ASCENT + DESCENT));
    const baseline = line.bottom - DESCENT * (size / scale);
    for (const { box, text } of line.words) {
      const origin = toPage(box.x0, baseline);
      const end = toPage(box.x1, baseline);
      const length = Math.hypot(end.x - origin.x, end.y - origin.y);
      const [dx, dy] = [(end.x - origin.x) / length, (end.y - origin.y) / length];
      const stretch = length / font.widthAt(text, size);
      const [along, across] = [size * stretch, size];
      operators.push(
        setTextMatrix(
          number(dx * along),
          number(dy * along),
          number(-dy * across),
          number(dx * across),
          place(origin.x),
          place(origin.y),
        ),
        showText(font.encode(text)),
      );
    }
  }
  operators.push(endText(), popGraphicsState());
  return operators;
}
