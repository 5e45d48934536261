import type { CentralRecord } from '../../src-shared/central/central-api';
import { AppError } from '../../src-shared/errors/app-error';
import { centralQueryOf } from '../../src-shared/central/central-query';
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

/** Central's answer to a query; no records when it cannot be asked (offline, not enrolled, not such a query). */
export async function lookupCentral(query: string, dossierCodePattern?: string): Promise<CentralAnswer> {
  const asked = centralQueryOf(query, dossierCodePattern);
  if (!asked) return { records: null, more: false, notice: null };
  try {
    const found = await station.sync.lookup(asked);
    return { records: found.records, more: found.next !== null, notice: null };
  } catch (error) {
    const notice = error instanceof AppError && NOTICED.has(error.code) ? error : null;
    return { records: null, more: false, notice };
  }
}
