import ExcelJS from 'exceljs';
import { formatShare, type ProgressReportData } from '../../src-shared/stats/report';
import { LABELS, targetText, vnDate } from './progress-labels';

/** The progress report as a workbook: a summary sheet, then one sheet per table. */
export async function progressWorkbook(report: ProgressReportData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.generatedBy;
  workbook.created = new Date(`${report.today}T00:00:00Z`);
  const summary = workbook.addWorksheet(LABELS.overall);
  summary.columns = [{ width: 52 }, { width: 40 }];
  summary.addRows([
    [LABELS.title],
    [report.agencyName],
    [report.stationName],
    [LABELS.date, vnDate(report.today)],
    [LABELS.by, report.generatedBy],
    [],
    [LABELS.inventory, report.overall.inventory],
    [LABELS.digitized, report.overall.digitized],
    [LABELS.share, formatShare(report.overall.share)],
    [LABELS.target, targetText(report.target)],
    [LABELS.rejection, formatShare(report.rejectionRate)],
    [LABELS.backlog, report.syncBacklog.records],
    [LABELS.reuse, report.reuse],
  ]);
  summary.getRow(1).font = { bold: true, size: 13 };

  const table = (name: string, header: string[], rows: (string | number)[][], widths: number[]) => {
    const sheet = workbook.addWorksheet(name);
    sheet.columns = widths.map((width) => ({ width }));
    sheet.addRow(header).font = { bold: true };
    sheet.addRows(rows);
  };
  const progressRows = (lines: ProgressReportData['byDepartment']) =>
    lines.map((line) => [line.key, line.name, line.inventory, line.digitized, formatShare(line.share)]);
  table(
    LABELS.byDepartment,
    [LABELS.department, '', LABELS.inventory, LABELS.digitized, LABELS.share],
    progressRows(report.byDepartment),
    [12, 40, 20, 12, 10],
  );
  table(
    LABELS.byProcedure,
    [LABELS.procedure, '', LABELS.inventory, LABELS.digitized, LABELS.share],
    progressRows(report.byProcedure),
    [12, 60, 20, 12, 10],
  );
  table(
    LABELS.activity,
    [LABELS.buckets[report.bucket], LABELS.clerk, LABELS.records, LABELS.pages],
    report.activity.map((row) => [row.bucket, row.clerk, row.records, row.pages]),
    [16, 30, 10, 10],
  );
  table(
    LABELS.expiring,
    [LABELS.code, LABELS.owner, LABELS.expiry],
    report.expiringSoon.map((row) => [row.code, row.ownerName, vnDate(row.expiryDate)]),
    [34, 36, 14],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
