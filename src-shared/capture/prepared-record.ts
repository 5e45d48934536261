import { z } from 'zod';
import type { Table } from '../encoding/csv';
import { PASSPORT_PATTERN } from '../domain/identity-number';
import { RECORD_FIELD_TABLE, type RecordField } from '../domain/record-fields';
import { COVER_REFERENCE_PATTERN } from './sheet-code';

/**
 * A record prepared from a list before its dossier is scanned (the archive's inventory, or
 * a list the clerk pastes or imports): the fields its cover sheet will give the new record.
 */
export const PREPARED_FIELDS = [
  'ownerName',
  'ownerIdNumber',
  'ownerTaxCode',
  'documentNumber',
  'issueDate',
  'procedureCode',
  'box',
  'shelf',
  'archiveReference',
] as const satisfies readonly RecordField[];
export type PreparedField = (typeof PREPARED_FIELDS)[number];

export const preparedFieldsSchema = z.object(
  Object.fromEntries(PREPARED_FIELDS.map((name) => [name, RECORD_FIELD_TABLE[name].schema.optional()])) as {
    [F in PreparedField]: z.ZodOptional<(typeof RECORD_FIELD_TABLE)[F]['schema']>;
  },
);
export type PreparedFields = z.infer<typeof preparedFieldsSchema>;

export const preparedRecordSchema = z.object({
  reference: z.string().regex(COVER_REFERENCE_PATTERN),
  fields: preparedFieldsSchema,
  /** The department its record is filed under, if the list said. */
  departmentCode: z.string().max(20).optional(),
  preparedAt: z.number().int(),
  preparedBy: z.string(),
});
export type PreparedRecord = z.infer<typeof preparedRecordSchema>;

/** One line of a list that could not be taken, and why (`sheets.listProblems.<problem>`). */
export const listProblemSchema = z.object({
  line: z.number().int(),
  problem: z.enum(['header', 'tooMany', 'empty', 'idNumber', 'invalid']),
  field: z.enum(PREPARED_FIELDS).optional(),
  /** What the validator said, for the log and the CLI's --json. */
  detail: z.string().optional(),
});
export type ListProblem = z.infer<typeof listProblemSchema>;

/** Column names offices use for each field, besides the field's own name (lower case). */
const COLUMN_NAMES: Record<PreparedField, string[]> = {
  ownerName: ['họ và tên', 'họ tên', 'người được cấp', 'tên người lao động', 'chủ hồ sơ'],
  ownerIdNumber: ['số định danh', 'số định danh cá nhân', 'cccd', 'số cccd', 'số hộ chiếu'],
  ownerTaxCode: ['mã số thuế', 'mst', 'mã số doanh nghiệp'],
  documentNumber: ['số văn bản', 'số, ký hiệu', 'số ký hiệu', 'số quyết định'],
  issueDate: ['ngày ban hành', 'ngày cấp', 'ngày ký'],
  procedureCode: ['mã thủ tục', 'thủ tục'],
  box: ['hộp', 'hộp số', 'số hộp'],
  shelf: ['giá', 'kệ', 'giá/kệ'],
  archiveReference: ['số lưu trữ', 'ký hiệu lưu trữ'],
};

/** At most this many cover sheets from one list: an archive's day, not its whole holdings. */
export const MAX_LIST_ROWS = 5000;

/**
 * Reads a list of dossiers (CSV or spreadsheet rows): a header naming record fields
 * (ownerName, ownerIdNumber, documentNumber, procedureCode, box, …, any order, any case, or
 * the Vietnamese column names offices use: "Họ và tên", "Số định danh", "Hộp", …),
 * one dossier a line. A line with nothing to print is a problem, as is a value its field
 * refuses; dates are written dd/mm/yyyy or yyyy-mm-dd.
 */
export function readPreparedList(table: Table): { entries: PreparedFields[]; problems: ListProblem[] } {
  const columns = new Map(
    PREPARED_FIELDS.map((name) => {
      const names = [name.toLowerCase(), ...COLUMN_NAMES[name]];
      return [
        name,
        table.columns.findIndex((column) => names.includes(column.normalize('NFC').trim())),
      ] as const;
    }),
  );
  const entries: PreparedFields[] = [];
  const problems: ListProblem[] = [];
  if ([...columns.values()].every((index) => index < 0)) {
    return { entries, problems: [{ line: 1, problem: 'header', detail: PREPARED_FIELDS.join(', ') }] };
  }
  if (table.rows.length > MAX_LIST_ROWS) {
    return {
      entries,
      problems: [{ line: 1, problem: 'tooMany', detail: `more than ${MAX_LIST_ROWS} lines` }],
    };
  }
  for (const { line, cells } of table.rows) {
    const raw: Record<string, string> = {};
    for (const [name, index] of columns) {
      const value = index >= 0 ? (cells[index] ?? '').trim() : '';
      if (value === '') continue;
      const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
      raw[name] =
        name === 'issueDate' && dmy
          ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`
          : value;
      if (name === 'ownerIdNumber') raw[name] = value.replace(/\s+/g, '').toUpperCase();
    }
    if (Object.keys(raw).length === 0) {
      problems.push({ line, problem: 'empty' });
      continue;
    }
    if (
      raw.ownerIdNumber &&
      !/^(\d{9}|\d{12})$/.test(raw.ownerIdNumber) &&
      !PASSPORT_PATTERN.test(raw.ownerIdNumber)
    ) {
      problems.push({ line, problem: 'idNumber', field: 'ownerIdNumber' });
      continue;
    }
    const parsed = preparedFieldsSchema.safeParse(raw);
    if (parsed.success) entries.push(parsed.data);
    else {
      const [first] = parsed.error.issues;
      const field = PREPARED_FIELDS.find((name) => name === first?.path[0]);
      problems.push({
        line,
        problem: 'invalid',
        ...(field ? { field } : {}),
        detail: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
      });
    }
  }
  return { entries, problems };
}
