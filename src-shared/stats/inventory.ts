import { z } from 'zod';
import type { Table } from '../encoding/csv';
import { PROCEDURE_CODE_PATTERN } from '../domain/procedure-code';
import { foldText } from '../domain/text-fold';
import { parseDisplayDate } from '../indexing/vietnamese-dates';

/** One count of the inventory (kiểm đếm), as entered or imported. */
export const inventoryCountSchema = z
  .object({
    departmentCode: z.string().trim().toUpperCase().min(1).max(12),
    procedureCode: z.string().trim().regex(PROCEDURE_CODE_PATTERN, 'procedureCode'),
    count: z.number().int().min(0).max(10_000_000),
    countedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date'),
    note: z.string().trim().max(300).default(''),
  })
  .strict();
export type InventoryCountInput = z.infer<typeof inventoryCountSchema>;

/** Header names an office may use, folded (no diacritics, lower case), for each column. */
const HEADERS: Record<keyof InventoryCountInput, readonly string[]> = {
  departmentCode: ['department', 'departmentcode', 'phong', 'ma phong', 'phong chuyen mon'],
  procedureCode: ['procedure', 'procedurecode', 'thu tuc', 'ma thu tuc'],
  count: ['count', 'so luong', 'so ket qua', 'so luong con hieu luc'],
  countedAt: ['countedat', 'date', 'ngay', 'ngay kiem dem'],
  note: ['note', 'ghi chu'],
};

/** A line that could not be taken: where, and which column was wrong (`header` for the header). */
export interface InventoryProblem {
  line: number;
  message: string;
}

/**
 * The counts of an imported table (CSV or the first sheet of an XLSX): columns found by
 * their Vietnamese or English names, dates as dd/mm/yyyy or yyyy-mm-dd (today when empty),
 * each bad line with its reason and the good ones kept.
 */
export function inventoryFromTable(
  table: Table,
  today: string,
): { counts: InventoryCountInput[]; problems: InventoryProblem[] } {
  const folded = table.columns.map((column) => foldText(column).replace(/[_-]/g, ' ').trim());
  const at = Object.fromEntries(
    Object.entries(HEADERS).map(([field, names]) => [
      field,
      folded.findIndex((column) => names.includes(column)),
    ]),
  ) as Record<keyof InventoryCountInput, number>;
  if (at.departmentCode < 0 || at.procedureCode < 0 || at.count < 0) {
    return {
      counts: [],
      problems: [{ line: 1, message: 'header' }],
    };
  }
  const counts: InventoryCountInput[] = [];
  const problems: InventoryProblem[] = [];
  for (const { line, cells } of table.rows) {
    const cell = (field: keyof InventoryCountInput) =>
      at[field] >= 0 ? (cells[at[field]] ?? '').trim() : '';
    const date = cell('countedAt');
    const parsed = inventoryCountSchema.safeParse({
      departmentCode: cell('departmentCode'),
      procedureCode: cell('procedureCode'),
      count: cell('count') === '' ? Number.NaN : Number(cell('count').replace(/[.\s]/g, '')),
      countedAt:
        date === '' ? today : /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : (parseDisplayDate(date) ?? date),
      note: cell('note'),
    });
    if (parsed.success) counts.push(parsed.data);
    else {
      problems.push({
        line,
        message: [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))].join(','),
      });
    }
  }
  return { counts, problems };
}
