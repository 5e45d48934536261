import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatShare, type ProgressReportData } from '../../src-shared/stats/report';
import { embedTextFont } from '../pdf/text-font';
import { LABELS, targetText, vnDate } from './progress-labels';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;

/** Lines of text down A4 pages, a new page when one is full. */
function writer(doc: PDFDocument, font: PDFFont, printable: (text: string) => string) {
  let page: PDFPage = doc.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const ensure = (height: number) => {
    if (y - height >= MARGIN) return;
    page = doc.addPage([A4.width, A4.height]);
    y = A4.height - MARGIN;
  };
  return {
    text(value: string, options: { size?: number; bold?: boolean; x?: number; gap?: number } = {}) {
      const size = options.size ?? 10;
      ensure(size + 4);
      page.drawText(printable(value), {
        x: options.x ?? MARGIN,
        y: y - size,
        size,
        font,
        color: rgb(0, 0, 0),
      });
      y -= size + (options.gap ?? 4);
    },
    /** One row of cells at the given x positions. */
    row(cells: string[], xs: number[], size = 9) {
      ensure(size + 4);
      cells.forEach((cell, index) =>
        page.drawText(printable(cell), {
          x: MARGIN + xs[index]!,
          y: y - size,
          size,
          font,
          color: rgb(0, 0, 0),
        }),
      );
      y -= size + 4;
    },
    space(height: number) {
      y -= height;
    },
  };
}

/** The progress report as a PDF in Vietnamese (text that `pdftotext` reads back). */
export async function progressPdf(report: ProgressReportData): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(LABELS.title);
  doc.setAuthor(report.agencyName);
  const { font, printable } = await embedTextFont(doc);
  const out = writer(doc, font, printable);
  out.text(report.agencyName, { size: 10 });
  if (report.stationName) out.text(report.stationName, { size: 10 });
  out.space(10);
  out.text(LABELS.title, { size: 13, gap: 10 });
  out.text(`${LABELS.date}: ${vnDate(report.today)}   ${LABELS.by}: ${report.generatedBy}`, { gap: 12 });
  out.text(LABELS.overall, { size: 12, gap: 6 });
  for (const [label, value] of [
    [LABELS.inventory, String(report.overall.inventory)],
    [LABELS.digitized, String(report.overall.digitized)],
    [LABELS.share, formatShare(report.overall.share)],
    [LABELS.target, targetText(report.target)],
    [LABELS.rejection, formatShare(report.rejectionRate)],
    [LABELS.backlog, String(report.syncBacklog.records)],
    [LABELS.reuse, String(report.reuse)],
  ] as const) {
    out.row([label, value], [0, 300], 10);
  }
  const progress = (title: string, column: string, lines: ProgressReportData['byDepartment']) => {
    out.space(10);
    out.text(title, { size: 12, gap: 6 });
    out.row([column, LABELS.inventory, LABELS.digitized, LABELS.share], [0, 250, 400, 455]);
    for (const line of lines) {
      const name = `${line.key} ${line.name}`.trim();
      out.row(
        [
          name.length > 48 ? `${name.slice(0, 47)}…` : name,
          String(line.inventory),
          String(line.digitized),
          formatShare(line.share),
        ],
        [0, 250, 400, 455],
      );
    }
  };
  progress(LABELS.byDepartment, LABELS.department, report.byDepartment);
  progress(LABELS.byProcedure, LABELS.procedure, report.byProcedure);
  out.space(10);
  out.text(`${LABELS.activity} (${LABELS.buckets[report.bucket]})`, { size: 12, gap: 6 });
  out.row([LABELS.buckets[report.bucket], LABELS.clerk, LABELS.records, LABELS.pages], [0, 110, 350, 420]);
  for (const row of report.activity)
    out.row([row.bucket, row.clerk, String(row.records), String(row.pages)], [0, 110, 350, 420]);
  if (report.expiringSoon.length > 0) {
    out.space(10);
    out.text(LABELS.expiring, { size: 12, gap: 6 });
    for (const row of report.expiringSoon)
      out.row([row.code, row.ownerName, vnDate(row.expiryDate)], [0, 200, 420]);
  }
  return Buffer.from(await doc.save());
}
