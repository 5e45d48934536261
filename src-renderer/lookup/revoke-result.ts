import type { Revocation } from '../../src-shared/domain/revocation';
import { appendAudit } from '../audit/audit-log';
import { db } from '../db/database';
import { actingUser } from '../session/acting-user';
import { station } from '../station/station';

/**
 * Records that a result (held here or only on SoHoa Central) was revoked by its issuing
 * agency: main attests it (supervisors only), then the revocation and its audit entry are
 * stored together; the sync hands it on to Central. The signed file itself never changes.
 */
export async function revokeResult(
  result: { code: string; recordId?: string | undefined },
  revocation: Revocation,
): Promise<void> {
  const { attestation, revocation: recorded } = await station.review.revoke({
    code: result.code,
    revocation,
  });
  const { displayName } = actingUser();
  await db.transaction('rw', db.revocations, db.audit, async () => {
    await db.revocations.put({
      ...recorded,
      code: result.code,
      ...(result.recordId ? { recordId: result.recordId } : {}),
      byName: displayName,
      attestation,
    });
    await appendAudit('revoke', {
      ...(result.recordId ? { recordId: result.recordId } : {}),
      after: { code: result.code, ...revocation },
    });
  });
}
