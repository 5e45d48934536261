import type { BackupReason, SnapshotSummary } from '../../src-shared/backup/backup-manifest';
import { IMPORT_CHUNK_BYTES } from '../../src-shared/ipc/contract';
import type { StationClient } from '../../src-shared/ipc/station-api';
import { toAppError } from '../../src-shared/errors/app-error';
import type { StationDb } from '../db/station-db';
import { databasePieces } from './database-pieces';

export type BackupPort = Pick<StationClient, 'backup'>;
export interface BackupProgress {
  sentBytes: number;
  totalBytes: number;
}

const ASK_AT_ONCE = 2000;
/** Pieces sent at once (main takes up to 8). */
const IN_FLIGHT = 8;

/**
 * One backup: main begins (and writes its own part), the renderer reads IndexedDB in one
 * transaction, asks which pieces the folder lacks, sends those in parts, and closes the
 * snapshot. Whatever fails, the previous snapshot stays whole: a snapshot is written last.
 */
export async function runBackup(
  db: StationDb,
  port: BackupPort,
  reason: BackupReason,
  onProgress: (progress: BackupProgress) => void = () => undefined,
): Promise<SnapshotSummary> {
  const { sessionId } = await port.backup.begin({ reason });
  try {
    // Timings for DevTools and bench/backup: reading IndexedDB, asking main, sending.
    const started = performance.now();
    const pieces = await databasePieces(db);
    const read = performance.now();
    performance.measure('backup.read', { start: started, end: read });
    const chunks = Object.values(pieces.tables).flatMap((table) => table.chunks);
    const all = [
      ...chunks.map((chunk) => ({ sha256: chunk.sha256, bytes: chunk.bytes.length })),
      ...pieces.blobs,
    ];
    const missing = new Set<string>();
    for (let start = 0; start < all.length; start += ASK_AT_ONCE) {
      const sha256s = all.slice(start, start + ASK_AT_ONCE).map((piece) => piece.sha256);
      for (const sha256 of (await port.backup.missing({ sessionId, sha256s })).missing) missing.add(sha256);
    }
    const asked = performance.now();
    performance.measure('backup.ask', { start: read, end: asked });
    const sizes = new Map(all.map((piece) => [piece.sha256, piece.bytes]));
    const totalBytes = [...missing].reduce((sum, sha256) => sum + sizes.get(sha256)!, 0);
    let sentBytes = 0;
    let shown = 0;
    const send = async (
      sha256: string,
      size: number,
      slice: (start: number, end: number) => Promise<Uint8Array<ArrayBuffer>>,
    ) => {
      let offset = 0;
      do {
        const part = await slice(offset, Math.min(size, offset + IMPORT_CHUNK_BYTES));
        const last = offset + part.length >= size;
        await port.backup.put({ sessionId, sha256, offset, data: part, last });
        offset += part.length;
        sentBytes += part.length;
        // A few times a second is enough for a progress bar (each update is a render).
        if (performance.now() - shown > 250 || sentBytes === totalBytes) {
          shown = performance.now();
          onProgress({ sentBytes, totalBytes });
        }
      } while (offset < size);
    };
    // Each missing piece once (two chunks may have the same bytes), chunks first.
    const tasks = new Map<string, () => Promise<void>>();
    for (const chunk of chunks) {
      if (!missing.has(chunk.sha256) || tasks.has(chunk.sha256)) continue;
      tasks.set(chunk.sha256, () =>
        send(chunk.sha256, chunk.bytes.length, (start, end) =>
          Promise.resolve(chunk.bytes.slice(start, end)),
        ),
      );
    }
    for (const blob of pieces.blobs) {
      if (!missing.has(blob.sha256) || tasks.has(blob.sha256)) continue;
      tasks.set(blob.sha256, () =>
        send(
          blob.sha256,
          blob.bytes,
          async (start, end) => new Uint8Array(await blob.blob.slice(start, end).arrayBuffer()),
        ),
      );
    }
    const queue = [...tasks.values()];
    // A few pieces in flight at once: each round trip's wait overlaps the others' work.
    const senders = Array.from({ length: Math.min(IN_FLIGHT, queue.length) }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await next();
    });
    await Promise.all(senders);
    const sent = performance.now();
    performance.measure('backup.send', { start: asked, end: sent });
    return await port.backup.commit({
      sessionId,
      database: {
        schemaVersion: pieces.schemaVersion,
        tables: Object.fromEntries(
          Object.entries(pieces.tables).map(([name, table]) => [
            name,
            {
              rows: table.rows,
              chunks: table.chunks.map((chunk) => ({ sha256: chunk.sha256, bytes: chunk.bytes.length })),
            },
          ]),
        ),
        blobs: pieces.blobs.map(({ sha256, bytes }) => ({ sha256, bytes })),
        counts: pieces.counts,
      },
    });
  } catch (error) {
    // Main has already dropped the session when it failed itself; otherwise it keeps the reason.
    await port.backup.abandon({ sessionId, error: toAppError(error).toData() }).catch(() => undefined);
    throw error;
  }
}
