import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { PreparedRecord } from '../../src-shared/capture/prepared-record';
import { coverSheetText, SEPARATOR_SHEET_TEXT } from '../../src-shared/capture/sheet-code';
import { displayDate } from '../../src-shared/indexing/vietnamese-dates';
import { PATCH_T_MM } from '../imaging/patch-code';
import { embedTextFont } from '../pdf/text-font';

/** A sheet to print: a cover for a prepared record, or a generic separator. */
export type PrintedSheet =
  { kind: 'cover'; record: PreparedRecord; procedureName?: string } | { kind: 'separator' };

const A4 = { width: 595.28, height: 841.89 };
const MM = 72 / 25.4;
const MARGIN = 18 * MM;
/** 40 mm: 1.6 mm modules for a cover's code, read at 100 dpi, skewed or faxed. */
const QR_SIZE = 40 * MM;
const BLACK = rgb(0, 0, 0);

const LABELS = {
  cover: 'TỜ BÌA HỒ SƠ',
  separator: 'TỜ PHÂN CÁCH – BẮT ĐẦU HỒ SƠ MỚI',
  reference: 'Mã tờ bìa',
  box: 'Hộp lưu trữ',
  shelf: 'Giá/kệ',
  archiveReference: 'Số lưu trữ',
  ownerName: 'Người được cấp',
  ownerIdNumber: 'Số định danh / hộ chiếu',
  ownerTaxCode: 'Mã số thuế',
  documentNumber: 'Số văn bản',
  issueDate: 'Ngày ban hành',
  procedureCode: 'Thủ tục',
  coverHint:
    'Đặt tờ này lên trên hồ sơ rồi quét cả tập. Trạm đọc mã QR để bắt đầu hồ sơ mới với các thông tin trên; tờ bìa không được lưu vào hồ sơ.',
  separatorHint:
    'Đặt tờ này giữa hai hồ sơ. Trạm đọc mã QR hoặc mẫu vạch patch T để bắt đầu hồ sơ mới; tờ phân cách không được lưu vào hồ sơ.',
  privacy: 'Mã QR chỉ chứa mã tờ bìa, không chứa thông tin cá nhân.',
} as const;

/** The QR code's modules as black squares, `size` points wide, its top-left at (x, top). */
function drawQr(page: PDFPage, text: string, x: number, top: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'Q' });
  const count = qr.modules.size;
  const module = size / count;
  for (let row = 0; row < count; row += 1) {
    // One rectangle per run of dark modules: fewer operators, no hairline gaps.
    for (let column = 0; column < count;) {
      if (!qr.modules.get(row, column)) {
        column += 1;
        continue;
      }
      let end = column;
      while (end < count && qr.modules.get(row, end)) end += 1;
      page.drawRectangle({
        x: x + column * module,
        y: A4.height - top - (row + 1) * module,
        width: (end - column) * module,
        height: module,
        color: BLACK,
      });
      column = end;
    }
  }
}

/** Kodak's patch T across the page: bars narrow, wide, narrow, wide (2.03 and 5.08 mm), 2.03 mm apart. */
function drawPatchT(page: PDFPage, top: number) {
  let y = A4.height - top;
  PATCH_T_MM.forEach((width, index) => {
    const height = width * MM;
    if (index % 2 === 0) {
      page.drawRectangle({ x: MARGIN + 20 * MM, y: y - height, width: 120 * MM, height, color: BLACK });
    }
    y -= height;
  });
}

/** Text wrapped to `width`, line by line down from `top`; returns the next line's top. */
function paragraph(
  page: PDFPage,
  font: PDFFont,
  text: string,
  at: { top: number; size: number; width: number; x?: number },
): number {
  const { size, width, x = MARGIN } = at;
  const words = text.split(' ');
  let line = '';
  let y = at.top;
  const flush = () => {
    page.drawText(line, { x, y: A4.height - y - size, size, font, color: BLACK });
    y += size * 1.35;
    line = '';
  };
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      flush();
      line = word;
    } else line = next;
  }
  if (line) flush();
  return y;
}

/** 7K3M9QX2PA as "7K3M9 QX2PA": two groups of five to read out or type. */
const grouped = (reference: string) => `${reference.slice(0, 5)} ${reference.slice(5)}`;

/**
 * Cover and separator sheets on A4, one a page, to print single-sided (a duplex scan drops
 * a sheet's back with it): the QR code at the top right, the sheet's text for the clerk.
 */
export async function sheetsPdf(
  sheets: readonly PrintedSheet[],
  header: { agencyName: string; stationName?: string },
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Tờ bìa và tờ phân cách hồ sơ');
  doc.setAuthor(header.agencyName);
  const { font, printable } = await embedTextFont(doc);
  const textWidth = A4.width - 2 * MARGIN;
  for (const sheet of sheets) {
    const page = doc.addPage([A4.width, A4.height]);
    const text = (value: string, top: number, size: number, x = MARGIN) =>
      page.drawText(printable(value), { x, y: A4.height - top - size, size, font, color: BLACK });
    text(header.agencyName, MARGIN, 11);
    if (header.stationName) text(header.stationName, MARGIN + 15, 11);
    const qrTop = MARGIN;
    const qrLeft = A4.width - MARGIN - QR_SIZE;
    if (sheet.kind === 'separator') {
      drawQr(page, SEPARATOR_SHEET_TEXT, qrLeft, qrTop, QR_SIZE);
      text(LABELS.separator, qrTop + QR_SIZE + 20 * MM, 20);
      drawPatchT(page, qrTop + QR_SIZE + 45 * MM);
      paragraph(page, font, printable(LABELS.separatorHint), {
        top: qrTop + QR_SIZE + 90 * MM,
        size: 12,
        width: textWidth,
      });
      continue;
    }
    const { record, procedureName } = sheet;
    drawQr(page, coverSheetText(record.reference), qrLeft, qrTop, QR_SIZE);
    text(LABELS.cover, MARGIN + 45, 22);
    text(`${LABELS.reference}: ${grouped(record.reference)}`, MARGIN + 80, 14);
    const { fields } = record;
    const rows: [string, string | undefined][] = [
      [LABELS.box, fields.box],
      [LABELS.shelf, fields.shelf],
      [LABELS.archiveReference, fields.archiveReference],
      [LABELS.ownerName, fields.ownerName],
      [LABELS.ownerIdNumber, fields.ownerIdNumber],
      [LABELS.ownerTaxCode, fields.ownerTaxCode],
      [LABELS.documentNumber, fields.documentNumber],
      [LABELS.issueDate, fields.issueDate ? displayDate(fields.issueDate) : undefined],
      [LABELS.procedureCode, [fields.procedureCode, procedureName].filter(Boolean).join(' – ') || undefined],
    ];
    let top = qrTop + QR_SIZE + 12 * MM;
    for (const [label, value] of rows) {
      if (!value) continue;
      text(`${label}:`, top, 13);
      const valueX = MARGIN + 55 * MM;
      top =
        paragraph(page, font, printable(value), {
          top,
          size: 13,
          width: A4.width - MARGIN - valueX,
          x: valueX,
        }) + 4;
    }
    paragraph(page, font, printable(LABELS.coverHint), {
      top: A4.height - MARGIN - 60,
      size: 11,
      width: textWidth,
    });
    text(LABELS.privacy, A4.height - MARGIN - 14, 9);
  }
  return doc.save();
}
