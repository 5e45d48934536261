import { isValidIdentityNumber } from '../domain/identity-number';
import { checkRecordFields, type RecordFields } from '../domain/record-fields';

/** What a supervisor is warned of on a record (issue 6), as i18n keys under `review.flags.`. */
export const QUALITY_FLAGS = [
  'blankPages',
  'lowDpi',
  'missingFields',
  'invalidIdNumber',
  'duplicate',
  'expired',
  'unsigned',
  'signatureInvalid',
  'lowOcrConfidence',
] as const;
export type QualityFlagKind = (typeof QUALITY_FLAGS)[number];

export interface QualityFlag {
  kind: QualityFlagKind;
  /** How many pages (or fields) it concerns, where that says something. */
  count?: number;
}

/** What the checks read of a record; gathered by the renderer from IndexedDB. */
export interface QualityInput {
  fields: RecordFields;
  pages: readonly { blank: boolean; lowDpi: boolean }[];
  /** Mean OCR confidence of each page that was read. */
  ocrConfidences: readonly number[];
  /** The record's signed file, if any; `valid` once a verification said so. */
  signature: { present: false } | { present: true; valid: boolean | null };
  /** Another record of the same owner with the same document number (locally, or centrally once online). */
  duplicateOf: string | null;
  today: string;
  lowOcrConfidence: number;
}

/** The flags of one record, in the order they are listed; none means nothing to look at twice. */
export function qualityFlags(input: QualityInput): QualityFlag[] {
  const flags: QualityFlag[] = [];
  const { fields } = input;
  const blank = input.pages.filter((page) => page.blank).length;
  if (blank > 0) flags.push({ kind: 'blankPages', count: blank });
  const lowDpi = input.pages.filter((page) => page.lowDpi).length;
  if (lowDpi > 0) flags.push({ kind: 'lowDpi', count: lowDpi });
  const missing = checkRecordFields(fields).filter((problem) => problem.problem === 'required').length;
  if (missing > 0) flags.push({ kind: 'missingFields', count: missing });
  if (fields.ownerKind !== 'organisation' && fields.ownerIdKind !== 'passport' && fields.ownerIdNumber) {
    const birthYear = fields.ownerBirthDate ? Number(fields.ownerBirthDate.slice(0, 4)) : undefined;
    if (!isValidIdentityNumber(fields.ownerIdNumber, { birthYear, today: new Date(input.today) })) {
      flags.push({ kind: 'invalidIdNumber' });
    }
  }
  if (input.duplicateOf) flags.push({ kind: 'duplicate' });
  if (!fields.indefinite && fields.expiryDate && fields.expiryDate < input.today)
    flags.push({ kind: 'expired' });
  if (!input.signature.present) flags.push({ kind: 'unsigned' });
  else if (input.signature.valid === false) flags.push({ kind: 'signatureInvalid' });
  const low = input.ocrConfidences.filter((confidence) => confidence < input.lowOcrConfidence).length;
  if (low > 0) flags.push({ kind: 'lowOcrConfidence', count: low });
  return flags;
}
