import { codeScope, parseCodeTemplate, renderCode } from '../../src-shared/domain/record-code';
import type { StationSettings } from '../../src-shared/domain/settings';
import { AppError } from '../../src-shared/errors/app-error';
import { db } from '../db/database';

const counterKey = (scope: string) => `codeSequence:${scope}`;

/**
 * Gives a record its code, offline, in one transaction with the sequence it uses: the
 * counter only ever goes up, so a code is never issued twice, even after its record is
 * deleted. A record that has a code keeps it.
 */
export async function issueRecordCode(
  recordId: string,
  settings: StationSettings,
  now = new Date(),
): Promise<string> {
  const { tokens } = parseCodeTemplate(settings.codeTemplate);
  return db.transaction('rw', db.records, db.meta, async () => {
    const record = await db.records.get(recordId);
    if (!record) throw new AppError('records.notFound', { detail: recordId });
    if (record.code) return record.code;
    const needs = (kind: string) => tokens.some((token) => token.kind === kind);
    if (needs('agency') && !settings.agencyId) throw new AppError('codes.agencyMissing');
    if (needs('dept') && !record.departmentCode) throw new AppError('codes.departmentMissing');
    if (needs('procedure') && !record.procedureCode) throw new AppError('codes.procedureMissing');
    const context = {
      agency: settings.agencyId,
      dept: record.departmentCode ?? '',
      procedure: record.procedureCode ?? '',
      station: settings.stationNumber,
      date: now,
    };
    const key = counterKey(codeScope(tokens, context));
    const sequence = (((await db.meta.get(key))?.value as number | undefined) ?? 0) + 1;
    let code: string;
    try {
      code = renderCode(tokens, context, sequence);
    } catch {
      throw new AppError('codes.exhausted', { params: { sequence } });
    }
    await db.meta.put({ key, value: sequence });
    await db.records.update(recordId, { code, updatedAt: Date.now() });
    return code;
  });
}
