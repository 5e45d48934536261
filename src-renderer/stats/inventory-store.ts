import type { InventoryCountInput } from '../../src-shared/stats/inventory';
import { appendAudit } from '../audit/audit-log';
import { db } from '../db/database';
import { actingUser } from '../session/acting-user';

/** Stores inventory counts (entered or imported), in the name of who entered them, with the audit entry. */
export async function addInventoryCounts(counts: readonly InventoryCountInput[]): Promise<number> {
  const { userId, displayName } = actingUser();
  const now = Date.now();
  await db.transaction('rw', db.inventory, db.audit, async () => {
    await db.inventory.bulkAdd(
      counts.map((count) => ({ ...count, enteredBy: userId, enteredByName: displayName, enteredAt: now })),
    );
    await appendAudit('inventory', { after: { counts: counts.length, first: counts[0] } });
  });
  return counts.length;
}
