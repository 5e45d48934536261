import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { receiptSignatureValid } from '../../../src-node/signing/receipt-signature';
import { ADMIN_TOKEN } from '../../support/central';
import { centralProcess, freePort } from '../../support/central-process';
import { startFaultProxy, type Fault } from '../../support/fault-proxy';
import { syncStation } from '../../support/sync-station';
import { makeTempDir } from '../../support/temp-dir';
import { createTestPki } from '../../support/test-pki';
import { recordMeta } from '../../support/signed-records';

/**
 * The station's sync against a real SoHoa Central process on loopback, through a hop that
 * misbehaves: the server killed mid-upload and restarted, 500s and timeouts for a while,
 * connections cut mid-body or before the answer. After each, every record is on Central
 * exactly once with the right hash and the station shows them all synced.
 */
describe('sync through network faults, against a real Central process', () => {
  const dir = makeTempDir('sohoa-sync-faults-');
  const pki = createTestPki(dir.path);
  let central: ReturnType<typeof centralProcess>;
  let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
  let station: Awaited<ReturnType<typeof syncStation>>;
  let next = 1;

  const onCentral = async (code: string) => {
    const reply = await fetch(`${central.url}/v1/records?code=${encodeURIComponent(code)}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    return ((await reply.json()) as { records: { receipt: { sha256: string } }[] }).records;
  };
  /** Every record once on Central with its file's hash, and synced at the station with that receipt. */
  const expectAllSyncedOnce = async (codes: string[]) => {
    const rows = await station.db.records.where('code').anyOf(codes).toArray();
    expect(rows.map((row) => row.status)).toEqual(codes.map(() => 'synced'));
    const documents = await station.db.documents.bulkGet(rows.map((row) => row.id));
    for (const [index, row] of rows.entries()) {
      const stored = await onCentral(row.code!);
      expect(stored, row.code).toHaveLength(1);
      expect(stored[0]!.receipt.sha256).toBe(documents[index]!.sha256);
      expect(row.sync?.receipt.sha256).toBe(documents[index]!.sha256);
      // Stored only with Central's own signed receipt, checked by the key pinned at enrolment.
      expect(receiptSignatureValid(pinnedReceiptKey(), row.sync!.receipt)).toBe(true);
    }
    expect(await station.db.outbox.where('status').anyOf('pending', 'uploading', 'failed').count()).toBe(0);
  };
  const pinnedReceiptKey = () =>
    (
      JSON.parse(readFileSync(join(station.backend.dir.path, 'central.json'), 'utf8')) as {
        receiptKey: string;
      }
    ).receiptKey;
  const statsTotal = async () => {
    const reply = await fetch(`${central.url}/v1/stats?by=station`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    return ((await reply.json()) as { rows: { records: number }[] }).rows.reduce(
      (sum, row) => sum + row.records,
      0,
    );
  };

  beforeAll(async () => {
    central = centralProcess({
      dataDir: dir.path + '/central',
      port: await freePort(),
      trustDir: pki.trustDir,
    });
    await central.start();
    proxy = await startFaultProxy({ port: Number(new URL(central.url).port) });
    station = await syncStation({ centralUrl: proxy.url, enrolVia: central.url, pki, timeoutMs: 1_000 });
  }, 90_000);
  beforeEach(() => {
    proxy.set('pass');
    proxy.onRequest(() => undefined);
  });
  afterAll(async () => {
    await station?.close();
    await proxy?.close();
    await central?.stop();
    dir.remove();
  });

  it('survives Central killed in the middle of an upload and restarted', async () => {
    // A record of several chunks (a scanned dossier), and two small ones.
    const big = recordMeta({ idNumber: '087085000001', name: 'Hồ sơ dày', number: '1/QĐ' }, { pages: 40 });
    const codes = [...(await station.seed(1, next, () => big)), ...(await station.seed(2, next + 1))];
    next += 3;
    let chunks = 0;
    proxy.onRequest((request) => {
      if (request.method === 'PUT' && ++chunks === 1) void central.kill();
    });
    await station.pass.runSyncPass(Date.now() + 3600_000);
    // Central went down under the dossier's upload: it is not synced, its outbox row says why.
    const [dossier] = await station.db.records.where('code').equals(codes[0]!).toArray();
    expect(dossier?.status).toBe('queued');
    expect((await station.db.outbox.get(`record:${dossier!.id}`))?.lastError?.code).toBe('sync.unreachable');
    await central.start();
    await station.syncUntilDone(60_000);
    await expectAllSyncedOnce(codes);
  }, 120_000);

  it('waits out 500s and timeouts, then syncs everything once Central answers again', async () => {
    const codes = await station.seed(4, next);
    next += 4;
    for (const fault of ['error500', 'hang'] as const) {
      proxy.set(fault);
      const result = await station.pass.runSyncPass(Date.now() + 3600_000);
      expect(result.online).toBe(false);
      expect(
        await station.db.records
          .where('code')
          .anyOf(codes)
          .filter((row) => row.status === 'synced')
          .count(),
      ).toBe(0);
    }
    // Central answers its health check, but fails every other request for a while.
    let failures = 0;
    proxy.set((request) =>
      request.url === '/health' || ++failures > 6 ? 'pass' : failures % 2 ? 'error500' : 'hang',
    );
    await station.syncUntilDone(60_000);
    await expectAllSyncedOnce(codes);
    const outbox = await station.db.outbox.bulkGet(codes.map((_, index) => `record:R${next - 4 + index}`));
    expect(outbox.some((row) => (row?.attempts ?? 0) > 0)).toBe(true);
  }, 120_000);

  it('stores a record once when connections are cut mid-body or the answer is lost after Central stored it', async () => {
    const codes = await station.seed(4, next);
    next += 4;
    let count = 0;
    proxy.set((request) => {
      if (request.url === '/health') return 'pass';
      count += 1;
      // Every completion is done by Central, but its receipt never reaches the station the first time.
      if (request.url?.endsWith('/complete')) return count % 2 ? 'dropResponse' : 'pass';
      if (request.method === 'PUT') return count % 3 ? 'resetMidBody' : 'pass';
      return count % 4 === 0 ? 'dropResponse' : 'pass';
    });
    await station.syncUntilDone(60_000);
    expect(proxy.seen.dropResponse).toBeGreaterThan(0);
    expect(proxy.seen.resetMidBody).toBeGreaterThan(0);
    await expectAllSyncedOnce(codes);
  }, 120_000);

  it('loses nothing and duplicates nothing over 1000 records through random faults', async () => {
    const before = await statsTotal();
    let started = performance.now();
    const codes = await station.seed(1000, next);
    const seeded = performance.now() - started;
    next += 1000;
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // Hangs are the second test's: each costs the client's whole timeout, and a thousand
    // records would spend most of the run waiting on them.
    const faults: Fault[] = ['error500', 'resetMidBody', 'dropResponse'];
    proxy.set((request) =>
      request.url !== '/health' && random() < 0.2 ? faults[Math.floor(random() * faults.length)]! : 'pass',
    );
    started = performance.now();
    const passes = await station.syncUntilDone(600_000);
    console.log(
      `sync soak: 1000 records seeded in ${(seeded / 1000).toFixed(1)} s, synced in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
        `over ${passes} passes; faults ${JSON.stringify(proxy.seen)}`,
    );
    await expectAllSyncedOnce(codes);
    expect(await statsTotal()).toBe(before + 1000);
    for (const fault of faults) expect(proxy.seen[fault], fault).toBeGreaterThan(100);
  }, 900_000);

  it('flags for review a twin that SoHoa Central holds (same owner and document number), not a version of the record', async () => {
    const owner = { idNumber: '087085099999', name: 'Trần Văn Trùng', number: '77/QĐ-SLĐTBXH' };
    const [code] = await station.seed(1, next, () => recordMeta(owner));
    next += 1;
    await station.syncUntilDone(30_000);
    const { centralTwin } = await import('../../../src-renderer/review/record-quality');
    const original = (await station.db.records.where('code').equals(code!).first())!;
    // The same paper digitized again (at this station or another) is a twin; its correction is not.
    const twin = {
      ...original,
      id: 'TWIN',
      code: 'TWIN-CODE',
      status: 'submitted' as const,
      sync: undefined,
    };
    const correction = { ...twin, id: 'CORR', code: 'CORR-CODE', supersedes: original.id };
    await station.db.records.bulkPut([twin, correction]);
    expect(await centralTwin('TWIN')).toBe(code);
    expect(await centralTwin('CORR')).toBeNull();
    // Offline, Central cannot be asked: no flag rather than a false one.
    proxy.set('error500');
    expect(await centralTwin('TWIN')).toBeNull();
  }, 60_000);
});
