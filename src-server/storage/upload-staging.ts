import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database, Queryable } from '../db/database';
import { CentralError } from '../http/central-error';

/**
 * Where an upload's chunks wait until the file is complete. On disk (one Central process: part
 * files, flushed per chunk), or in the database (several processes over one PostgreSQL behind a
 * load balancer: each chunk a row, appended under a lock on its upload's row, so whichever process
 * a chunk reaches knows where the upload stands).
 */
export interface UploadStaging {
  readonly kind: 'disk' | 'database';
  /** Bytes received so far. */
  size(uploadId: string): Promise<number>;
  /**
   * Appends `data` at `offset` if that is exactly where the upload stands (else `uploadOffset`),
   * and not past `total`, and marks the upload touched at `now` (abandoned ones are swept);
   * returns the bytes received after it.
   */
  append(uploadId: string, offset: number, data: Buffer, total: number, now: Date): Promise<number>;
  /** The whole file received. */
  read(uploadId: string): Promise<Buffer>;
  discard(uploadId: string): Promise<void>;
  /** Drops what no open upload owns any more and nobody touched since `before`. */
  sweepOrphans(open: ReadonlySet<string>, before: Date): Promise<number>;
}

const isDiskFull = (error: unknown) =>
  ['ENOSPC', 'EDQUOT'].includes((error as NodeJS.ErrnoException | undefined)?.code ?? '');

const offsetError = (received: number) =>
  new CentralError('uploadOffset', `Central has ${received} bytes of this upload`, { received });

const pastEnd = (total: number) =>
  new CentralError('sizeMismatch', `the upload is ${total} bytes, this chunk goes past it`);

/**
 * Part files in `dir`, for one Central process: its chunks of one upload are appended one at a
 * time (several processes must not share the folder: nothing orders them across processes).
 * A chunk is not flushed on its own: what a crash loses of a part file makes the upload's hash
 * fail at completion, and it starts again; the whole file is flushed once, as a blob.
 */
export function diskStaging(dir: string, db: Queryable): UploadStaging {
  const partOf = (uploadId: string) => join(dir, `${uploadId}.part`);
  const appending = new Map<string, Promise<unknown>>();
  const oneAtATime = <T>(uploadId: string, work: () => Promise<T>): Promise<T> => {
    const run = (appending.get(uploadId) ?? Promise.resolve()).catch(() => undefined).then(work);
    appending.set(uploadId, run);
    void run
      .finally(() => appending.get(uploadId) === run && appending.delete(uploadId))
      .catch(() => undefined);
    return run;
  };
  const sizeOf = (path: string) =>
    stat(path).then(
      (info) => info.size,
      () => 0,
    );
  return {
    kind: 'disk',
    size: (uploadId) => sizeOf(partOf(uploadId)),
    append: (uploadId, offset, data, total, now) =>
      oneAtATime(uploadId, async () => {
        const path = partOf(uploadId);
        const received = await sizeOf(path);
        if (offset !== received) throw offsetError(received);
        if (received + data.length > total) throw pastEnd(total);
        await mkdir(dir, { recursive: true });
        const handle = await open(path, 'a');
        try {
          await handle.write(data);
        } catch (error) {
          // Whatever part of the chunk reached the disk is cut off again: the offset stays true.
          await handle.truncate(received).catch(() => undefined);
          if (isDiskFull(error)) throw new CentralError('uploadSpaceFull', 'Central has no disk space left');
          throw error;
        } finally {
          await handle.close();
        }
        await db.query('UPDATE uploads SET touched_at = $2 WHERE id = $1', [uploadId, now]);
        return received + data.length;
      }),
    read: (uploadId) => readFile(partOf(uploadId)),
    discard: (uploadId) => rm(partOf(uploadId), { force: true }),
    async sweepOrphans(open, before) {
      let swept = 0;
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        if (!name.endsWith('.part') || open.has(name.slice(0, -5))) continue;
        const path = join(dir, name);
        const touched = await stat(path).then(
          (info) => info.mtimeMs,
          () => Infinity,
        );
        if (touched < before.getTime()) {
          await rm(path, { force: true });
          swept += 1;
        }
      }
      return swept;
    },
  };
}

/** Chunks as rows of `upload_chunks`, shared by every Central process over the same PostgreSQL. */
export function databaseStaging(db: Database): UploadStaging {
  const sizeIn = async (queryable: Queryable, uploadId: string) =>
    Number(
      (
        await queryable.query<{ received: string | null }>(
          'SELECT sum(length(data)) AS received FROM upload_chunks WHERE upload_id = $1',
          [uploadId],
        )
      )[0]?.received ?? 0,
    );
  return {
    kind: 'database',
    size: (uploadId) => sizeIn(db, uploadId),
    append(uploadId, offset, data, total, now) {
      return db.transaction(async (tx) => {
        // The upload's row is the lock (and touched): two processes given chunks of one upload take turns.
        const [upload] = await tx.query<{ id: string }>(
          'UPDATE uploads SET touched_at = $2 WHERE id = $1 RETURNING id',
          [uploadId, now],
        );
        if (!upload) throw new CentralError('notFound', 'no such upload');
        const received = await sizeIn(tx, uploadId);
        if (offset !== received) throw offsetError(received);
        if (received + data.length > total) throw pastEnd(total);
        await tx.query('INSERT INTO upload_chunks (upload_id, position, data) VALUES ($1, $2, $3)', [
          uploadId,
          offset,
          data,
        ]);
        return received + data.length;
      });
    },
    async read(uploadId) {
      const rows = await db.query<{ data: Uint8Array }>(
        'SELECT data FROM upload_chunks WHERE upload_id = $1 ORDER BY position',
        [uploadId],
      );
      return Buffer.concat(
        rows.map((row) => Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength)),
      );
    },
    async discard(uploadId) {
      await db.query('DELETE FROM upload_chunks WHERE upload_id = $1', [uploadId]);
    },
    async sweepOrphans() {
      // Chunks go with their upload's row (ON DELETE CASCADE): nothing is left to sweep.
      return 0;
    },
  };
}
