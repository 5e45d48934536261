import Dexie from 'dexie';
import { nextAuditEntry } from '../../src-shared/audit/audit-chain';
import { blobRefSchema, type PendingRestore } from '../../src-shared/backup/backup-manifest';
import { AppError } from '../../src-shared/errors/app-error';
import type { StationClient } from '../../src-shared/ipc/station-api';
import { MIGRATIONS } from '../db/migrations';
import { openStationDb, type StationDb } from '../db/station-db';
import type { ActingUser } from '../session/acting-user';
import { readChunked } from '../station/read-chunked';

export type RestorePort = Pick<StationClient, 'backup'>;

const MARKER = 'restore.inProgress';
/** What a new PC's trail may hold before its restore: someone signing in to do it. */
const SESSION_ACTIONS = new Set(['login', 'logout']);
/**
 * Record codes issued on the lost PC after its last backup may already be on Central: the
 * restored station skips this many numbers in every sequence so that it never issues one
 * of them again (a gap in the numbers is allowed; a code used twice is not).
 */
export const RESTORE_CODE_GAP = 1000;

const readPiece = (port: RestorePort, sha256: string, type = '') =>
  readChunked((offset) => port.backup.restoreRead({ sha256, offset }), type);

/** A chunk's rows with their Blobs back in place. */
async function rowsOf(port: RestorePort, sha256: string): Promise<Record<string, unknown>[]> {
  const text = await (await readPiece(port, sha256)).text();
  const rows = JSON.parse(text) as Record<string, unknown>[];
  for (const row of rows) {
    for (const [field, value] of Object.entries(row)) {
      const ref = blobRefSchema.safeParse(value);
      if (ref.success) row[field] = await readPiece(port, ref.data.$blob.sha256, ref.data.$blob.type);
    }
  }
  return rows;
}

/**
 * The renderer's half of a restore: the tables main staged go into IndexedDB, in the schema
 * they were backed up in (an older one is upgraded by Dexie's own migrations afterwards).
 * Only into an empty station, or one this same restore already began (it resumes: every
 * write is a put by key). Ends with the code sequences moved on and an audit entry.
 */
export async function loadPendingRestore(
  db: StationDb,
  port: RestorePort,
  user: ActingUser,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<PendingRestore | null> {
  const pending = await port.backup.pending({});
  if (!pending) return null;
  if (!db.isOpen()) await db.open();
  if (pending.schemaVersion > db.verno) throw new AppError('backup.tooNew');
  const resuming = (await db.meta.get(MARKER))?.value === pending.snapshot.id;
  // Signing in to load the restore wrote a login entry into the new PC's empty trail: it is
  // taken out and written again after the restored trail, so that one chain remains.
  const local = resuming ? [] : await db.audit.orderBy('seq').toArray();
  if (
    !resuming &&
    ((await db.records.count()) > 0 || local.some((entry) => !SESSION_ACTIONS.has(entry.action)))
  ) {
    throw new AppError('backup.stationNotEmpty');
  }
  if (local.length > 0) await db.audit.clear();

  let target: Dexie = db;
  const older = pending.schemaVersion < db.verno;
  if (older) {
    db.close();
    await Dexie.delete(db.name);
    target = openStationDb({
      name: db.name,
      migrations: MIGRATIONS.filter((migration) => migration.version <= pending.schemaVersion),
    });
    await target.open();
  }
  await target.table('meta').put({ key: MARKER, value: pending.snapshot.id });
  const chunks = Object.entries(pending.tables).flatMap(([table, snapshot]) =>
    snapshot.chunks.map((chunk) => ({ table, sha256: chunk.sha256 })),
  );
  let done = 0;
  for (const chunk of chunks) {
    const table = target.tables.find((candidate) => candidate.name === chunk.table);
    if (!table)
      throw new AppError('backup.damaged', { detail: `no table ${chunk.table} in schema ${target.verno}` });
    await table.bulkPut(await rowsOf(port, chunk.sha256));
    onProgress((done += 1), chunks.length);
  }
  if (older) {
    target.close();
    await db.open();
  }

  await db.transaction('rw', db.meta, db.audit, async () => {
    for (const row of await db.meta.where('key').startsWith('codeSequence:').toArray()) {
      await db.meta.put({ key: row.key, value: (row.value as number) + RESTORE_CODE_GAP });
    }
    const last = await db.audit.orderBy('seq').last();
    await db.audit.add(
      nextAuditEntry(last, {
        at: Date.now(),
        userId: user.userId,
        ...(user.displayName ? { userName: user.displayName } : {}),
        station: user.station,
        action: 'restore',
        after: {
          snapshot: pending.snapshot.id,
          createdAt: pending.snapshot.createdAt,
          records: pending.snapshot.records,
          codeGap: RESTORE_CODE_GAP,
        },
      }),
    );
    for (const entry of local) {
      const previous = await db.audit.orderBy('seq').last();
      const { seq: _seq, hash: _hash, prevHash: _prevHash, ...content } = entry;
      await db.audit.add(nextAuditEntry(previous, content));
    }
    await db.meta.delete(MARKER);
  });
  await port.backup.restoreDone({});
  return pending;
}
