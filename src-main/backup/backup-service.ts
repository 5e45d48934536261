import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  summaryOf,
  type BackupReason,
  type BackupStatus,
  type DatabaseSnapshot,
  type SnapshotManifest,
  type SnapshotSummary,
} from '../../src-shared/backup/backup-manifest';
import { AppError, toAppError } from '../../src-shared/errors/app-error';
import type { BackupSettings } from '../../src-shared/domain/settings';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { SecretBox } from '../services/secrets/secret-box';
import type { JsonStore } from '../services/store/json-store';
import { deriveKey, newDataKey, newKdfParams, setKeys, wrap } from './backup-crypto';
import type { backupDocumentSchema } from './backup-document';
import {
  createSetFolder,
  folderMissing,
  openBackupSet,
  piecesOf,
  readSetHeader,
  setFolderName,
  writeSetHeader,
  type BackupSet,
  type PieceWriter,
  type SetHeader,
} from './backup-set';
import { exportMainDocuments, readCaptureRuns } from './main-state';
import { checkPassphrase, keyContext } from './set-access';

/** A session the renderer has not touched for this long is dropped (a closed window, a crash). */
const SESSION_IDLE_MS = 15 * 60_000;

export interface BackupServiceDeps {
  dataDir: string;
  secrets: SecretBox;
  store: JsonStore<z.infer<typeof backupDocumentSchema>>;
  settings: () => { backup: BackupSettings; stationNumber: string; stationName: string };
  appVersion: string;
  clock: Clock;
  log: Logger;
}

interface Session {
  id: string;
  reason: BackupReason;
  startedAt: number;
  touchedAt: number;
  set: BackupSet;
  main: { sha256: string; bytes: number };
  captureRuns: { path: string; sha256: string; bytes: number }[];
  newBytes: number;
  /** Pieces arriving now, by SHA-256: the renderer sends a few at once, each in order. */
  open: Map<string, { received: number; writer: PieceWriter }>;
}

/** More pieces in flight than this is not a renderer of ours. */
const MAX_OPEN_PIECES = 8;

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Snapshot ids sort by time: `20261203T091500Z-<random>`. */
const snapshotId = (at: number) =>
  `${new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;

/**
 * Writes backups. Main snapshots what it holds itself (documents, capture runs) when a backup
 * begins, before the renderer reads IndexedDB: a page confirmed in between is then in both
 * (and stored once on restore, by its origin), never in neither. The renderer sends only the
 * pieces the folder lacks, then closes the snapshot with its tables.
 */
export function createBackupService(deps: BackupServiceDeps) {
  let session: Session | null = null;

  const document = () => deps.store.read();
  const dataKey = () => {
    const sealed = document().sealedKey;
    if (!sealed) throw new AppError('backup.noPassphrase');
    return Buffer.from(deps.secrets.open(sealed), 'base64');
  };

  const record = (last: NonNullable<BackupStatus['last']>) => {
    const current = document();
    deps.store.write({ ...current, last, lastSuccessAt: last.ok ? last.at : current.lastSuccessAt });
  };

  const headerOf = (): SetHeader => {
    const current = document();
    const { stationNumber, stationName } = deps.settings();
    if (!current.setId || !current.kdf || !current.wrappedKey) throw new AppError('backup.noPassphrase');
    return {
      format: 1,
      setId: current.setId,
      createdAt: deps.clock(),
      stationNumber,
      stationName,
      kdf: current.kdf,
      wrappedKey: current.wrappedKey,
    };
  };

  /** The set folder under the chosen folder, made on first use; a folder of another set is refused. */
  const openSet = async (): Promise<BackupSet> => {
    const folder = deps.settings().backup.folder;
    if (!folder) throw new AppError('backup.notConfigured');
    const header = headerOf();
    let setFolder = join(folder, setFolderName(header.setId));
    if (existsSync(join(folder, 'backup.json'))) {
      if ((await readSetHeader(folder)).setId !== header.setId) throw new AppError('backup.otherSet');
      setFolder = folder;
    } else if (!existsSync(join(setFolder, 'backup.json'))) {
      if (!existsSync(folder)) throw folderMissing(folder);
      setFolder = await createSetFolder(folder, header);
    }
    return openBackupSet(setFolder, setKeys(dataKey()));
  };

  const live = (id: string): Session => {
    if (!session || session.id !== id || deps.clock() - session.touchedAt > SESSION_IDLE_MS) {
      throw new AppError('backup.unknownSession');
    }
    session.touchedAt = deps.clock();
    return session;
  };

  const end = async () => {
    for (const open of session?.open.values() ?? []) await open.writer.abort();
    session = null;
  };

  const failed = async (reason: BackupReason, startedAt: number, error: unknown) => {
    const appError = toAppError(error);
    deps.log.warn('backup failed', { code: appError.code, detail: appError.detail });
    record({
      at: deps.clock(),
      ok: false,
      reason,
      error: {
        code: appError.code,
        ...(appError.params ? { params: appError.params } : {}),
        ...(appError.detail ? { detail: appError.detail } : {}),
      },
      ms: deps.clock() - startedAt,
    });
    await end();
    return appError;
  };

  /** Old snapshots beyond the number kept go, and so do the pieces only they named. */
  const prune = async (set: BackupSet, keep: number) => {
    const ids = await set.snapshotIds();
    for (const id of ids.slice(0, Math.max(0, ids.length - keep))) await set.deleteSnapshot(id);
    const kept = new Set<string>();
    for (const id of ids.slice(-keep))
      for (const piece of piecesOf(await set.readSnapshot(id))) kept.add(piece.sha256);
    return set.collect(kept);
  };

  return {
    status(): BackupStatus {
      const current = document();
      return {
        passphraseSet: Boolean(current.wrappedKey),
        folder: deps.settings().backup.folder,
        last: current.last,
        lastSuccessAt: current.lastSuccessAt,
      };
    },

    /** Sets (or changes) the recovery passphrase; the first call also makes the set's data key. */
    async setPassphrase(passphrase: string): Promise<BackupStatus> {
      checkPassphrase(passphrase);
      const current = document();
      const setId = current.setId ?? randomUUID();
      const key = current.sealedKey ? dataKey() : newDataKey();
      const kdf = newKdfParams();
      const wrappedKey = wrap(await deriveKey(passphrase, kdf), key, keyContext(setId));
      deps.store.write({
        ...current,
        setId,
        sealedKey: current.sealedKey ?? deps.secrets.seal(key.toString('base64')),
        kdf,
        wrappedKey,
      });
      // A set folder already made gets the new wrap, so the old passphrase no longer opens it.
      const folder = deps.settings().backup.folder;
      const setFolder = folder ? join(folder, setFolderName(setId)) : '';
      if (setFolder && existsSync(join(setFolder, 'backup.json')))
        await writeSetHeader(setFolder, headerOf());
      return this.status();
    },

    async begin(reason: BackupReason): Promise<{ sessionId: string }> {
      if (session && deps.clock() - session.touchedAt <= SESSION_IDLE_MS) throw new AppError('backup.busy');
      await end();
      const startedAt = deps.clock();
      try {
        const set = await openSet();
        let newBytes = 0;
        const put = async (bytes: Buffer) => {
          const sha256 = sha256Of(bytes);
          if (!set.has(sha256)) newBytes += await set.writePieceBytes(sha256, bytes);
          return { sha256, bytes: bytes.length };
        };
        // Capture runs before the documents and before IndexedDB: see the comment above.
        const captureRuns = [];
        for (const file of await readCaptureRuns(deps.dataDir)) {
          captureRuns.push({ path: file.path, ...(await put(file.bytes)) });
        }
        const main = await put(
          Buffer.from(JSON.stringify(await exportMainDocuments(deps.dataDir, deps.secrets))),
        );
        session = {
          id: randomUUID(),
          reason,
          startedAt,
          touchedAt: deps.clock(),
          set,
          main,
          captureRuns,
          newBytes,
          open: new Map(),
        };
        return { sessionId: session.id };
      } catch (error) {
        throw await failed(reason, startedAt, error);
      }
    },

    /** Which of these pieces the folder lacks: only those cross from the renderer. */
    missing(sessionId: string, sha256s: string[]): string[] {
      const current = live(sessionId);
      return sha256s.filter((sha256) => !current.set.has(sha256));
    },

    async put(sessionId: string, sha256: string, offset: number, data: Buffer, last: boolean): Promise<void> {
      const current = live(sessionId);
      try {
        if (offset === 0) {
          await current.open.get(sha256)?.writer.abort();
          if (current.open.size >= MAX_OPEN_PIECES) {
            throw new AppError('backup.pieceMismatch', {
              detail: `more than ${MAX_OPEN_PIECES} pieces at once`,
            });
          }
          current.open.set(sha256, { received: 0, writer: await current.set.writePiece(sha256) });
        }
        const open = current.open.get(sha256);
        if (!open || open.received !== offset) {
          throw new AppError('backup.pieceMismatch', {
            detail: `piece ${sha256} at ${offset}: out of order`,
          });
        }
        await open.writer.write(data);
        open.received += data.length;
        if (last) {
          current.open.delete(sha256);
          const written = await open.writer.finish();
          current.newBytes += written;
        }
      } catch (error) {
        throw await failed(current.reason, current.startedAt, error);
      }
    },

    async commit(sessionId: string, database: DatabaseSnapshot): Promise<SnapshotSummary> {
      const current = live(sessionId);
      try {
        const at = deps.clock();
        const manifest: SnapshotManifest = {
          format: 1,
          id: snapshotId(at),
          createdAt: at,
          reason: current.reason,
          appVersion: deps.appVersion,
          stationNumber: deps.settings().stationNumber,
          main: current.main,
          captureRuns: current.captureRuns,
          database,
          totalBytes: 0,
          newBytes: current.newBytes,
        };
        const pieces = piecesOf(manifest);
        const absent = pieces.filter((piece) => !current.set.has(piece.sha256));
        if (absent.length > 0) {
          throw new AppError('backup.pieceMismatch', { detail: `${absent.length} pieces never arrived` });
        }
        manifest.totalBytes = pieces.reduce((sum, piece) => sum + piece.bytes, 0);
        await current.set.writeSnapshot(manifest);
        const removed = await prune(current.set, deps.settings().backup.keep);
        const summary = summaryOf(manifest);
        record({ at, ok: true, reason: current.reason, snapshot: summary, ms: at - current.startedAt });
        deps.log.info('backup written', { snapshot: manifest.id, newBytes: manifest.newBytes, removed });
        session = null;
        return summary;
      } catch (error) {
        throw await failed(current.reason, current.startedAt, error);
      }
    },

    /** The renderer could not read IndexedDB (or gave up): the failure is kept for the admin to see. */
    async abandon(sessionId: string, error: unknown): Promise<void> {
      if (session?.id !== sessionId) return;
      await failed(session.reason, session.startedAt, error);
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
