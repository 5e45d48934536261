import { nextAuditEntry, type AuditAction, type AuditEntry } from '../../src-shared/audit/audit-chain';
import { db } from '../db/database';
import { actingUser } from '../session/acting-user';

export interface AuditDetails {
  recordId?: string;
  batchId?: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one entry to the audit trail, chained to the last by SHA-256. Called inside the
 * transaction that makes the change (which must include `db.audit`), so the change and its
 * entry are stored together or not at all; alone, it runs in a transaction of its own.
 */
export function appendAudit(
  action: AuditAction,
  details: AuditDetails = {},
  /** Who acted and when, if not the signed-in user now (a change main journaled). */
  by?: { userId: string; userName?: string; at: number },
): Promise<AuditEntry> {
  return db.transaction('rw', db.audit, async () => {
    const last = await db.audit.orderBy('seq').last();
    const acting = actingUser();
    const userId = by?.userId ?? acting.userId;
    const userName = by ? by.userName : acting.displayName;
    const { station } = acting;
    const entry = nextAuditEntry(last, {
      at: by?.at ?? Date.now(),
      userId,
      ...(userName ? { userName } : {}),
      station,
      action,
      ...details,
    });
    await db.audit.add(entry);
    return entry;
  });
}

/** The trail in its stored order, for the verifier and the audit screen. */
export const auditTrail = (): Promise<AuditEntry[]> => db.audit.orderBy('seq').toArray();
