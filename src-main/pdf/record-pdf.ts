import { randomUUID } from 'node:crypto';
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import { documentTitle, type RecordDocumentMeta } from '../../src-shared/domain/record-document';
import { AppError } from '../../src-shared/errors/app-error';
import { APP_NAME, APP_VERSION } from '../platform/app-version';
import { readAsset } from '../../src-node/platform/asset-path';
import { imageMatrix, POINTS_PER_INCH, turnedSize, type QuarterTurn } from './page-geometry';
import { declarePdfA } from './pdfa';
import { embedScanImage, type EmbeddedScan } from './scan-image';
import { embedGlyphlessFont, type OcrFont } from './glyphless-font';
import type { OcrLayout } from '../../src-shared/ocr/ocr-page';
import { textLayerOperators } from './text-layer';
import { cleanUpPage, type PdfCleanUp } from './page-clean-up';

export interface RecordPdfPage {
  image: Uint8Array;
  mimeType: 'image/jpeg' | 'image/png';
  /** The scan's resolution: the page is printed at its true physical size. */
  dpi: number;
  /** Clockwise turn the clerk gave the page; the stored image is never re-encoded for it. */
  rotation: QuarterTurn;
  ocr?: OcrLayout;
}

/** The sRGB profile of the PDF/A OutputIntent. */
const ICC_FILE = 'pdf/sRGB.icc';

/** The page cleaned up if asked, and its image embedded. */
async function embedPage(
  doc: PDFDocument,
  page: RecordPdfPage,
  index: number,
  cleanUp: PdfCleanUp | undefined,
): Promise<{ page: RecordPdfPage; image: EmbeddedScan }> {
  try {
    const shown = cleanUp ? await cleanUpPage(page, cleanUp) : page;
    return { page: shown, image: await embedScanImage(doc, shown.image, shown.mimeType) };
  } catch (error) {
    throw new AppError('pdf.pageUnreadable', { params: { page: index + 1 }, detail: String(error) });
  }
}

function addPage(doc: PDFDocument, image: EmbeddedScan, input: RecordPdfPage, font: OcrFont) {
  const inches = (px: number) => (px / input.dpi) * POINTS_PER_INCH;
  const stored = { width: inches(image.width), height: inches(image.height) };
  const shown = turnedSize(stored, input.rotation);
  const page = doc.addPage([shown.width, shown.height]);
  const imageName = page.node.newXObject('Scan', image.ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(...imageMatrix(stored, input.rotation)),
    drawObject(imageName),
    popGraphicsState(),
  );
  if (input.ocr && input.ocr.words.length > 0) {
    const fontName = page.node.newFontDictionary('Ocr', font.ref);
    page.pushOperators(
      ...textLayerOperators({
        ocr: input.ocr,
        pageTurn: input.rotation,
        page: shown,
        font,
        fontName,
      }),
    );
  }
}

/** The record's fields as they go into XMP (sohoa namespace): plain text, dates as yyyy-mm-dd. */
function recordProperties(meta: RecordDocumentMeta): Record<string, string> {
  const properties: Record<string, string> = { recordCode: meta.code };
  for (const [name, value] of Object.entries(meta.fields)) {
    if (value !== undefined && value !== '') properties[name] = String(value);
  }
  if (meta.procedureName) properties.procedureName = meta.procedureName;
  if (meta.supersedes) properties.supersedes = meta.supersedes;
  return properties;
}

export interface RecordPdfOptions {
  documentId?: string;
  now?: Date;
  /** The pages cleaned up as OCR reads them (the administrator's choice); else as scanned. */
  cleanUp?: PdfCleanUp;
}

/**
 * One record as one PDF/A-2b file: every page at its physical size with its scan image,
 * an invisible Vietnamese text layer from OCR, and the record's code and fields in the
 * document info and XMP. Unsigned; signing appends to it (src-main/signing).
 */
export async function buildRecordPdf(
  pages: readonly RecordPdfPage[],
  meta: RecordDocumentMeta,
  options: RecordPdfOptions = {},
): Promise<Uint8Array> {
  if (pages.length === 0) throw new AppError('pdf.noPages');
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = embedGlyphlessFont(
    doc,
    pages.flatMap((page) => page.ocr?.words.map((word) => word.text) ?? []).join(''),
  );
  for (const [index, given] of pages.entries()) {
    const { page, image } = await embedPage(doc, given, index, options.cleanUp);
    addPage(doc, image, page, font);
  }
  const { fields } = meta;
  declarePdfA(
    doc,
    {
      title: documentTitle(meta),
      author: meta.agencyName ?? fields.issuingAgency,
      subject: meta.procedureName,
      keywords: [meta.code, fields.documentNumber, fields.ownerIdNumber].filter(Boolean).join(', '),
      creatorTool: `${APP_NAME} ${APP_VERSION}`,
      producer: `${APP_NAME} ${APP_VERSION} (pdf-lib)`,
      created: options.now ?? (meta.createdAt ? new Date(meta.createdAt) : new Date()),
      documentId: options.documentId ?? `uuid:${randomUUID()}`,
      instanceId: `uuid:${randomUUID()}`,
      record: recordProperties(meta),
    },
    await readAsset(ICC_FILE),
  );
  // Object streams (PDF/A-2 allows them) save a few KB of dictionaries; a signature appends
  // an update with its own cross-reference stream, its objects uncompressed.
  return doc.save({ useObjectStreams: true });
}
