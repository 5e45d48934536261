import { z } from 'zod';
import type { Table } from '../encoding/csv';
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

/** One line of a list that could not be taken, and why. */
export interface ListProblem {
  line: number;
  message: string;
}

/** At most this many cover sheets from one list: an archive's day, not its whole holdings. */
export const MAX_LIST_ROWS = 5000;

/**
 * Reads a list of dossiers (CSV or spreadsheet rows): a header naming record fields
 * (ownerName, ownerIdNumber, documentNumber, procedureCode, box, …, any order, any case),
 * one dossier a line. A line with nothing to print is a problem, as is a value its field
 * refuses; dates are written dd/mm/yyyy or yyyy-mm-dd.
 */
export function readPreparedList(table: Table): { entries: PreparedFields[]; problems: ListProblem[] } {
  const columns = new Map(
    PREPARED_FIELDS.map((name) => [name, table.columns.indexOf(name.toLowerCase())] as const),
  );
  const entries: PreparedFields[] = [];
  const problems: ListProblem[] = [];
  if ([...columns.values()].every((index) => index < 0)) {
    return { entries, problems: [{ line: 1, message: `header: ${PREPARED_FIELDS.join(', ')}` }] };
  }
  if (table.rows.length > MAX_LIST_ROWS) {
    return { entries, problems: [{ line: 1, message: `more than ${MAX_LIST_ROWS} lines` }] };
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
      problems.push({ line, message: 'empty line' });
      continue;
    }
    const parsed = preparedFieldsSchema.safeParse(raw);
    if (parsed.success) entries.push(parsed.data);
    else
      problems.push({
        line,
        message: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
      });
  }
  return { entries, problems };
}
