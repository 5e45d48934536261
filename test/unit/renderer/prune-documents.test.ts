import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src-renderer/db/database';
import type { RecordRow } from '../../../src-renderer/db/rows';
import { pruneSyncedDocuments } from '../../../src-renderer/sync/prune-documents';

const DAY = 24 * 3600_000;
const NOW = Date.UTC(2026, 11, 1);

const record = (id: string, status: RecordRow['status'], syncedDaysAgo?: number): RecordRow => ({
  id,
  code: `C-${id}`,
  status,
  fields: { ownerName: `Chủ ${id}` },
  ownerName: `Chủ ${id}`,
  createdBy: 'clerk',
  createdAt: 1,
  updatedAt: 1,
  ...(syncedDaysAgo === undefined
    ? {}
    : {
        sync: {
          receipt: {
            serverId: '00000000-0000-4000-8000-000000000000',
            code: `C-${id}`,
            sha256: 'a'.repeat(64),
            bytes: 3,
            storedAt: new Date(NOW - syncedDaysAgo * DAY).toISOString(),
            stationId: '00000000-0000-4000-8000-000000000001',
            signature: 'c2lnbmF0dXJl',
          },
          at: NOW - syncedDaysAgo * DAY,
        },
      }),
});

describe('retention of signed files after Central’s receipt', () => {
  beforeEach(async () => {
    await Promise.all([db.records.clear(), db.documents.clear()]);
    await db.records.bulkAdd([
      record('old', 'synced', 40),
      record('new', 'synced', 5),
      record('queued', 'queued'),
    ]);
    for (const id of ['old', 'new', 'queued']) {
      await db.documents.add({
        recordId: id,
        pdf: new Blob(['pdf']),
        sha256: 'a'.repeat(64),
        bytes: 3,
        level: 'B-B',
        signerName: 'Sở',
        signedAt: 1,
      });
    }
  });

  it('keeps every file when retention is off (0 days)', async () => {
    expect(await pruneSyncedDocuments(0, NOW)).toBe(0);
    expect((await db.documents.toArray()).every((document) => document.pdf)).toBe(true);
  });

  it('deletes only the files of records synced longer ago than the setting; the records stay', async () => {
    expect(await pruneSyncedDocuments(30, NOW)).toBe(1);
    const old = await db.documents.get('old');
    expect(old?.pdf).toBeUndefined();
    expect(old).toMatchObject({ prunedAt: NOW, sha256: 'a'.repeat(64), bytes: 3 });
    expect((await db.documents.get('new'))?.pdf).toBeDefined();
    expect((await db.documents.get('queued'))?.pdf).toBeDefined();
    expect(await db.records.get('old')).toMatchObject({ status: 'synced', ownerName: 'Chủ old' });
    // Run again: nothing left to prune.
    expect(await pruneSyncedDocuments(30, NOW)).toBe(0);
  });
});
