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
export function appendAudit(action: AuditAction, details: AuditDetails = {}): Promise<AuditEntry> {
  return db.transaction('rw', db.audit, async () => {
    const last = await db.audit.orderBy('seq').last();
    const { userId, displayName, station } = actingUser();
    const entry = nextAuditEntry(last, {
      at: Date.now(),
      userId,
      ...(displayName ? { userName: displayName } : {}),
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
