import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskBlobStore, type BlobStore } from '../../../src-server/storage/blob-store';
import { s3BlobStore } from '../../../src-server/storage/s3-blob-store';
import { databaseStaging, diskStaging, type UploadStaging } from '../../../src-server/storage/upload-staging';
import { migrate } from '../../../src-server/db/migrations';
import type { Database } from '../../../src-server/db/database';
import { emptyDatabase } from '../../support/central';
import { startS3Server } from '../../support/s3-server';
import { makeTempDir } from '../../support/temp-dir';

/**
 * Central's stores, each held to the same contract: the record files (on disk, or in an
 * S3-compatible object store served by s3rver) and the uploads' staging (part files, or rows in
 * the database that several Central processes share).
 */
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe.each(['disk', 's3'] as const)('the %s blob store', (kind) => {
  const dir = makeTempDir('sohoa-blobs-');
  let s3: Awaited<ReturnType<typeof startS3Server>> | null = null;
  let store: BlobStore;
  beforeAll(async () => {
    if (kind === 's3') s3 = await startS3Server();
    store = kind === 's3' ? s3BlobStore({ ...s3!.options, prefix: 'central/' }) : diskBlobStore(dir.path);
  });
  afterAll(async () => {
    await s3?.close();
    dir.remove();
  });

  it('keeps a file by its SHA-256 and gives back its exact bytes', async () => {
    const file = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(3 * 1024 * 1024)]);
    expect(await store.has(sha(file))).toBe(false);
    await store.put(sha(file), file);
    expect(await store.has(sha(file))).toBe(true);
    expect((await buffer(await store.read(sha(file)))).equals(file)).toBe(true);
    expect(store.kind).toBe(kind);
  });

  it('stores the same file twice as one, and refuses to read a file it does not hold', async () => {
    const file = Buffer.from('%PDF-1.7 the same record sent again');
    await store.put(sha(file), file);
    await store.put(sha(file), file);
    expect((await buffer(await store.read(sha(file)))).toString()).toBe(file.toString());
    await expect(store.read('0'.repeat(64)).then(buffer)).rejects.toThrow();
  });
});

describe.each(['disk', 'database'] as const)('uploads staged on %s', (kind) => {
  const dir = makeTempDir('sohoa-staging-');
  let db: Database;
  let staging: UploadStaging;
  /** An upload's row, as `begin` makes it (database staging hangs its chunks on it). */
  const upload = async (bytes: number) => {
    const id = randomUUID();
    const [station] = await db.query<{ id: string }>('SELECT id FROM stations LIMIT 1');
    await db.query(
      `INSERT INTO uploads (id, station_id, code, sha256, bytes, meta, created_at, touched_at)
         VALUES ($1, $2, $3, $4, $5, '{}', now(), now())`,
      [id, station!.id, `CODE-${id}`, 'a'.repeat(64), bytes],
    );
    return id;
  };
  beforeAll(async () => {
    db = await emptyDatabase('pglite', dir.path);
    await migrate(db);
    await db.query(
      `INSERT INTO stations (id, number, name, secret_hash, enrolled_at) VALUES ($1, '001', 'Trạm', 'x', now())`,
      [randomUUID()],
    );
    staging = kind === 'database' ? databaseStaging(db) : diskStaging(join(dir.path, 'uploads'), db);
  });
  afterAll(async () => {
    await db.close();
    dir.remove();
  });

  it('appends chunks only where the upload stands, never past its end, and gives the file back whole', async () => {
    const file = randomBytes(5000);
    const id = await upload(file.length);
    expect(await staging.size(id)).toBe(0);
    expect(await staging.append(id, 0, file.subarray(0, 2000), file.length, new Date())).toBe(2000);
    await expect(
      staging.append(id, 0, file.subarray(0, 2000), file.length, new Date()),
    ).rejects.toMatchObject({
      code: 'uploadOffset',
      detail: { received: 2000 },
    });
    await expect(staging.append(id, 2000, Buffer.alloc(4000), file.length, new Date())).rejects.toMatchObject(
      {
        code: 'sizeMismatch',
      },
    );
    expect(await staging.append(id, 2000, file.subarray(2000), file.length, new Date())).toBe(5000);
    expect((await staging.read(id)).equals(file)).toBe(true);
    await staging.discard(id);
    expect(await staging.size(id)).toBe(0);
  });

  it('takes two chunks for the same place one after the other: one lands, the other is told where it stands', async () => {
    const id = await upload(10);
    const results = await Promise.allSettled([
      staging.append(id, 0, Buffer.from('abcde'), 10, new Date()),
      staging.append(id, 0, Buffer.from('ABCDE'), 10, new Date()),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await staging.size(id)).toBe(5);
  });
});
