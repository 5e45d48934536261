import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import {
  summaryOf,
  type PendingRestore,
  type SnapshotManifest,
  type SnapshotSummary,
} from '../../src-shared/backup/backup-manifest';
import { DATABASE_SCHEMA_VERSION } from '../../src-shared/backup/database-version';
import { AppError } from '../../src-shared/errors/app-error';
import type { Logger } from '../platform/logger';
import type { SecretBox } from '../services/secrets/secret-box';
import type { JsonStore } from '../services/store/json-store';
import { setKeys } from './backup-crypto';
import type { backupDocumentSchema } from './backup-document';
import { folderError, openBackupSet, piecesOf, type BackupSet } from './backup-set';
import { importMainDocuments, mainDocumentsSchema, writeCaptureRunFile } from './main-state';
import { unlockSet, type UnlockedSet } from './set-access';

const pendingSchema = z.object({ snapshotId: z.string(), sealedKey: z.string() });

/** Pieces are handed to the renderer in parts of this size (as imports and sync move files). */
export const RESTORE_CHUNK_BYTES = 2 * 1024 * 1024;

export interface RestoreServiceDeps {
  dataDir: string;
  secrets: SecretBox;
  store: JsonStore<z.infer<typeof backupDocumentSchema>>;
  log: Logger;
  /** Services that cached what the restore replaced (the attestation key) forget it. */
  onRestored: () => void;
}

/**
 * Restores a station from a backup set, in two halves. Main's half (this file): check the
 * passphrase, read and check every piece of the snapshot, and only then copy the pieces
 * IndexedDB needs into the data folder, write main's documents and capture runs back and
 * leave the restore pending. The renderer's half loads the tables from the staged copy
 * (the USB drive may be gone by then) and says when it is done. A wrong passphrase or a
 * damaged piece stops the first half before anything is written.
 */
export function createRestoreService(deps: RestoreServiceDeps) {
  const stagingDir = join(deps.dataDir, 'restore');
  const pendingPath = join(stagingDir, 'pending.json');
  let staged: { set: BackupSet; manifest: SnapshotManifest } | null = null;
  let cached: { sha256: string; bytes: Buffer } | null = null;
  let restoring = false;

  const chooseSnapshot = async (unlocked: UnlockedSet, snapshotId?: string) => {
    const set = await openBackupSet(unlocked.folder, unlocked.keys);
    const ids = await set.snapshotIds();
    const id = snapshotId ?? ids.at(-1);
    if (!id || !ids.includes(id)) {
      throw new AppError('backup.noBackup', {
        params: { folder: unlocked.folder },
        detail: `snapshot ${id}`,
      });
    }
    return { set, manifest: await set.readSnapshot(id) };
  };

  /** Reads every piece: what `verify` reports, and what a restore checks before writing. */
  const checkAll = async (set: BackupSet, manifest: SnapshotManifest) => {
    let bytes = 0;
    for (const piece of piecesOf(manifest)) bytes += (await set.readPiece(piece.sha256)).length;
    return bytes;
  };

  const openStaged = async () => {
    if (staged) return staged;
    if (!existsSync(pendingPath)) return null;
    const pending = pendingSchema.parse(JSON.parse(await readFile(pendingPath, 'utf8')));
    const keys = setKeys(Buffer.from(deps.secrets.open(pending.sealedKey), 'base64'));
    const set = await openBackupSet(join(stagingDir, 'set'), keys);
    staged = { set, manifest: await set.readSnapshot(pending.snapshotId) };
    return staged;
  };

  return {
    async snapshots(folder: string, passphrase: string): Promise<SnapshotSummary[]> {
      const unlocked = await unlockSet(folder, passphrase);
      const set = await openBackupSet(unlocked.folder, unlocked.keys);
      const summaries = [];
      for (const id of (await set.snapshotIds()).reverse())
        summaries.push(summaryOf(await set.readSnapshot(id)));
      return summaries;
    },

    async verify(folder: string, passphrase: string, snapshotId?: string) {
      const { set, manifest } = await chooseSnapshot(await unlockSet(folder, passphrase), snapshotId);
      const bytes = await checkAll(set, manifest);
      return { snapshot: summaryOf(manifest), pieces: piecesOf(manifest).length, bytes };
    },

    async restore(folder: string, passphrase: string, snapshotId?: string): Promise<SnapshotSummary> {
      if (restoring || existsSync(pendingPath)) throw new AppError('backup.busy');
      restoring = true;
      try {
        const unlocked = await unlockSet(folder, passphrase);
        const { set, manifest } = await chooseSnapshot(unlocked, snapshotId);
        if (manifest.database.schemaVersion > DATABASE_SCHEMA_VERSION) {
          throw new AppError('backup.tooNew', { detail: `schema ${manifest.database.schemaVersion}` });
        }
        await checkAll(set, manifest);
        const mainState = mainDocumentsSchema.safeParse(
          JSON.parse((await set.readPiece(manifest.main.sha256)).toString()),
        );
        if (!mainState.success) throw new AppError('backup.damaged', { detail: mainState.error.message });

        // The pieces IndexedDB needs, copied as they are (encrypted) so the drive may leave.
        const target = join(stagingDir, 'set');
        await rm(stagingDir, { recursive: true, force: true });
        try {
          for (const name of ['backup.json', join('snapshots', `${manifest.id}.snap`)]) {
            await mkdir(dirname(join(target, name)), { recursive: true });
            await copyFile(join(unlocked.folder, name), join(target, name));
          }
          const database = [
            ...Object.values(manifest.database.tables).flatMap((table) => table.chunks),
            ...manifest.database.blobs,
          ];
          for (const piece of database) {
            const name = unlocked.keys.objectName(piece.sha256);
            const path = join('objects', name.slice(0, 2), name);
            await mkdir(dirname(join(target, path)), { recursive: true });
            await copyFile(join(unlocked.folder, path), join(target, path));
          }
        } catch (error) {
          await rm(stagingDir, { recursive: true, force: true });
          throw folderError(error, folder);
        }

        await importMainDocuments(deps.dataDir, deps.secrets, mainState.data);
        for (const file of manifest.captureRuns) {
          await writeCaptureRunFile(deps.dataDir, file.path, await set.readPiece(file.sha256));
        }
        const sealedKey = deps.secrets.seal(unlocked.dataKey.toString('base64'));
        // The restored station goes on writing into the same set: its next backup is incremental.
        deps.store.write({
          setId: unlocked.header.setId,
          sealedKey,
          kdf: unlocked.header.kdf,
          wrappedKey: unlocked.header.wrappedKey,
          last: null,
          lastSuccessAt: null,
        });
        await writeFile(pendingPath, JSON.stringify({ snapshotId: manifest.id, sealedKey }));
        staged = null;
        deps.onRestored();
        deps.log.info('restore staged', { snapshot: manifest.id });
        return summaryOf(manifest);
      } finally {
        restoring = false;
      }
    },

    async pending(): Promise<PendingRestore | null> {
      const current = await openStaged();
      if (!current) return null;
      return {
        snapshot: summaryOf(current.manifest),
        schemaVersion: current.manifest.database.schemaVersion,
        tables: current.manifest.database.tables,
      };
    },

    /** A piece of the pending restore, from `offset`, in parts the IPC contract carries. */
    async read(sha256: string, offset: number): Promise<{ data: Buffer; done: boolean }> {
      const current = await openStaged();
      if (!current) throw new AppError('backup.unknownSession', { detail: 'no restore pending' });
      if (cached?.sha256 !== sha256) cached = { sha256, bytes: await current.set.readPiece(sha256) };
      const data = cached.bytes.subarray(offset, offset + RESTORE_CHUNK_BYTES);
      return { data, done: offset + data.length >= cached.bytes.length };
    },

    async done(): Promise<void> {
      staged = null;
      cached = null;
      await rm(stagingDir, { recursive: true, force: true });
    },
  };
}

export type RestoreService = ReturnType<typeof createRestoreService>;
