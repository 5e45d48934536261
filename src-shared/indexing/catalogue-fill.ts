import type { Procedure } from '../domain/procedure-catalogue';
import type { RecordField, ResultType } from '../domain/record-fields';
import { isoDate } from './vietnamese-dates';

/** The form's values the catalogue may fill (the rest the clerk or OCR gives). */
export interface CatalogueFillable {
  resultType?: ResultType | string;
  departmentCode?: string;
  expiryDate?: string;
  indefinite?: boolean;
}

/**
 * What a procedure says of its result, for the fields the clerk has left empty: its result
 * type, the department that handles it, and "no end date" when its results have none. A value
 * already there is the clerk's (or an accepted suggestion's) and is never overwritten.
 */
export function catalogueFill(procedure: Procedure, form: CatalogueFillable): Partial<CatalogueFillable> {
  const fill: Partial<CatalogueFillable> = {};
  if (!form.resultType) fill.resultType = procedure.resultType;
  if (!form.departmentCode && procedure.departmentCode) fill.departmentCode = procedure.departmentCode;
  if (procedure.validityMonths === null && !form.expiryDate && !form.indefinite) fill.indefinite = true;
  return fill;
}

/**
 * The end of a result's usual term counted from its effective date (both `yyyy-mm-dd`), or
 * null when the catalogue gives no term. As the Civil Code counts a term in months (BLDS 2015
 * art. 147–148): it ends on the same day of the last month, or that month's last day when it
 * has no such day (31/08 + 6 months → 28/02 or 29/02).
 */
export function usualExpiry(
  procedure: Procedure | undefined,
  effectiveDate: string | undefined,
): string | null {
  if (!procedure?.validityMonths || !effectiveDate) return null;
  const [year, month, day] = effectiveDate.split('-').map(Number);
  if (!year || !month || !day) return null;
  const months = month - 1 + procedure.validityMonths;
  const endYear = year + Math.floor(months / 12);
  const endMonth = (months % 12) + 1;
  const lastDay = new Date(Date.UTC(endYear, endMonth, 0)).getUTCDate();
  return isoDate(Math.min(day, lastDay), endMonth, endYear);
}

/** Why a suggestion for `field` contradicts the procedure's catalogue entry, if it does. */
export type CatalogueConflict = 'noEndDate' | 'longerThanUsual';

/** The record's dates a suggestion is weighed against (`yyyy-mm-dd`). */
export interface ConflictContext {
  /** The suggested value itself. */
  value?: string;
  effectiveDate?: string;
}

export function catalogueConflict(
  field: RecordField,
  procedure: Procedure | undefined,
  context: ConflictContext = {},
): CatalogueConflict | null {
  if (field !== 'expiryDate' || !procedure) return null;
  // An end date read on a page of a result that has none belongs to another document (a
  // work permit among a decision's pages): offered, flagged, never taken by accept-all.
  if (procedure.validityMonths === null) return 'noEndDate';
  // The catalogue's term is the longest a result of this procedure runs (a work permit: at
  // most 24 months); a shorter one is lawful, a longer one is misread or another document's.
  const usual = usualExpiry(procedure, context.effectiveDate);
  if (usual && context.value && context.value > usual) return 'longerThanUsual';
  return null;
}
