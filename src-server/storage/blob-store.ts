import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where Central keeps record files: by content (SHA-256), so a file is stored once however
 * often it is sent. One interface, two stores chosen by configuration: the disk (one Central
 * process, or several sharing a folder) and an S3-compatible object store (MinIO, Ceph RGW, a
 * government cloud) for millions of records and several Central processes.
 */
export interface BlobStore {
  readonly kind: 'disk' | 's3';
  /** Stores a complete, checked file as the blob `sha256`, durably, before its row is written. */
  put(sha256: string, data: Buffer): Promise<void>;
  has(sha256: string): Promise<boolean>;
  /** The blob's bytes as a stream; a missing blob is an error. */
  read(sha256: string): Promise<Readable>;
}

/** Files under `root/ab/cd/<sha256>`; a file appears there whole or not at all (written aside, flushed, renamed). */
export function diskBlobStore(root: string): BlobStore {
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  return {
    kind: 'disk',
    async put(sha256, data) {
      const target = pathOf(sha256);
      await mkdir(join(target, '..'), { recursive: true });
      const aside = `${target}.${process.pid}.tmp`;
      const handle = await open(aside, 'w');
      try {
        await handle.writeFile(data);
        await handle.datasync();
      } catch (error) {
        await handle.close();
        await rm(aside, { force: true });
        throw error;
      }
      await handle.close();
      await rename(aside, target);
    },
    has: (sha256) =>
      stat(pathOf(sha256)).then(
        () => true,
        () => false,
      ),
    async read(sha256) {
      await stat(pathOf(sha256));
      return createReadStream(pathOf(sha256));
    },
  };
}
