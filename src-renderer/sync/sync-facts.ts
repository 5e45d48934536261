import { AppError } from '../../src-shared/errors/app-error';
import { db } from '../db/database';
import { station } from '../station/station';
import { sendInOrder } from './send-in-order';

/**
 * Sends the inventory counts entered here that Central has not had yet, oldest first. Each
 * carries its number at this station, so Central stores a count sent twice once.
 */
export const syncInventory = (): Promise<number> =>
  sendInOrder(
    'sync.inventoryId',
    (sent, limit) => db.inventory.where('id').above(sent).limit(limit).toArray(),
    async (rows) => {
      await station.sync.inventory({
        counts: rows.map((row) => ({
          entryId: row.id!,
          departmentCode: row.departmentCode,
          procedureCode: row.procedureCode,
          count: row.count,
          countedAt: row.countedAt,
          enteredBy: row.enteredBy,
          enteredAt: row.enteredAt,
        })),
      });
      return rows.at(-1)!.id!;
    },
  );

/**
 * Sends the revocations Central does not confirm yet. One whose record is not on Central yet
 * waits for it (it goes after the records); Central's refusal is kept for a person. Central
 * answers with the revocation it holds (the first recorded), which the station then shows.
 */
export async function syncRevocations(): Promise<number> {
  const waiting = (await db.revocations.toArray()).filter((row) => !row.syncedAt && !row.refused);
  let sent = 0;
  for (const row of waiting) {
    try {
      const { revocation } = await station.sync.revoke({ attestation: row.attestation });
      await db.revocations.update(row.code, { ...revocation, syncedAt: Date.now() });
      sent += 1;
    } catch (error) {
      const code = error instanceof AppError ? error.code : '';
      if (code === 'sync.notFound') continue;
      if (['sync.conflict', 'sync.rejected', 'sync.forbidden', 'sync.revocationRefused'].includes(code)) {
        await db.revocations.update(row.code, { refused: code });
        continue;
      }
      throw error;
    }
  }
  return sent;
}
