import type { BackupReason, SnapshotSummary } from '../../src-shared/backup/backup-manifest';
import { IMPORT_CHUNK_BYTES } from '../../src-shared/ipc/contract';
import type { StationClient } from '../../src-shared/ipc/station-api';
import { toAppError } from '../../src-shared/errors/app-error';
import { base64Of } from '../capture/base64';
import type { StationDb } from '../db/station-db';
import { databasePieces } from './database-pieces';

export type BackupPort = Pick<StationClient, 'backup'>;
export interface BackupProgress {
  sentBytes: number;
  totalBytes: number;
}

const ASK_AT_ONCE = 2000;

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
    const pieces = await databasePieces(db);
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
    const totalBytes = all
      .filter((piece) => missing.has(piece.sha256))
      .reduce((sum, piece) => sum + piece.bytes, 0);
    let sentBytes = 0;
    const send = async (
      sha256: string,
      size: number,
      slice: (start: number, end: number) => Promise<Uint8Array>,
    ) => {
      if (!missing.delete(sha256)) return;
      let offset = 0;
      do {
        const part = await slice(offset, Math.min(size, offset + IMPORT_CHUNK_BYTES));
        const last = offset + part.length >= size;
        await port.backup.put({ sessionId, sha256, offset, dataBase64: base64Of(part), last });
        offset += part.length;
        sentBytes += part.length;
        onProgress({ sentBytes, totalBytes });
      } while (offset < size);
    };
    for (const chunk of chunks) {
      await send(chunk.sha256, chunk.bytes.length, (start, end) =>
        Promise.resolve(chunk.bytes.subarray(start, end)),
      );
    }
    for (const blob of pieces.blobs) {
      await send(
        blob.sha256,
        blob.bytes,
        async (start, end) => new Uint8Array(await blob.blob.slice(start, end).arrayBuffer()),
      );
    }
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
