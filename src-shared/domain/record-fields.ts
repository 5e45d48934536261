import { z } from 'zod';
import { PROCEDURE_CODE_PATTERN } from './procedure-code';
import { checkIdentityNumber, PASSPORT_PATTERN, TAX_CODE_PATTERN } from './identity-number';
import { vietnamDay } from './vietnam-day';

/** The kinds of result a record holds (DOMAIN.md). */
export const RESULT_TYPES = ['decision', 'licence', 'certificate', 'confirmation', 'other'] as const;
export type ResultType = (typeof RESULT_TYPES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date');
const text = (max: number) => z.string().trim().max(max);

/** What the screens and OCR do with a field, besides its type. */
interface FieldTraits {
  /** Kept as `yyyy-mm-dd`, typed and shown as dd/mm/yyyy. */
  date?: true;
  /** OCR may suggest it (see indexing/field-suggestions). */
  suggested?: true;
  /** Only a person has it: neither shown nor kept for an organisation. */
  person?: true;
  /** Shown to the supervisor at review, in this table's order. */
  review?: true;
  /** On the indexing form, in this table's order. */
  form?: true;
}
const field = <S extends z.ZodType, T extends FieldTraits>(schema: S, traits: T) => ({ schema, ...traits });

/**
 * A record's metadata (DOMAIN.md "A digitized result — fields"), one row a field: its type
 * and what the screens and OCR do with it. The schema, the date fields, the fields OCR
 * suggests, the person's fields, the indexing form and the review list are all read from
 * here; labels are `indexing.fields.<name>`. Rows are in the order the form and review show them.
 */
export const RECORD_FIELD_TABLE = {
  resultType: field(z.enum(RESULT_TYPES), { suggested: true, review: true, form: true }),
  documentNumber: field(text(60), { suggested: true, review: true, form: true }),
  /** The one-stop system's dossier code (mã hồ sơ) the result was issued under: a search key. */
  dossierCode: field(text(60), { suggested: true, review: true, form: true }),
  issueDate: field(isoDate, { date: true, suggested: true, review: true, form: true }),
  issuingAgency: field(text(200), { suggested: true, review: true, form: true }),
  ownerKind: field(z.enum(['person', 'organisation']), { form: true }),
  ownerName: field(text(200), { suggested: true, review: true, form: true }),
  /** What `ownerIdNumber` is: a personal ID number (absent) or a foreigner's passport number. */
  ownerIdKind: field(z.enum(['personal', 'passport']), { person: true, form: true }),
  ownerIdNumber: field(text(20), { suggested: true, person: true, review: true, form: true }),
  /** A foreigner's nationality, as the result states it ("Hàn Quốc"). */
  ownerNationality: field(text(80), { suggested: true, person: true, review: true, form: true }),
  ownerBirthDate: field(isoDate, { date: true, suggested: true, person: true, review: true, form: true }),
  ownerTaxCode: field(text(20), { suggested: true, review: true, form: true }),
  effectiveDate: field(isoDate, { date: true, suggested: true, review: true, form: true }),
  expiryDate: field(isoDate, { date: true, suggested: true, review: true, form: true }),
  /** Valid without end (a certificate, a decision on an allowance). */
  indefinite: field(z.boolean(), { form: true }),
  signerName: field(text(120), { suggested: true, review: true, form: true }),
  signerTitle: field(text(120), {}),
  procedureCode: field(z.union([z.literal(''), z.string().regex(PROCEDURE_CODE_PATTERN)]), {
    suggested: true,
    review: true,
    form: true,
  }),
  /** Where the paper original lies: its archive box (hộp), shelf and archive reference. */
  box: field(text(40), { review: true, form: true }),
  shelf: field(text(40), { form: true }),
  archiveReference: field(text(60), { form: true }),
  /** Where the digitized file comes from. */
  source: field(z.enum(['scan', 'database', 'bornDigital']), {}),
};
type Table = typeof RECORD_FIELD_TABLE;
export type RecordField = keyof Table;
/** The fields having `trait`, as a type. */
type FieldsWith<K extends keyof FieldTraits> = {
  [F in RecordField]: Table[F] extends Record<K, true> ? F : never;
}[RecordField];

const fieldsWith = <K extends keyof FieldTraits>(trait: K) =>
  (Object.keys(RECORD_FIELD_TABLE) as RecordField[]).filter(
    (name) => (RECORD_FIELD_TABLE[name] as FieldTraits)[trait],
  ) as FieldsWith<K>[];

/** Every field, in the table's order. */
export const RECORD_FIELDS = Object.keys(RECORD_FIELD_TABLE) as RecordField[];
export const DATE_FIELDS: readonly RecordField[] = fieldsWith('date');
export const SUGGESTED_FIELDS = fieldsWith('suggested');
export type SuggestedField = FieldsWith<'suggested'>;
export const PERSON_FIELDS: readonly RecordField[] = fieldsWith('person');
export const REVIEW_FIELDS = fieldsWith('review');
export const FORM_FIELDS = fieldsWith('form');

/** The longest text a field takes, if it is text. */
export const maxLengthOf = (name: RecordField): number | undefined => {
  const schema = RECORD_FIELD_TABLE[name].schema;
  return schema instanceof z.ZodString ? (schema.maxLength ?? undefined) : undefined;
};

export const recordFieldsSchema = z.object(
  Object.fromEntries(RECORD_FIELDS.map((name) => [name, RECORD_FIELD_TABLE[name].schema.optional()])) as {
    [F in RecordField]: z.ZodOptional<Table[F]['schema']>;
  },
);
export type RecordFields = z.infer<typeof recordFieldsSchema>;

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
