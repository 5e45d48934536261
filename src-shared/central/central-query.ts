import { PASSPORT_PATTERN } from '../domain/identity-number';
import { DEFAULT_DOSSIER_CODE_PATTERN, isDossierCode } from '../domain/dossier-code';

/**
 * What SoHoa Central can be asked for a query typed into the lookup box: an owner's ID
 * number (9 or 12 digits), passport number or tax code, a record code, a document number, a
 * one-stop dossier code; anything else (a name, words of text) only the local search answers.
 */
export function centralQueryOf(
  query: string,
  dossierCodePattern = DEFAULT_DOSSIER_CODE_PATTERN,
): { code?: string; ownerId?: string; documentNumber?: string; dossierCode?: string } | null {
  const text = query.trim();
  const compact = text.replace(/\s/g, '');
  if (isDossierCode(compact.toUpperCase(), dossierCodePattern)) return { dossierCode: compact.toUpperCase() };
  if (/^\d{9}$|^\d{12}$|^\d{10}(-\d{3})?$/.test(compact)) return { ownerId: compact };
  // A foreign worker's passport number: letters and digits, kept in capitals.
  if (/[a-z]/i.test(compact) && PASSPORT_PATTERN.test(compact.toUpperCase()))
    return { ownerId: compact.toUpperCase() };
  if (/^[0-9A-Z.]{12,64}$/i.test(compact) && compact.includes('.')) return { code: compact.toUpperCase() };
  if (text.includes('/') && text.length <= 60) return { documentNumber: text };
  return null;
}
