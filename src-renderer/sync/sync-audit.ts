import { db } from '../db/database';
import { station } from '../station/station';

const SENT_KEY = 'sync.auditSeq';
const BATCH = 500;

/**
 * Sends the audit trail's entries Central does not have yet, in order, a batch at a time;
 * Central continues the station's trail only where it left off, so sending one twice is harmless.
 */
export async function syncAuditTrail(): Promise<number> {
  let sent = ((await db.meta.get(SENT_KEY))?.value as number | undefined) ?? 0;
  for (;;) {
    const entries = await db.audit.where('seq').above(sent).limit(BATCH).toArray();
    if (entries.length === 0) return sent;
    const head = await station.sync.audit({ entries });
    sent = head.seq;
    await db.meta.put({ key: SENT_KEY, value: sent });
  }
}
