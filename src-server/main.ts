import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { procedureSchema, SEED_PROCEDURES } from '../src-shared/domain/procedure-catalogue';
import { assetPath } from '../src-node/platform/asset-path';
import { keepDataOwnerOnly, OWNER_ONLY_FILE } from '../src-node/platform/owner-only';
import { cachedTrustStore } from '../src-node/signing/trust-store';
import { diskBlobStore } from './storage/blob-store';
import { s3BlobStore } from './storage/s3-blob-store';
import { databaseStaging, diskStaging } from './storage/upload-staging';
import { buildCentral } from './central';
import { builtConsoleDir } from './http/console-files';
import { pgliteDatabase, postgresDatabase } from './db/database';
import { migrate } from './db/migrations';
import { loadReceiptKey, loadTokenKey } from './receipt-key';
import { fetch as undiciFetch } from 'undici';
import { pinnedAgent } from '../src-node/tls/pinned-chain';
import { isLoopbackHost } from '../src-shared/central/central-tls';
import { certificatesOfPem, describeCertificate } from '../src-node/tls/certificate-info';
import pkg from '../package.json' with { type: 'json' };

const MB = 1024 * 1024;
const env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8780),
    HOST: z.string().default('127.0.0.1'),
    SOHOA_DATA_DIR: z.string().default(join(homedir(), '.local', 'share', 'sohoa-central')),
    DATABASE_URL: z.string().optional(),
    SOHOA_ADMIN_TOKEN: z.string().min(24).optional(),
    SOHOA_TRUST_DIR: z.string().optional(),
    SOHOA_MAX_RECORD_MB: z.coerce.number().positive().default(500),
    SOHOA_MAX_CHUNK_MB: z.coerce.number().positive().default(8),
    SOHOA_MAX_JSON_KB: z.coerce.number().positive().default(1024),
    SOHOA_RECEIPT_KEY_FILE: z.string().optional(),
    SOHOA_MAX_OPEN_UPLOADS: z.coerce.number().int().positive().default(200),
    SOHOA_MAX_OPEN_UPLOAD_GB: z.coerce.number().positive().default(20),
    SOHOA_UPLOAD_EXPIRY_HOURS: z.coerce
      .number()
      .positive()
      .default(7 * 24),
    SOHOA_UPLOAD_SWEEP_MINUTES: z.coerce.number().positive().default(60),
    SOHOA_OWNER_LOOKUPS_PER_MINUTE: z.coerce.number().int().positive().default(60),
    SOHOA_TOKEN_KEY_FILE: z.string().optional(),
    /** Where record files go: this computer's disk, or an S3-compatible object store. */
    SOHOA_BLOB_STORE: z.enum(['disk', 's3']).default('disk'),
    /** The disk store's folder (a share several processes mount), else `blobs` in the data folder. */
    SOHOA_BLOB_DIR: z.string().optional(),
    SOHOA_S3_ENDPOINT: z.string().optional(),
    SOHOA_S3_REGION: z.string().default('us-east-1'),
    SOHOA_S3_BUCKET: z.string().optional(),
    SOHOA_S3_ACCESS_KEY_ID: z.string().optional(),
    SOHOA_S3_SECRET_ACCESS_KEY: z.string().optional(),
    SOHOA_S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true'),
    SOHOA_S3_PREFIX: z.string().default(''),
    /** Where uploads wait until complete: the database lets several Central processes share them. */
    SOHOA_UPLOAD_STAGING: z.enum(['disk', 'database']).optional(),
    SOHOA_STATION_REQUESTS_PER_MINUTE: z.coerce.number().int().positive().default(30_000),
    SOHOA_TLS_CERT: z.string().optional(),
    SOHOA_TLS_KEY: z.string().optional(),
    /** The built web console (default: out/console of this checkout). */
    SOHOA_CONSOLE_DIR: z.string().optional(),
    /** What Central logs (JSON lines on stdout): errors and warnings by default; `info` adds every request. */
    SOHOA_LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('warn'),
  })
  .parse(process.env);

/**
 * HTTPS from the PEM files the environment names (the chain, Central's own certificate first,
 * and its key). Plain HTTP only on loopback: names, ID numbers and scans never cross a network
 * in clear.
 */
function tlsFiles(): { cert: string; key: string } | undefined {
  if (env.SOHOA_TLS_CERT && env.SOHOA_TLS_KEY) {
    return { cert: readFileSync(env.SOHOA_TLS_CERT, 'utf8'), key: readFileSync(env.SOHOA_TLS_KEY, 'utf8') };
  }
  if (env.SOHOA_TLS_CERT || env.SOHOA_TLS_KEY) {
    console.error(
      'SoHoa Central: SOHOA_TLS_CERT and SOHOA_TLS_KEY go together (the certificate chain and its key).',
    );
    process.exit(2);
  }
  if (!isLoopbackHost(env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST)) {
    console.error(
      `SoHoa Central serves plain HTTP on loopback only, not on ${env.HOST}: set SOHOA_TLS_CERT and SOHOA_TLS_KEY (PEM files) to serve HTTPS.`,
    );
    process.exit(2);
  }
  return undefined;
}
const tls = tlsFiles();

/** The administrator token: from the environment, else made once and kept beside the data, owner-only. */
function adminToken(dataDir: string): string {
  if (env.SOHOA_ADMIN_TOKEN) return env.SOHOA_ADMIN_TOKEN;
  const path = join(dataDir, 'admin-token');
  if (!existsSync(path))
    writeFileSync(path, randomBytes(24).toString('base64url'), { mode: OWNER_ONLY_FILE });
  return readFileSync(path, 'utf8').trim();
}

const dataDir = env.SOHOA_DATA_DIR;
// Scans, names and ID numbers: the data folder and all Central writes are its owner's only.
keepDataOwnerOnly(dataDir);
const db = env.DATABASE_URL
  ? postgresDatabase(env.DATABASE_URL)
  : await pgliteDatabase(join(dataDir, 'pglite'));
await migrate(db);
const trustDirs = [assetPath('trust'), ...(env.SOHOA_TRUST_DIR ? [env.SOHOA_TRUST_DIR] : [])];
const catalogueFile = join(dataDir, 'procedures.json');
/** The object store named by the environment, or the data folder's disk. */
function blobStore() {
  if (env.SOHOA_BLOB_STORE === 'disk') return diskBlobStore(env.SOHOA_BLOB_DIR ?? join(dataDir, 'blobs'));
  const { SOHOA_S3_ENDPOINT, SOHOA_S3_BUCKET, SOHOA_S3_ACCESS_KEY_ID, SOHOA_S3_SECRET_ACCESS_KEY } = env;
  if (!SOHOA_S3_ENDPOINT || !SOHOA_S3_BUCKET || !SOHOA_S3_ACCESS_KEY_ID || !SOHOA_S3_SECRET_ACCESS_KEY) {
    console.error(
      'SoHoa Central: SOHOA_BLOB_STORE=s3 needs SOHOA_S3_ENDPOINT, SOHOA_S3_BUCKET, SOHOA_S3_ACCESS_KEY_ID and SOHOA_S3_SECRET_ACCESS_KEY.',
    );
    process.exit(2);
  }
  return s3BlobStore({
    endpoint: SOHOA_S3_ENDPOINT,
    region: env.SOHOA_S3_REGION,
    bucket: SOHOA_S3_BUCKET,
    accessKeyId: SOHOA_S3_ACCESS_KEY_ID,
    secretAccessKey: SOHOA_S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.SOHOA_S3_FORCE_PATH_STYLE === 'true',
    prefix: env.SOHOA_S3_PREFIX,
  });
}
// Staged in PostgreSQL by default, so that any number of Central processes serve the same
// stations; on disk with embedded PGlite (one process only).
const staging =
  (env.SOHOA_UPLOAD_STAGING ?? (db.kind === 'pglite' ? 'disk' : 'database')) === 'database'
    ? databaseStaging(db)
    : diskStaging(join(dataDir, 'uploads'), db);
const blobs = blobStore();
const consoleDir = env.SOHOA_CONSOLE_DIR ?? builtConsoleDir();
const app = buildCentral({
  db,
  blobs,
  staging,
  config: {
    version: pkg.version,
    ...(tls ? { tls } : {}),
    adminToken: adminToken(dataDir),
    receiptKey: loadReceiptKey(env.SOHOA_RECEIPT_KEY_FILE ?? join(dataDir, 'receipt-key.pem')),
    tokenKey: loadTokenKey(env.SOHOA_TOKEN_KEY_FILE ?? join(dataDir, 'token-key')),
    rates: { stationPerMinute: env.SOHOA_STATION_REQUESTS_PER_MINUTE },
    maxRecordBytes: env.SOHOA_MAX_RECORD_MB * MB,
    maxChunkBytes: env.SOHOA_MAX_CHUNK_MB * MB,
    maxJsonBytes: env.SOHOA_MAX_JSON_KB * 1024,
    maxOpenUploads: env.SOHOA_MAX_OPEN_UPLOADS,
    maxOpenBytes: env.SOHOA_MAX_OPEN_UPLOAD_GB * 1024 * MB,
    expiryMs: env.SOHOA_UPLOAD_EXPIRY_HOURS * 3600_000,
    sweepIntervalMs: env.SOHOA_UPLOAD_SWEEP_MINUTES * 60_000,
    ownerLookupsPerMinute: env.SOHOA_OWNER_LOOKUPS_PER_MINUTE,
  },
  consoleDir,
  log: { level: env.SOHOA_LOG_LEVEL },
  trust: cachedTrustStore(trustDirs),
  // The province's catalogue, when the admin put one beside the data; else the seed.
  procedures: async () =>
    existsSync(catalogueFile)
      ? z.array(procedureSchema).parse(JSON.parse(readFileSync(catalogueFile, 'utf8')))
      : SEED_PROCEDURES,
});
const [command, ...args] = process.argv.slice(2);
if (command === 'import') await importBundles(args);

/**
 * `npm run server -- import BUNDLE…`: transfer bundles a station without network sent on
 * removable media. Through the running Central when it answers (embedded PGlite admits one
 * process), else in this process; receipts.json is written into each bundle either way.
 */
async function importBundles(folders: string[]): Promise<never> {
  if (folders.length === 0 || folders.includes('--help')) {
    console.log('npm run server -- import BUNDLE_FOLDER [BUNDLE_FOLDER…]');
    process.exit(folders.length === 0 ? 2 : 0);
  }
  // The running Central on this machine, over loopback; over HTTPS trusted as the certificate it
  // is configured with (its own), whatever name that certificate carries.
  const host = ['0.0.0.0', '::'].includes(env.HOST) ? '127.0.0.1' : env.HOST;
  const running = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${env.PORT}`;
  const dispatcher = tls ? pinnedAgent(tls.cert, { checkHostname: false }) : undefined;
  const fetch = (url: string, init: RequestInit = {}) =>
    undiciFetch(url, { ...(init as object), ...(dispatcher ? { dispatcher } : {}) });
  const online = await fetch(`${running}/health`).then(
    (response) => response.ok,
    () => false,
  );
  let failed = 0;
  for (const folder of folders) {
    const request = {
      method: 'POST' as const,
      url: '/v1/admin/transfers',
      headers: { authorization: `Bearer ${adminToken(dataDir)}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ folder: resolve(folder) }),
    };
    const { status, body } = online
      ? await fetch(`${running}${request.url}`, { ...request, body: request.payload }).then(
          async (response) => ({
            status: response.status,
            body: (await response.json()) as Record<string, unknown>,
          }),
        )
      : await app.inject(request).then((response) => ({
          status: response.statusCode,
          body: response.json() as Record<string, unknown>,
        }));
    if (status !== 200) {
      failed += 1;
      const error = body.error as { code: string; message: string } | undefined;
      console.error(`${folder}: refused (${error?.code}): ${error?.message}`);
      continue;
    }
    const receipts = body as { receipts: unknown[]; refused: { code: string; message: string }[] };
    console.log(
      `${folder}: ${receipts.receipts.length} stored, ${receipts.refused.length} refused; receipts.json written`,
    );
    for (const each of receipts.refused) console.log(`  ${each.code}: ${each.message}`);
  }
  await app.close();
  await db.close();
  process.exit(failed > 0 ? 1 : 0);
}

const address = await app.listen({ port: env.PORT, host: env.HOST });
console.log(
  `SoHoa Central ${pkg.version} on ${address} (${db.kind}; files on ${blobs.kind}, uploads staged on ${staging.kind}; data in ${dataDir})`,
);
// What the admin compares with the fingerprint a station shows before enrolling.
for (const [index, certificate] of (tls ? certificatesOfPem(tls.cert) : []).entries()) {
  const { subject, fingerprint256 } = describeCertificate(certificate);
  console.log(
    `  TLS ${index === 0 ? 'certificate' : 'issued by'}: ${subject}\n    SHA-256 ${fingerprint256}`,
  );
}
if (!env.SOHOA_ADMIN_TOKEN) console.log(`admin token: ${join(dataDir, 'admin-token')}`);
console.log(
  consoleDir
    ? `console: ${address}/console/`
    : 'console: not built (npm run build, or SOHOA_CONSOLE_DIR); the API serves without it',
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void app
      .close()
      .then(() => db.close())
      .finally(() => process.exit(0));
  });
}
