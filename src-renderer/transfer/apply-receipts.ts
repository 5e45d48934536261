import { db } from '../db/database';
import { station } from '../station/station';
import { commitReceipt } from '../sync/sync-record';

/**
 * Central's receipts from an imported transfer bundle: main keeps only those Central signed
 * for this station; each marks its record synced exactly as the sync does (receipt, status,
 * outbox and audit in one transaction), and only if it names the record's own file. Records
 * Central did not receipt stay queued, whatever else the file says.
 */
export async function applyTransferReceipts(path: string) {
  const { receipts, invalid, refused } = await station.transfer.receipts({ path });
  let marked = 0;
  let already = 0;
  for (const receipt of receipts) {
    const record = await db.records.where('code').equals(receipt.code).first();
    const document = record ? await db.documents.get(record.id) : undefined;
    if (!record || !document || document.sha256 !== receipt.sha256 || document.bytes !== receipt.bytes)
      continue;
    if (record.status === 'synced') {
      already += 1;
      continue;
    }
    const row = await db.outbox.where('recordId').equals(record.id).first();
    if (!row) continue;
    await commitReceipt(row, receipt);
    marked += 1;
  }
  return { marked, already, invalid, refused };
}
