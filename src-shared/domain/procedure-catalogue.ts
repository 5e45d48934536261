import { z } from 'zod';
import { readCsvTable } from '../encoding/csv';
import { PROCEDURE_CODE_PATTERN } from './procedure-code';
import { RESULT_TYPES } from './record-fields';

/** A procedure of the national public-service catalogue, as this department uses it. */
export const procedureSchema = z.object({
  code: z.string().trim().regex(PROCEDURE_CODE_PATTERN, 'procedureCode'),
  name: z.string().trim().min(3).max(300),
  departmentCode: z.string().trim().toUpperCase().max(12).default(''),
  resultType: z.enum(RESULT_TYPES),
  /** Usual validity of its result, in months; null: no end date. */
  validityMonths: z.number().int().min(1).max(1200).nullable(),
});
export type Procedure = z.infer<typeof procedureSchema>;

/**
 * The department's common procedures (DOMAIN.md), to start from. Their codes follow the
 * national catalogue's shape; the administrator checks them against the province's list
 * (or imports it as CSV) before relying on them.
 */
export const SEED_PROCEDURES: readonly Procedure[] = [
  {
    code: '1.000459',
    name: 'Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam',
    departmentCode: 'VLATLD',
    resultType: 'licence',
    validityMonths: 24,
  },
  {
    code: '1.000105',
    name: 'Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động',
    departmentCode: 'VLATLD',
    resultType: 'confirmation',
    validityMonths: 24,
  },
  {
    code: '1.009873',
    name: 'Cấp giấy phép hoạt động cho thuê lại lao động',
    departmentCode: 'VLATLD',
    resultType: 'licence',
    validityMonths: 60,
  },
  {
    code: '1.000479',
    name: 'Cấp giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp',
    departmentCode: 'GDNN',
    resultType: 'certificate',
    validityMonths: null,
  },
  {
    code: '1.001257',
    name: 'Giải quyết chế độ trợ cấp ưu đãi đối với người có công với cách mạng',
    departmentCode: 'NCC',
    resultType: 'decision',
    validityMonths: null,
  },
  {
    code: '1.001776',
    name: 'Cấp giấy phép hoạt động đối với cơ sở trợ giúp xã hội',
    departmentCode: 'BTXH',
    resultType: 'licence',
    validityMonths: null,
  },
  {
    code: '2.000286',
    name: 'Quyết định trợ cấp xã hội hằng tháng',
    departmentCode: 'BTXH',
    resultType: 'decision',
    validityMonths: null,
  },
];

/** One line of an imported CSV that could not be taken, and why. */
export interface CsvProblem {
  line: number;
  message: string;
}

const RESULT_TYPE_WORDS: Record<string, Procedure['resultType']> = {
  decision: 'decision',
  'quyết định': 'decision',
  licence: 'licence',
  license: 'licence',
  'giấy phép': 'licence',
  certificate: 'certificate',
  'giấy chứng nhận': 'certificate',
  confirmation: 'confirmation',
  'xác nhận': 'confirmation',
  'văn bản xác nhận': 'confirmation',
  other: 'other',
  khác: 'other',
};

/**
 * Reads a catalogue CSV: a header line naming the columns `code, name, department,
 * resultType, validityMonths` (any order; Vietnamese or English result types; empty
 * validity = no end date), comma or semicolon separated, UTF-8 with or without BOM.
 */
export function parseProcedureCsv(text: string): { procedures: Procedure[]; problems: CsvProblem[] } {
  const { columns, rows } = readCsvTable(text);
  const at = (name: string) => columns.indexOf(name);
  const procedures: Procedure[] = [];
  const problems: CsvProblem[] = [];
  if (at('code') < 0 || at('name') < 0 || at('resulttype') < 0) {
    return {
      procedures,
      problems: [{ line: 1, message: 'header: code, name, department, resultType, validityMonths' }],
    };
  }
  for (const { line, cells: row } of rows) {
    const months = row[at('validitymonths')] ?? '';
    const parsed = procedureSchema.safeParse({
      code: row[at('code')],
      name: row[at('name')],
      departmentCode: at('department') >= 0 ? row[at('department')] : '',
      resultType: RESULT_TYPE_WORDS[(row[at('resulttype')] ?? '').toLowerCase()] ?? row[at('resulttype')],
      validityMonths: months === '' ? null : Number(months),
    });
    if (parsed.success) procedures.push(parsed.data);
    else
      problems.push({
        line,
        message: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
      });
  }
  return { procedures, problems };
}
