import type { CentralRecord } from '../../src-shared/central/central-api';
import { AppError } from '../../src-shared/errors/app-error';
import { station } from '../station/station';

/** Central's answer: its records (null when it cannot be asked), whether it holds more, and a refusal the clerk must read. */
export interface CentralAnswer {
  records: CentralRecord[] | null;
  /** Central answered one page and holds more: the clerk narrows the query. */
  more: boolean;
  notice: AppError | null;
}

/** Refusals that are not "Central cannot be asked now": the clerk is told, in Vietnamese. */
const NOTICED = new Set(['sync.rateLimited', 'sync.receiptInvalid', 'sync.forbidden']);

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

/** Central's answer to a query; no records when it cannot be asked (offline, not enrolled, not such a query). */
export async function lookupCentral(query: string): Promise<CentralAnswer> {
  const asked = centralQueryOf(query);
  if (!asked) return { records: null, more: false, notice: null };
  try {
    const found = await station.sync.lookup(asked);
    return { records: found.records, more: found.next !== null, notice: null };
  } catch (error) {
    const notice = error instanceof AppError && NOTICED.has(error.code) ? error : null;
    return { records: null, more: false, notice };
  }
}
