import {
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  setFillingRgbColor,
  showText,
  stroke,
  moveText,
  type PDFDocument,
  type PDFRef,
} from 'pdf-lib';
import { embedTextFont } from '../pdf/text-font';

export const STAMP_SIZE = { width: 230, height: 66 };
const MARGIN = 24;
const FONT_SIZE = 8.5;

/**
 * The visible part of a signature: a framed box, bottom right of the page, saying who
 * signed for which agency and when. Drawn with the shipped Vietnamese font, embedded
 * (PDF/A), as the signature widget's normal appearance.
 */
export async function stampAppearance(
  doc: PDFDocument,
  lines: readonly string[],
): Promise<{ appearance: PDFRef; width: number; height: number }> {
  const { font, printable } = await embedTextFont(doc);
  const { width, height } = STAMP_SIZE;
  const operators = [
    pushGraphicsState(),
    setStrokingRgbColor(0.75, 0.1, 0.1),
    setLineWidth(1),
    rectangle(0.5, 0.5, width - 1, height - 1),
    stroke(),
    setFillingRgbColor(0.75, 0.1, 0.1),
    beginText(),
    setFontAndSize('F1', FONT_SIZE),
    moveText(6, height - 6 - FONT_SIZE),
  ];
  for (const [index, line] of lines.entries()) {
    let text = printable(line);
    while (text.length > 1 && font.widthOfTextAtSize(text, FONT_SIZE) > width - 12) text = text.slice(0, -1);
    if (index > 0) operators.push(moveText(0, -(FONT_SIZE + 3)));
    operators.push(showText(font.encodeText(text)));
  }
  operators.push(endText(), popGraphicsState());
  const stream = doc.context.formXObject(operators, {
    BBox: [0, 0, width, height],
    Resources: { Font: { F1: font.ref } },
  });
  await doc.flush();
  return { appearance: doc.context.register(stream), width, height };
}

/** Where the stamp goes: bottom right of the page, inside the margins. */
export const stampRect = (pageWidth: number) => [
  pageWidth - MARGIN - STAMP_SIZE.width,
  MARGIN,
  pageWidth - MARGIN,
  MARGIN + STAMP_SIZE.height,
];

const VIETNAM_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** What the stamp says: who signed, for which agency, when (Viet Nam time). */
export function stampLines(
  signer: { name: string; organization: string },
  agencyName: string,
  at: Date,
): string[] {
  return [
    `Ký bởi: ${signer.name}`,
    `Cơ quan: ${agencyName || signer.organization}`,
    `Thời gian ký: ${VIETNAM_TIME.format(at)} (GMT+7)`,
    'Tệp đã được ký số; kiểm tra chữ ký để xác thực.',
  ];
}
