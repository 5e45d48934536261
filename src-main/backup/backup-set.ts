import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { snapshotManifestSchema, type SnapshotManifest } from '../../src-shared/backup/backup-manifest';
import { AppError } from '../../src-shared/errors/app-error';
import type { SetKeys } from './backup-crypto';

/**
 * A backup set on disk (a USB drive, a network share): `backup.json` (the data key wrapped
 * under the recovery passphrase), `objects/` (encrypted pieces named by an HMAC of their
 * SHA-256) and `snapshots/` (encrypted manifests). Every file is written to `tmp/`, flushed
 * and renamed into place, so a pulled USB drive leaves whole files or none.
 */
export const SET_PREFIX = 'SoHoa-backup-';

export const setHeaderSchema = z.object({
  format: z.literal(1),
  setId: z.string().regex(/^[0-9a-f-]{36}$/),
  createdAt: z.number().int(),
  stationNumber: z.string(),
  stationName: z.string(),
  kdf: z.object({
    name: z.literal('scrypt'),
    salt: z.string(),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
  }),
  /** The data key under the passphrase's key: `<iv>.<tag>.<ciphertext>`. */
  wrappedKey: z.string(),
});
export type SetHeader = z.infer<typeof setHeaderSchema>;

const HEADER = 'backup.json';
const SNAPSHOT_EXT = '.snap';

/** Turns what the file system said into the admin's words: gone, full, or refused. */
export function folderError(error: unknown, folder: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const detail = `${folder}: ${String(error)}`;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('backup.folderFull', { detail });
  return new AppError('backup.folderUnavailable', { params: { folder }, detail });
}

/** The folder the admin chose is not there (a USB drive not plugged in, a share not mounted). */
export const folderMissing = (folder: string) =>
  new AppError('backup.folderUnavailable', { params: { folder }, detail: `${folder}: no such folder` });

export const setFolderName = (setId: string) => `${SET_PREFIX}${setId}`;

/** The set in `path`: the set's own folder, or a folder holding exactly one set. */
export async function findSetFolder(path: string): Promise<string> {
  if (existsSync(join(path, HEADER))) return path;
  let entries: string[];
  try {
    entries = await readdir(path);
  } catch (error) {
    throw folderError(error, path);
  }
  const sets = entries.filter((name) => name.startsWith(SET_PREFIX) && existsSync(join(path, name, HEADER)));
  if (sets.length === 1) return join(path, sets[0]!);
  if (sets.length === 0) throw new AppError('backup.noBackup', { params: { folder: path } });
  throw new AppError('backup.severalSets', { params: { folder: path, count: sets.length } });
}

export async function readSetHeader(folder: string): Promise<SetHeader> {
  let text: string;
  try {
    text = await readFile(join(folder, HEADER), 'utf8');
  } catch (error) {
    throw folderError(error, folder);
  }
  try {
    return setHeaderSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new AppError('backup.damaged', { detail: `${HEADER}: ${String(error)}` });
  }
}

async function writeAtomically(folder: string, target: string, parts: (file: FileHandle) => Promise<void>) {
  const temp = join(folder, 'tmp', `${randomUUID()}.part`);
  const file = await open(temp, 'wx');
  try {
    await parts(file);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, target);
}

export async function createSetFolder(parent: string, header: SetHeader): Promise<string> {
  const folder = join(parent, setFolderName(header.setId));
  try {
    await mkdir(join(folder, 'tmp'), { recursive: true });
    await mkdir(join(folder, 'objects'), { recursive: true });
    await mkdir(join(folder, 'snapshots'), { recursive: true });
    await writeAtomically(folder, join(folder, HEADER), (file) =>
      file.writeFile(JSON.stringify(header, null, 2)).then(() => undefined),
    );
  } catch (error) {
    throw folderError(error, parent);
  }
  return folder;
}

/** Rewrites the header (a new passphrase wraps the same data key). */
export async function writeSetHeader(folder: string, header: SetHeader): Promise<void> {
  try {
    await writeAtomically(folder, join(folder, HEADER), (file) =>
      file.writeFile(JSON.stringify(header, null, 2)).then(() => undefined),
    );
  } catch (error) {
    throw folderError(error, folder);
  }
}

export interface PieceWriter {
  write(chunk: Buffer): Promise<void>;
  /** Checks the bytes against the SHA-256 they were announced with, then puts the piece in place. */
  finish(): Promise<number>;
  abort(): Promise<void>;
}

export interface BackupSet {
  readonly folder: string;
  has(sha256: string): boolean;
  writePiece(sha256: string): Promise<PieceWriter>;
  writePieceBytes(sha256: string, bytes: Buffer): Promise<number>;
  readPiece(sha256: string): Promise<Buffer>;
  writeSnapshot(manifest: SnapshotManifest): Promise<void>;
  snapshotIds(): Promise<string[]>;
  readSnapshot(id: string): Promise<SnapshotManifest>;
  deleteSnapshot(id: string): Promise<void>;
  /** Pieces no kept snapshot names: removed after a snapshot is written. */
  collect(keep: Set<string>): Promise<number>;
}

export async function openBackupSet(folder: string, keys: SetKeys): Promise<BackupSet> {
  const objectsDir = join(folder, 'objects');
  const snapshotsDir = join(folder, 'snapshots');
  const objectPath = (name: string) => join(objectsDir, name.slice(0, 2), name);
  const present = new Set<string>();
  // The two-character folders already made: one mkdir per folder, not per piece.
  const prefixes = new Set<string>();
  try {
    await mkdir(join(folder, 'tmp'), { recursive: true });
    // Parts left by a backup cut short (a pulled drive) are of no use to anyone.
    for (const name of await readdir(join(folder, 'tmp')))
      await rm(join(folder, 'tmp', name), { force: true });
    await mkdir(objectsDir, { recursive: true });
    await mkdir(snapshotsDir, { recursive: true });
    for (const prefix of await readdir(objectsDir)) {
      prefixes.add(prefix);
      for (const name of await readdir(join(objectsDir, prefix))) present.add(name);
    }
  } catch (error) {
    throw folderError(error, folder);
  }

  const ensurePrefix = async (name: string) => {
    const prefix = name.slice(0, 2);
    if (prefixes.has(prefix)) return;
    await mkdir(join(objectsDir, prefix), { recursive: true });
    prefixes.add(prefix);
  };

  /**
   * A piece streams in, encrypted as it comes. Each encrypted part is held until the next
   * one (or the tag) arrives, so a piece that comes in one part (most do) costs one open,
   * one write and one flush: the flushes, not the cipher, are what a backup waits on.
   */
  const writePiece = async (sha256: string): Promise<PieceWriter> => {
    const name = keys.objectName(sha256);
    const sealer = keys.sealer(name);
    const hash = createHash('sha256');
    const temp = join(folder, 'tmp', `${randomUUID()}.part`);
    let file: FileHandle;
    try {
      file = await open(temp, 'wx');
    } catch (error) {
      throw folderError(error, folder);
    }
    let held: Buffer[] = [sealer.header];
    let holdsCipher = false;
    let bytes = 0;
    const abort = async () => {
      await file.close().catch(() => undefined);
      await rm(temp, { force: true });
    };
    const flushHeld = async (tail: Buffer[] = []) => {
      const parts = [...held, ...tail];
      held = [];
      holdsCipher = false;
      await file.write(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
    };
    return {
      async write(chunk) {
        hash.update(chunk);
        bytes += chunk.length;
        try {
          if (holdsCipher) await flushHeld();
          held.push(sealer.update(chunk));
          holdsCipher = true;
        } catch (error) {
          await abort();
          throw folderError(error, folder);
        }
      },
      async finish() {
        const actual = hash.digest('hex');
        if (actual !== sha256) {
          await abort();
          throw new AppError('backup.pieceMismatch', {
            detail: `piece announced as ${sha256} hashes to ${actual}`,
          });
        }
        try {
          await flushHeld([sealer.final()]);
          // The data and its size, before the rename makes the piece count.
          await file.datasync();
          await file.close();
          await ensurePrefix(name);
          await rename(temp, objectPath(name));
        } catch (error) {
          await abort();
          throw folderError(error, folder);
        }
        present.add(name);
        return bytes;
      },
      abort,
    };
  };

  const snapshotPath = (id: string) => join(snapshotsDir, `${basename(id)}${SNAPSHOT_EXT}`);

  return {
    folder,
    has: (sha256) => present.has(keys.objectName(sha256)),
    writePiece,
    async writePieceBytes(sha256, bytes) {
      const writer = await writePiece(sha256);
      await writer.write(bytes);
      return writer.finish();
    },
    async readPiece(sha256) {
      const name = keys.objectName(sha256);
      let file: Buffer;
      try {
        file = await readFile(objectPath(name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new AppError('backup.damaged', { detail: `piece ${sha256} is missing` });
        }
        throw folderError(error, folder);
      }
      const plain = keys.open(file, name);
      if (createHash('sha256').update(plain).digest('hex') !== sha256) {
        throw new AppError('backup.damaged', { detail: `piece ${sha256} does not match its name` });
      }
      return plain;
    },
    async writeSnapshot(manifest) {
      const sealer = keys.sealer(`snapshot:${manifest.id}`);
      const body = Buffer.from(JSON.stringify(manifest));
      try {
        await writeAtomically(folder, snapshotPath(manifest.id), async (file) => {
          await file.write(Buffer.concat([sealer.header, sealer.update(body), sealer.final()]));
        });
      } catch (error) {
        throw folderError(error, folder);
      }
    },
    async snapshotIds() {
      try {
        return (await readdir(snapshotsDir))
          .filter((name) => name.endsWith(SNAPSHOT_EXT))
          .map((name) => name.slice(0, -SNAPSHOT_EXT.length))
          .sort();
      } catch (error) {
        throw folderError(error, folder);
      }
    },
    async readSnapshot(id) {
      let file: Buffer;
      try {
        file = await readFile(snapshotPath(id));
      } catch (error) {
        throw folderError(error, folder);
      }
      const plain = keys.open(file, `snapshot:${id}`);
      const parsed = snapshotManifestSchema.safeParse(JSON.parse(plain.toString('utf8')));
      if (!parsed.success || parsed.data.id !== id) {
        throw new AppError('backup.damaged', {
          detail: `snapshot ${id}: ${parsed.error?.message ?? 'id differs'}`,
        });
      }
      return parsed.data;
    },
    async deleteSnapshot(id) {
      await rm(snapshotPath(id), { force: true });
    },
    async collect(keep) {
      const keepNames = new Set([...keep].map((sha256) => keys.objectName(sha256)));
      let removed = 0;
      for (const name of [...present]) {
        if (keepNames.has(name)) continue;
        await rm(objectPath(name), { force: true });
        present.delete(name);
        removed += 1;
      }
      return removed;
    },
  };
}

/** Every piece a snapshot names: what must be in the folder for it to restore. */
export function piecesOf(manifest: SnapshotManifest): { sha256: string; bytes: number }[] {
  return [
    manifest.main,
    ...manifest.captureRuns,
    ...Object.values(manifest.database.tables).flatMap((table) => table.chunks),
    ...manifest.database.blobs,
  ];
}
