import type { Procedure } from '../domain/procedure-catalogue';
import type { RecordField, ResultType } from '../domain/record-fields';

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

/** Why a suggestion for `field` contradicts the procedure's catalogue entry, if it does. */
export type CatalogueConflict = 'noEndDate';

export function catalogueConflict(
  field: RecordField,
  procedure: Procedure | undefined,
): CatalogueConflict | null {
  // An end date read on a page of a result that has none belongs to another document (a
  // work permit among a decision's pages): offered, flagged, never taken by accept-all.
  if (field === 'expiryDate' && procedure?.validityMonths === null) return 'noEndDate';
  return null;
}
