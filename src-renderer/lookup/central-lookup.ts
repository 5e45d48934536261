import type { CentralRecord } from '../../src-shared/central/central-api';
import { station } from '../station/station';

/**
 * What SoHoa Central can be asked for a query typed into the lookup box: an owner's ID
 * number (9 or 12 digits) or tax code, a record code, a document number; anything else
 * (a name, words of text) only the local search answers.
 */
export function centralQueryOf(
  query: string,
): { code?: string; ownerId?: string; documentNumber?: string } | null {
  const text = query.trim();
  const compact = text.replace(/\s/g, '');
  if (/^\d{9}$|^\d{12}$|^\d{10}(-\d{3})?$/.test(compact)) return { ownerId: compact };
  if (/^[0-9A-Z.]{12,64}$/i.test(compact) && compact.includes('.')) return { code: compact.toUpperCase() };
  if (text.includes('/') && text.length <= 60) return { documentNumber: text };
  return null;
}

/** Central's answer to a query, or null when it cannot be asked (offline, not enrolled, not such a query). */
export async function lookupCentral(query: string): Promise<CentralRecord[] | null> {
  const asked = centralQueryOf(query);
  if (!asked) return null;
  try {
    return (await station.sync.lookup(asked)).records;
  } catch {
    return null;
  }
}
