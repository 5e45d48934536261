import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import { MIGRATIONS, type Migration } from './migrations';
import type {
  AuditRow,
  BatchRow,
  MetaRow,
  OriginalRow,
  OutboxRow,
  PageRow,
  PageTextRow,
  RecordTermsRow,
  DocumentRow,
  InventoryRow,
  RecordRow,
  ReuseRow,
  RevocationRow,
} from './rows';

export const STATION_DB_NAME = 'sohoa-station';

/** The renderer's IndexedDB: the single source of truth for the work queue. */
export type StationDb = Dexie & {
  records: EntityTable<RecordRow, 'id'>;
  pages: EntityTable<PageRow, 'id'>;
  originals: EntityTable<OriginalRow, 'id'>;
  pageTexts: EntityTable<PageTextRow, 'pageId'>;
  recordTerms: EntityTable<RecordTermsRow, 'recordId'>;
  documents: EntityTable<DocumentRow, 'recordId'>;
  batches: EntityTable<BatchRow, 'id'>;
  audit: EntityTable<AuditRow, 'seq'>;
  outbox: EntityTable<OutboxRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  inventory: EntityTable<InventoryRow, 'id'>;
  reuses: EntityTable<ReuseRow, 'id'>;
  revocations: EntityTable<RevocationRow, 'code'>;
};

/** Opens the database with the migrations up to `upTo` (tests open older versions). */
export function openStationDb(
  options: DexieOptions & { name?: string; migrations?: readonly Migration[] } = {},
): StationDb {
  const { name = STATION_DB_NAME, migrations = MIGRATIONS, ...dexieOptions } = options;
  // Strict: a page is confirmed to main (which then deletes its copy) only after IndexedDB
  // says it is stored, so the commit must be on disk, not in an OS buffer.
  const db = new Dexie(name, { chromeTransactionDurability: 'strict', ...dexieOptions }) as StationDb;
  for (const migration of migrations) {
    const version = db.version(migration.version).stores(migration.stores);
    if (migration.upgrade) version.upgrade(migration.upgrade);
  }
  return db;
}
