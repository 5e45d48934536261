import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src-renderer/db/migrations';
import { DATABASE_SCHEMA_VERSION } from '../../../src-shared/backup/database-version';
import { openStationDb } from '../../../src-renderer/db/station-db';

// fake-indexeddb is a complete IndexedDB implementation for Node (it passes the W3C
// IndexedDB test suite); the E2E tests run the same schema in real Chromium.
describe('local database migrations', () => {
  const name = `migration-${Date.now()}`;
  afterEach(async () => {
    const { default: Dexie } = await import('dexie');
    await Dexie.delete(name);
  });

  it('opens a v1 database with data and upgrades it to the latest schema', async () => {
    const v1 = openStationDb({ name, migrations: MIGRATIONS.filter((migration) => migration.version === 1) });
    await v1.open();
    expect(v1.verno).toBe(1);
    await v1.records.bulkAdd([
      {
        id: 'r1',
        code: '000.00.12.H20.2026.001000001K',
        status: 'synced',
        ownerName: 'Nguyễn Văn Ánh',
        ownerIdNumber: '087095000123',
        fields: { documentNumber: '49/QĐ-SLĐTBXH' },
        createdBy: 'u1',
        createdAt: 1,
        updatedAt: 2,
      },
      { id: 'r2', status: 'captured', fields: {}, createdBy: 'u1', createdAt: 3, updatedAt: 4 },
    ]);
    // Untyped: a v1 page has no rotation yet.
    await v1.table('pages').add({
      id: 'p1',
      recordId: 'r1',
      index: 0,
      image: new Blob(['page']),
      thumbnail: new Blob(['thumb']),
      mimeType: 'image/jpeg',
      widthPx: 2480,
      heightPx: 3508,
      dpi: 300,
      lowDpi: false,
      sha256: 'ab',
      origin: 'import:1',
      blank: false,
      ocrStatus: 'done',
      createdAt: 1,
    });
    v1.close();

    const latest = openStationDb({ name });
    await latest.open();
    expect(latest.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(await latest.records.count()).toBe(2);
    expect(await latest.pages.where('[recordId+index]').equals(['r1', 0]).count()).toBe(1);
    // v3 gave every page a rotation and added the originals table.
    expect((await latest.pages.get('p1'))?.rotation).toBe(0);
    expect(await latest.originals.count()).toBe(0);
    // v2 backfilled the folded name and indexes it.
    const found = await latest.records.where('ownerNameFolded').startsWith('nguyen van anh').toArray();
    expect(found.map((record) => record.id)).toEqual(['r1']);
    expect(
      await latest.records
        .where('[status+updatedAt]')
        .between(['captured', 0], ['captured', Infinity])
        .count(),
    ).toBe(1);
    await latest.meta.put({ key: 'codeSequence', value: 1 });
    expect(await latest.meta.get('codeSequence')).toEqual({ key: 'codeSequence', value: 1 });
    latest.close();
  });

  it('refuses a second record with the same code', async () => {
    const db = openStationDb({ name });
    const record = {
      status: 'indexed' as const,
      code: 'DUP',
      fields: {},
      createdBy: 'u',
      createdAt: 1,
      updatedAt: 1,
    };
    await db.records.add({ id: 'a', ...record });
    await expect(db.records.add({ id: 'b', ...record })).rejects.toThrow(/ConstraintError|unique/i);
    db.close();
  });
});

describe('the schema version main knows', () => {
  it('is the version the migrations end at (main refuses restores of newer backups by it)', () => {
    expect(DATABASE_SCHEMA_VERSION).toBe(LATEST_SCHEMA_VERSION);
  });
});
