import { AppError } from '../../src-shared/errors/app-error';
import { IMPORT_CHUNK_BYTES } from '../../src-shared/ipc/contract';
import { appendAudit } from '../audit/audit-log';
import { db } from '../db/database';
import { station } from '../station/station';
import { metaOf } from '../sync/sync-record';

/**
 * Writes every approved record still waiting for Central into a transfer bundle in `folder`
 * (removable media): their signed files, then the manifest main signs. The records stay in
 * the outbox: they count as synced only when Central's receipts come back (or the network
 * does, and the sync sends them; Central stores each once either way).
 */
export async function exportTransfer(
  folder: string,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<{ path: string; records: number; bytes: number }> {
  const waiting = await db.outbox.where('status').anyOf('pending', 'uploading').toArray();
  const records = [];
  for (const row of waiting) {
    const { code, meta, approval, document } = await metaOf(row.recordId);
    if (document.pdf) records.push({ code, meta, approval, document, pdf: document.pdf });
  }
  if (records.length === 0) throw new AppError('transfer.nothingToSend');
  const { bundleId } = await station.transfer.begin({ folder });
  for (const [index, record] of records.entries()) {
    let offset = 0;
    do {
      const part = new Uint8Array(await record.pdf.slice(offset, offset + IMPORT_CHUNK_BYTES).arrayBuffer());
      const last = offset + part.length >= record.pdf.size;
      await station.transfer.file({
        bundleId,
        sha256: record.document.sha256,
        offset,
        data: part,
        last,
      });
      offset += part.length;
    } while (offset < record.pdf.size);
    onProgress(index + 1, records.length);
  }
  const done = await station.transfer.finish({
    bundleId,
    records: records.map(({ code, meta, approval, document }) => ({
      code,
      sha256: document.sha256,
      bytes: document.bytes,
      meta,
      approval,
    })),
  });
  // Personal data left the station on removable media: the trail says what and where.
  await appendAudit('transfer', {
    after: { path: done.path, records: records.map((record) => record.code) },
  });
  return done;
}
