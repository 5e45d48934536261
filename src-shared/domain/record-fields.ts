import { z } from 'zod';
import { PROCEDURE_CODE_PATTERN } from './procedure-code';
import { checkIdentityNumber, PASSPORT_PATTERN, TAX_CODE_PATTERN } from './identity-number';
import { vietnamDay } from './vietnam-day';

/** The kinds of result a record holds (DOMAIN.md). */
export const RESULT_TYPES = ['decision', 'licence', 'certificate', 'confirmation', 'other'] as const;
export type ResultType = (typeof RESULT_TYPES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date');
const text = (max: number) => z.string().trim().max(max);

/** A record's metadata as the clerk confirms it (DOMAIN.md "A digitized result — fields"). */
export const recordFieldsSchema = z.object({
  resultType: z.enum(RESULT_TYPES).optional(),
  procedureCode: z.union([z.literal(''), z.string().regex(PROCEDURE_CODE_PATTERN)]).optional(),
  documentNumber: text(60).optional(),
  issueDate: isoDate.optional(),
  issuingAgency: text(200).optional(),
  signerName: text(120).optional(),
  signerTitle: text(120).optional(),
  ownerKind: z.enum(['person', 'organisation']).optional(),
  ownerName: text(200).optional(),
  ownerIdNumber: text(20).optional(),
  /** What `ownerIdNumber` is: a personal ID number (absent) or a foreigner's passport number. */
  ownerIdKind: z.enum(['personal', 'passport']).optional(),
  /** A foreigner's nationality, as the result states it ("Hàn Quốc"). */
  ownerNationality: text(80).optional(),
  ownerBirthDate: isoDate.optional(),
  ownerTaxCode: text(20).optional(),
  effectiveDate: isoDate.optional(),
  expiryDate: isoDate.optional(),
  /** Valid without end (a certificate, a decision on an allowance). */
  indefinite: z.boolean().optional(),
  /** Where the digitized file comes from. */
  source: z.enum(['scan', 'database', 'bornDigital']).optional(),
});
export type RecordFields = z.infer<typeof recordFieldsSchema>;
export type RecordField = keyof RecordFields;

/** A problem with one field, as an i18n key under `indexing.problems.`. */
export interface FieldProblem {
  field: RecordField;
  problem:
    | 'required'
    | 'identity.format'
    | 'identity.unknownProvince'
    | 'identity.birthInFuture'
    | 'identity.birthYearMismatch'
    | 'identity.sexMismatch'
    | 'taxCode'
    | 'passport'
    | 'inFuture'
    | 'birthAfterIssue'
    | 'expiryBeforeEffective'
    | 'expiryBeforeIssue'
    | 'expiryOrIndefinite';
}

const today = (now: Date) => vietnamDay(now.getTime());

/**
 * Checks a record before it is saved as indexed: required fields for its kind, the owner's
 * ID number against the date of birth, dates in order. Empty list: the record may be saved.
 */
export function checkRecordFields(fields: RecordFields, now = new Date()): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: RecordField, problem: FieldProblem['problem']) => problems.push({ field, problem });
  const organisation = fields.ownerKind === 'organisation';
  const required: RecordField[] = [
    'resultType',
    'documentNumber',
    'issueDate',
    'issuingAgency',
    'ownerName',
    'effectiveDate',
  ];
  const foreigner = !organisation && fields.ownerIdKind === 'passport';
  required.push(organisation ? 'ownerTaxCode' : 'ownerIdNumber');
  if (foreigner) required.push('ownerNationality');
  for (const field of required) {
    const value = fields[field];
    if (value === undefined || value === '') add(field, 'required');
  }
  if (foreigner && fields.ownerIdNumber && !PASSPORT_PATTERN.test(fields.ownerIdNumber)) {
    add('ownerIdNumber', 'passport');
  }
  if (!organisation && !foreigner && fields.ownerIdNumber) {
    const check = checkIdentityNumber(fields.ownerIdNumber, {
      birthYear: fields.ownerBirthDate ? Number(fields.ownerBirthDate.slice(0, 4)) : undefined,
      today: now,
    });
    for (const problem of check.problems) add('ownerIdNumber', `identity.${problem}`);
  }
  if (fields.ownerTaxCode && !TAX_CODE_PATTERN.test(fields.ownerTaxCode)) add('ownerTaxCode', 'taxCode');
  if (fields.issueDate && fields.issueDate > today(now)) add('issueDate', 'inFuture');
  if (fields.ownerBirthDate && fields.issueDate && fields.ownerBirthDate >= fields.issueDate) {
    add('ownerBirthDate', 'birthAfterIssue');
  }
  if (fields.expiryDate && fields.effectiveDate && fields.expiryDate <= fields.effectiveDate) {
    add('expiryDate', 'expiryBeforeEffective');
  }
  if (fields.expiryDate && fields.issueDate && fields.expiryDate <= fields.issueDate) {
    add('expiryDate', 'expiryBeforeIssue');
  }
  // Licences and confirmations run out: their end date is part of them, unless they say they have none.
  const expires = fields.resultType === 'licence' || fields.resultType === 'confirmation';
  if (expires && !fields.expiryDate && !fields.indefinite) {
    add('expiryDate', 'expiryOrIndefinite');
  }
  return problems;
}
