import ExcelJS from 'exceljs';
import { readCsvTable, type Table } from '../../src-shared/encoding/csv';
import { AppError } from '../../src-shared/errors/app-error';

/** The first sheet of a workbook as a table: its first row the header, cells as text. */
async function workbookTable(bytes: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('import.unreadableFile', { detail: String(error) });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('import.unreadableFile', { detail: 'the workbook has no sheet' });
  const text = (value: ExcelJS.CellValue): string => {
    if (value === null || value === undefined) return '';
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'object' && 'result' in value) return text(value.result as ExcelJS.CellValue);
    if (typeof value === 'object' && 'richText' in value)
      return value.richText.map((part) => part.text).join('');
    return String(value);
  };
  const rows: Table['rows'] = [];
  let columns: string[] = [];
  sheet.eachRow((row, number) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map((value) => text(value).trim());
    if (number === 1) columns = values.map((value) => value.toLowerCase());
    else if (values.some((value) => value !== '')) rows.push({ line: number, cells: values });
  });
  return { columns, rows };
}

/**
 * A list as an office keeps it: an XLSX workbook (its first sheet) or a CSV, told apart by
 * content (an XLSX is a ZIP), read into a table.
 */
export async function readTableFile(bytes: Buffer): Promise<Table> {
  const isZip = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  return isZip ? workbookTable(bytes) : readCsvTable(bytes.toString('utf8'));
}
