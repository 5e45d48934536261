import { db } from '../db/database';

const BATCH = 500;

/**
 * Sends rows numbered in order (the audit trail's entries, the inventory counts) that Central
 * has not had yet, a batch at a time, oldest first. How far it got is kept in `meta` under
 * `key` once Central answers; `send` returns the number reached. Central stores what it
 * already has once, so a batch sent again after a lost answer is harmless.
 */
export async function sendInOrder<T>(
  key: string,
  after: (sent: number, limit: number) => Promise<T[]>,
  send: (rows: T[]) => Promise<number>,
): Promise<number> {
  let sent = ((await db.meta.get(key))?.value as number | undefined) ?? 0;
  for (;;) {
    const rows = await after(sent, BATCH);
    if (rows.length === 0) return sent;
    sent = await send(rows);
    await db.meta.put({ key, value: sent });
  }
}
