import 'fake-indexeddb/auto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, emptyDatabase, TEST_DATABASE_URL } from '../../support/central';
import { centralProcess, freePort } from '../../support/central-process';
import { startFaultProxy, type Fault } from '../../support/fault-proxy';
import { startS3Server } from '../../support/s3-server';
import { syncStation } from '../../support/sync-station';
import { makeTempDir } from '../../support/temp-dir';
import { createTestPki } from '../../support/test-pki';

/**
 * A province's Central as it is deployed: two Central processes over one PostgreSQL, files in an
 * S3-compatible object store, uploads staged in the database, behind a load balancer that sends
 * each request to the next process in turn, and a network that fails one request in five. A
 * thousand records synced through it are each stored exactly once.
 */
describe('two Central processes behind a round-robin balancer', () => {
  const dir = makeTempDir('sohoa-two-centrals-');
  const pki = createTestPki(dir.path);
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let centrals: ReturnType<typeof centralProcess>[] = [];
  let balancer: Awaited<ReturnType<typeof startFaultProxy>>;
  let station: Awaited<ReturnType<typeof syncStation>>;

  const stored = async () => {
    const reply = await fetch(`${centrals[0]!.url}/v1/stats?by=station`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    return ((await reply.json()) as { rows: { records: number }[] }).rows.reduce(
      (sum, row) => sum + row.records,
      0,
    );
  };

  beforeAll(async () => {
    await (await emptyDatabase('postgres', dir.path)).close();
    s3 = await startS3Server();
    // The keys every process of the province shares: receipts and tokens sign alike whichever answers.
    const shared = {
      DATABASE_URL: TEST_DATABASE_URL,
      SOHOA_RECEIPT_KEY_FILE: join(dir.path, 'receipt-key.pem'),
      SOHOA_TOKEN_KEY_FILE: join(dir.path, 'token-key'),
      ...s3.env,
    };
    for (const name of ['a', 'b']) {
      const central = centralProcess({
        dataDir: join(dir.path, name),
        port: await freePort(),
        trustDir: pki.trustDir,
        env: shared,
      });
      await central.start();
      centrals.push(central);
    }
    balancer = await startFaultProxy({ ports: centrals.map((central) => Number(new URL(central.url).port)) });
    station = await syncStation({
      centralUrl: balancer.url,
      enrolVia: centrals[1]!.url,
      pki,
      timeoutMs: 2_000,
    });
  }, 120_000);
  afterAll(async () => {
    await station?.close();
    await balancer?.close();
    for (const central of centrals) await central.stop();
    centrals = [];
    await s3?.close();
    dir.remove();
  });

  it('stores each of 1000 records once through faults, whichever process each request reaches', async () => {
    const codes = await station.seed(1000, 1);
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const faults: Fault[] = ['error500', 'resetMidBody', 'dropResponse'];
    balancer.set((request) =>
      request.url !== '/health' && random() < 0.2 ? faults[Math.floor(random() * faults.length)]! : 'pass',
    );
    const started = performance.now();
    const passes = await station.syncUntilDone(900_000);
    console.log(
      `two-Central soak: 1000 records in ${((performance.now() - started) / 1000).toFixed(1)} s over ${passes} passes; ` +
        `requests per process ${JSON.stringify(balancer.served)}; faults ${JSON.stringify(balancer.seen)}`,
    );
    const rows = await station.db.records.where('code').anyOf(codes).toArray();
    expect(rows.every((row) => row.status === 'synced')).toBe(true);
    expect(await stored()).toBe(1000);
    // Both processes did real work: chunks of one upload reached either.
    for (const count of balancer.served) expect(count).toBeGreaterThan(1000);
    for (const fault of faults) expect(balancer.seen[fault], fault).toBeGreaterThan(100);
    // Every file is in the object store, whole: each record reads back with its receipt's hash.
    for (const code of [codes[0]!, codes[499]!, codes[999]!]) {
      const file = await fetch(
        `${centrals[0]!.url}/v1/records/${encodeURIComponent(code)}/file?user=kiem-tra`,
        {
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        },
      );
      expect(file.status).toBe(200);
      const row = rows.find((each) => each.code === code)!;
      const bytes = Buffer.from(await file.arrayBuffer());
      expect(bytes.length).toBe(row.sync!.receipt.bytes);
    }
  }, 1_200_000);
});
