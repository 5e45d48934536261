import { createReadStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where Central keeps record files: by content (SHA-256), so a file is stored once however
 * often it is sent. An interface, so that an S3-compatible store can stand in for the disk.
 */
export interface BlobStore {
  /** Takes a complete, checked file from `path` (moved, not copied) as the blob `sha256`. */
  adopt(sha256: string, path: string): Promise<void>;
  has(sha256: string): Promise<boolean>;
  read(sha256: string): Readable;
}

/** Files under `root/ab/cd/<sha256>`; a file appears there whole or not at all (rename). */
export function diskBlobStore(root: string): BlobStore {
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  return {
    async adopt(sha256, path) {
      const target = pathOf(sha256);
      await mkdir(join(target, '..'), { recursive: true });
      await rename(path, target);
    },
    has: (sha256) =>
      stat(pathOf(sha256)).then(
        () => true,
        () => false,
      ),
    read: (sha256) => createReadStream(pathOf(sha256)),
  };
}
