/**
 * bench/central: SoHoa Central for a province, measured in one run on this machine.
 * 1. Records a second from 20 stations syncing at once, into one Central process and into two
 *    over one PostgreSQL (each station talks to one process, as a sticky balancer sends it).
 *    Goal: two give ≥ 1.7× one.
 * 2. One station's sync in MB/s (HTTPS, its certificate pinned, as the station's client sends),
 *    beside `curl` uploading the same files over one HTTPS connection to a minimal Node HTTPS
 *    server that writes them to disk. Goal ≥ 0.5×.
 * 3. Lookups by owner ID over 1 000 000 records in PostgreSQL: p50 and p99 of 1000 lookups by an
 *    API client, each logged as every read of personal data is. Goal p99 < 50 ms.
 *
 * Run: npm run bench:central   (needs PostgreSQL as `.ci/run` sets it up; RECORDS, BIG, ROWS to shrink;
 * PARTS=stations,sync,lookups to run some; IN_FLIGHT for the station's records at once)
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import { promisify } from 'node:util';
import { createCentralClient, type CentralClient } from '../src-main/sync/central-client';
import { openPkcs12Signer } from '../src-main/signing/pkcs12-signer';
import type { Signer } from '../src-main/signing/signer';
import { postgresDatabase } from '../src-server/db/database';
import { sendRecord } from './support/send-record';
import { eachInFlight, RECORDS_IN_FLIGHT } from '../src-shared/sync/in-flight';
import { ADMIN_TOKEN, emptyDatabase, TEST_DATABASE_URL } from '../test/support/central';
import { centralProcess, freePort } from '../test/support/central-process';
import { recordMeta, signedRecord } from '../test/support/signed-records';
import { makeTempDir } from '../test/support/temp-dir';
import { createTestPki, createTlsPki, P12_PASSWORD } from '../test/support/test-pki';

const run = promisify(execFile);
const STATIONS = 20;
const RECORDS = Number(process.env.RECORDS ?? 1000);
const BIG = Number(process.env.BIG ?? 200);
const ROWS = Number(process.env.ROWS ?? 1_000_000);
/** Three results a citizen. */
const OWNERS = Math.ceil(ROWS / 3);
const MB = 1024 * 1024;
const IN_FLIGHT = Number(process.env.IN_FLIGHT ?? RECORDS_IN_FLIGHT);
const PARTS = new Set((process.env.PARTS ?? 'stations,sync,lookups').split(','));

interface RecordFile {
  code: string;
  pdf: Buffer;
  sha256: string;
  meta: ReturnType<typeof recordMeta>;
}

const dir = makeTempDir('sohoa-bench-central-');
const pki = createTestPki(dir.path);
const tls = createTlsPki(join(dir.path, 'tls'));
const shared = {
  DATABASE_URL: TEST_DATABASE_URL,
  SOHOA_TLS_CERT: tls.certPath,
  SOHOA_TLS_KEY: tls.keyPath,
  SOHOA_RECEIPT_KEY_FILE: join(dir.path, 'receipt-key.pem'),
  SOHOA_TOKEN_KEY_FILE: join(dir.path, 'token-key'),
  // The processes of one machine share the blob folder (content-addressed, renamed into place).
  SOHOA_BLOB_DIR: join(dir.path, 'blobs'),
};

async function records(signer: Signer, first: number, count: number, pages: number) {
  const made: RecordFile[] = [];
  for (let index = first; index < first + count; index++) {
    const code = `000.00.12.H20.2026.${String(index).padStart(9, '0')}K`;
    const meta = recordMeta(
      {
        idNumber: `0870850${String(index % 100_000).padStart(5, '0')}`,
        name: `Công dân ${index}`,
        number: `${index}/QĐ`,
      },
      { pages },
    );
    const { pdf, sha256 } = await signedRecord(signer, code, meta);
    made.push({ code, pdf, sha256, meta });
  }
  return made;
}

/** Central processes on this machine over the bench's PostgreSQL, HTTPS, their files in one folder. */
async function startCentrals(count: number) {
  await (await emptyDatabase('postgres', dir.path)).close();
  const centrals = [];
  for (let index = 0; index < count; index++) {
    const port = await freePort();
    const central = centralProcess({
      dataDir: join(dir.path, `central-${count}-${index}`),
      port,
      trustDir: pki.trustDir,
      env: shared,
    });
    await central.start();
    centrals.push({ central, url: `https://localhost:${port}` });
  }
  return centrals;
}

/** A station enrolled at `url` (any process: they share the database), its pinned client. */
async function station(url: string, enrolAt: string): Promise<CentralClient> {
  const admin = createCentralClient({
    baseUrl: enrolAt,
    timeoutMs: 60_000,
    pin: tls.caPem,
    credential: ADMIN_TOKEN,
  });
  const { code } = await admin.call('createEnrolment', { body: { departments: ['NCC'] } });
  const enrolled = await createCentralClient({ baseUrl: enrolAt, timeoutMs: 60_000, pin: tls.caPem }).call(
    'enrol',
    {
      body: { code, stationNumber: '007', stationName: 'bench' },
    },
  );
  return createCentralClient({
    baseUrl: url,
    timeoutMs: 60_000,
    pin: tls.caPem,
    credential: `${enrolled.stationId}.${enrolled.secret}`,
  });
}

async function stationsInto(processes: number, files: RecordFile[]) {
  const centrals = await startCentrals(processes);
  try {
    const clients = [];
    for (let index = 0; index < STATIONS; index++) {
      clients.push(await station(centrals[index % processes]!.url, centrals[0]!.url));
    }
    const started = performance.now();
    await Promise.all(
      clients.map(async (client, index) => {
        for (let at = index; at < files.length; at += STATIONS) await sendRecord(client, files[at]!);
      }),
    );
    return (performance.now() - started) / 1000;
  } finally {
    for (const { central } of centrals) await central.stop();
  }
}

/** A minimal HTTPS server that writes each body it is sent to a file, and curl sending it the files. */
async function curlUploads(files: RecordFile[]) {
  const source = join(dir.path, 'curl-source');
  const target = join(dir.path, 'curl-target');
  mkdirSync(source, { recursive: true });
  mkdirSync(target, { recursive: true });
  files.forEach((file, index) => writeFileSync(join(source, `${index}.pdf`), file.pdf));
  let received = 0;
  const server = createServer({ cert: tls.chainPem, key: tls.keyPem }, (request, response) => {
    void pipeline(request, createWriteStream(join(target, `${received++}.pdf`))).then(() =>
      response.end('ok'),
    );
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const config = join(dir.path, 'curl.config');
  writeFileSync(
    config,
    files
      .map(
        (_, index) =>
          `url = "https://localhost:${port}/upload/${index}"\nupload-file = "${join(source, `${index}.pdf`)}"\noutput = "/dev/null"\n`,
      )
      .join(''),
  );
  const started = performance.now();
  await run('curl', ['--silent', '--fail', '--cacert', join(dir.path, 'tls', 'ca.pem'), '-K', config]);
  const seconds = (performance.now() - started) / 1000;
  server.close();
  return seconds;
}

/** `ROWS` records by owner ID straight into PostgreSQL, then lookups timed through Central by an API client. */
async function lookups() {
  const { central, url } = (await startCentrals(1))[0]!;
  try {
    const db = postgresDatabase(TEST_DATABASE_URL);
    const [inserted] = await db.query<{ id: string }>(
      `INSERT INTO stations (id, number, name, secret_hash, enrolled_at, departments, read_scope)
         VALUES (gen_random_uuid(), '001', 'nạp dữ liệu', 'x', now(), '{NCC}', 'province') RETURNING id`,
    );
    const started = performance.now();
    // ROWS results of a third as many citizens (three each), as a province holds them.
    await db.query(
      `INSERT INTO records (server_id, code, sha256, bytes, station_id, meta, owner_id, document_number,
                            procedure_code, department_code, pages, stored_at)
         SELECT gen_random_uuid(), 'BENCH.' || n, md5(n::text) || md5(n::text), 1000, $1,
                jsonb_build_object('fields', jsonb_build_object('ownerName', 'Công dân ' || n, 'ownerIdNumber',
                  lpad((n % $3::int)::text, 12, '0'), 'documentNumber', n || '/QĐ'), 'departmentCode', 'NCC', 'pages', 1,
                  'capturedBy', 'x', 'signedAt', 0, 'approvedBy', 'y', 'approvedAt', 0),
                lpad((n % $3::int)::text, 12, '0'), n || '/QĐ', '1.001257', 'NCC', 1, now()
           FROM generate_series(1, $2::int) AS n`,
      [inserted!.id, ROWS, OWNERS],
    );
    await db.query('ANALYZE records');
    const loaded = (performance.now() - started) / 1000;
    await db.close();
    const admin = createCentralClient({
      baseUrl: url,
      timeoutMs: 60_000,
      pin: tls.caPem,
      credential: ADMIN_TOKEN,
    });
    const client = await admin.call('createClient', {
      body: { name: 'Hệ thống một cửa (bench)', scopes: ['records:lookup'], ratePerMinute: 100_000 },
    });
    const token = await fetchToken(url, client.clientId, client.clientSecret);
    const partner = createCentralClient({
      baseUrl: url,
      timeoutMs: 60_000,
      pin: tls.caPem,
      credential: token,
    });
    const times: number[] = [];
    for (let n = 0; n < 1000; n++) {
      const ownerId = String(((n * 7919) % (OWNERS - 1)) + 1).padStart(12, '0');
      const asked = performance.now();
      const found = await partner.call('partnerLookup', {
        query: { ownerId, purpose: 'bench: tra cứu theo số định danh' },
      });
      times.push(performance.now() - asked);
      if (found.records.length === 0) throw new Error(`nothing for ${ownerId}`);
    }
    times.sort((a, b) => a - b);
    return { loaded, p50: times[499]!, p99: times[989]! };
  } finally {
    await central.stop();
  }
}

async function fetchToken(url: string, clientId: string, clientSecret: string) {
  const anonymous = createCentralClient({ baseUrl: url, timeoutMs: 60_000, pin: tls.caPem });
  const issued = await anonymous.call('token', {
    body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
  });
  return issued.access_token;
}

async function main() {
  writeFileSync(join(dir.path, 'tls', 'ca.pem'), tls.caPem);
  const signer = await openPkcs12Signer(pki.agency.p12Path, P12_PASSWORD);
  const made = performance.now();
  const small = PARTS.has('stations') ? await records(signer, 1, RECORDS * 2, 1) : [];
  const big = PARTS.has('sync') ? await records(signer, 10_000_000, BIG, 10) : [];
  await signer.close();
  const bigBytes = big.reduce((sum, file) => sum + file.pdf.length, 0);
  console.log(
    `bench/central on ${availableParallelism()} cores: ${small.length / 2} records ×2 of ${((small[0]?.pdf.length ?? 0) / 1024).toFixed(0)} KB for the stations, ` +
      `${big.length} of ${(bigBytes / Math.max(1, big.length) / MB).toFixed(2)} MB for one station's sync (made in ${((performance.now() - made) / 1000).toFixed(0)} s)`,
  );
  if (PARTS.has('stations')) await stationsPart(small);
  if (PARTS.has('sync')) await syncPart(big, bigBytes);
  if (PARTS.has('lookups')) {
    const lookup = await lookups();
    console.log(
      `  lookups by owner ID over ${ROWS} records (loaded in ${lookup.loaded.toFixed(0)} s): p50 ${lookup.p50.toFixed(1)} ms, p99 ${lookup.p99.toFixed(1)} ms (goal < 50 ms)`,
    );
  }
}

async function stationsPart(small: RecordFile[]) {
  const one = await stationsInto(1, small.slice(0, RECORDS));
  const two = await stationsInto(2, small.slice(RECORDS));
  console.log(
    `  ${STATIONS} stations at once into 1 Central process:  ${(RECORDS / one).toFixed(1)} records/s`,
  );
  console.log(
    `  ${STATIONS} stations at once into 2 Central processes: ${(RECORDS / two).toFixed(1)} records/s`,
  );
  console.log(`  ratio, two processes vs one: ${(one / two).toFixed(2)}× (goal ≥ 1.70×)`);
}

async function syncPart(big: RecordFile[], bigBytes: number) {
  const curlSeconds = await curlUploads(big);
  const { central, url } = (await startCentrals(1))[0]!;
  let syncSeconds: number;
  try {
    const client = await station(url, url);
    const started = performance.now();
    // As the station's sync pass sends them: RECORDS_IN_FLIGHT at once.
    await eachInFlight(big, IN_FLIGHT, async (file) => void (await sendRecord(client, file)));
    syncSeconds = (performance.now() - started) / 1000;
  } finally {
    await central.stop();
  }
  const rate = (seconds: number) => `${(bigBytes / MB / seconds).toFixed(1)} MB/s`;
  console.log(`  curl to a minimal HTTPS server, ${BIG} files: ${rate(curlSeconds)}`);
  console.log(
    `  one station's sync to Central over HTTPS, ${IN_FLIGHT} records in flight: ${rate(syncSeconds)}`,
  );
  console.log(`  ratio, sync vs curl: ${(curlSeconds / syncSeconds).toFixed(2)}× (goal ≥ 0.50×)`);
}

try {
  await main();
} finally {
  dir.remove();
}
