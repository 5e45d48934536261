import { db } from '../db/database';
import { station } from '../station/station';
import { sendInOrder } from './send-in-order';

/**
 * Sends the audit trail's entries Central does not have yet, in order, a batch at a time;
 * Central continues the station's trail only where it left off, so sending one twice is harmless.
 */
export const syncAuditTrail = (): Promise<number> =>
  sendInOrder(
    'sync.auditSeq',
    (sent, limit) => db.audit.where('seq').above(sent).limit(limit).toArray(),
    async (entries) => (await station.sync.audit({ entries })).seq,
  );
