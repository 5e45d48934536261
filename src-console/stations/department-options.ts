import { DEFAULT_DEPARTMENTS } from '../../src-shared/domain/settings';

/**
 * The departments the administrator picks from: the usual ones of the department (with their
 * names), those of the province's procedure catalogue and those stations already work for. A
 * code not listed may be typed (Select in tags mode).
 */
export function departmentOptions(
  procedureDepartments: readonly string[],
  stationDepartments: readonly string[],
): { value: string; label: string }[] {
  const names = new Map(DEFAULT_DEPARTMENTS.map((department) => [department.code, department.name]));
  const codes = new Set([...names.keys(), ...procedureDepartments, ...stationDepartments].filter(Boolean));
  return [...codes]
    .sort((a, b) => a.localeCompare(b))
    .map((code) => ({ value: code, label: names.has(code) ? `${code} — ${names.get(code)}` : code }));
}

/** A department code as Central takes it: letters and digits, upper case, at most 12. */
export const DEPARTMENT_CODE = /^[A-Z0-9]{1,12}$/;
