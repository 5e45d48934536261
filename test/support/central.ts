import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadTrustStore } from '../../src-node/signing/trust-store';
import { SEED_PROCEDURES } from '../../src-shared/domain/procedure-catalogue';
import { diskBlobStore, type BlobStore } from '../../src-server/storage/blob-store';
import { databaseStaging, diskStaging } from '../../src-server/storage/upload-staging';
import { buildCentral, type CentralConfig } from '../../src-server/central';
import { pgliteDatabase, postgresDatabase, type Database } from '../../src-server/db/database';
import { migrate } from '../../src-server/db/migrations';
import { makeTempDir } from './temp-dir';

/** The PostgreSQL `.ci/run` starts (a user and database of its own); SOHOA_TEST_DATABASE_URL overrides it. */
export const TEST_DATABASE_URL =
  process.env.SOHOA_TEST_DATABASE_URL ?? 'postgres://sohoa:sohoa@127.0.0.1:5432/sohoa_test';
export const ADMIN_TOKEN = 'quan-tri-kho-du-lieu-2026-thu-nghiem';

/** A database of the given kind, empty: PGlite in a temp folder, or PostgreSQL with its schema dropped. */
export async function emptyDatabase(kind: 'pglite' | 'postgres', dir: string): Promise<Database> {
  if (kind === 'pglite') return pgliteDatabase(join(dir, 'pglite'));
  const db = postgresDatabase(TEST_DATABASE_URL);
  await db.query('DROP SCHEMA IF EXISTS public CASCADE');
  await db.query('CREATE SCHEMA public');
  return db;
}

/** SoHoa Central in-process over a fresh database, trusting `trustDir`. */
export async function startCentral(
  kind: 'pglite' | 'postgres',
  trustDir: string,
  limits: Partial<CentralConfig> = {},
  options: {
    clock?: () => Date;
    blobs?: BlobStore;
    staging?: 'disk' | 'database';
    consoleDir?: string;
  } = {},
): Promise<{ app: FastifyInstance; db: Database; close: () => Promise<void> }> {
  const dir = makeTempDir('sohoa-central-');
  const db = await emptyDatabase(kind, dir.path);
  await migrate(db);
  const app = buildCentral({
    db,
    blobs: options.blobs ?? diskBlobStore(join(dir.path, 'blobs')),
    staging:
      options.staging === 'database' ? databaseStaging(db) : diskStaging(join(dir.path, 'uploads'), db),
    config: {
      version: 'test',
      adminToken: ADMIN_TOKEN,
      receiptKey: generateKeyPairSync('ed25519').privateKey,
      tokenKey: new Uint8Array(randomBytes(32)),
      maxRecordBytes: 50 * 1024 * 1024,
      maxChunkBytes: 4 * 1024 * 1024,
      maxJsonBytes: 256 * 1024,
      maxOpenUploads: 200,
      maxOpenBytes: 20 * 1024 * 1024 * 1024,
      expiryMs: 7 * 24 * 3600_000,
      sweepIntervalMs: 3600_000,
      ownerLookupsPerMinute: 1000,
      ...limits,
    },
    trust: () => loadTrustStore([trustDir]),
    procedures: async () => SEED_PROCEDURES,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.consoleDir ? { consoleDir: options.consoleDir } : {}),
  });
  await app.ready();
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await db.close();
      dir.remove();
    },
  };
}
