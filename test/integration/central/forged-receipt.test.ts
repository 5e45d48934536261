import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { createServer, request as forward, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt as CentralReceipt } from '../../../src-shared/central/central-api';
import { receiptSignatureValid } from '../../../src-node/signing/receipt-signature';
import { ADMIN_TOKEN } from '../../support/central';
import { centralProcess, freePort } from '../../support/central-process';
import { syncStation } from '../../support/sync-station';
import { makeTempDir } from '../../support/temp-dir';
import { createTestPki } from '../../support/test-pki';

type Receipt = CentralReceipt;

/**
 * A machine in the middle answers for SoHoa Central: it tells the station a record is
 * stored, with a receipt it made up or one Central really gave for another record. The
 * station keeps the record unsynced, says why, and syncs it once Central itself answers.
 */
describe('a receipt Central did not sign is refused by the station', () => {
  const dir = makeTempDir('sohoa-forged-receipt-');
  const pki = createTestPki(dir.path);
  let central: ReturnType<typeof centralProcess>;
  let proxy: Server;
  let station: Awaited<ReturnType<typeof syncStation>>;
  /** What the proxy answers to an announce, instead of asking Central; null: it passes it on. */
  let answer: ((announced: { code: string; sha256: string; bytes: number }) => object) | null = null;

  const onCentral = async (code: string) => {
    const reply = await fetch(`${central.url}/v1/records?code=${encodeURIComponent(code)}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    return ((await reply.json()) as { records: { receipt: Receipt }[] }).records;
  };
  const stateOf = async (code: string) => {
    const record = await station.db.records.where('code').equals(code).first();
    const outbox = await station.db.outbox.get(`record:${record!.id}`);
    return { status: record!.status, receipt: record!.sync?.receipt, outbox: outbox!.status };
  };

  beforeAll(async () => {
    const port = await freePort();
    central = centralProcess({ dataDir: `${dir.path}/central`, port, trustDir: pki.trustDir });
    await central.start();
    proxy = createServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks);
        if (answer && request.method === 'POST' && request.url === '/v1/records/uploads') {
          const forged = answer(
            JSON.parse(body.toString()) as { code: string; sha256: string; bytes: number },
          );
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify(forged));
          return;
        }
        const upstream = forward(
          { host: '127.0.0.1', port, method: request.method, path: request.url, headers: request.headers },
          (reply) => {
            response.writeHead(reply.statusCode ?? 502, reply.headers);
            reply.pipe(response);
          },
        );
        upstream.end(body);
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
    station = await syncStation({ centralUrl: proxyUrl, enrolVia: central.url, pki });
  }, 90_000);
  afterAll(async () => {
    await station?.close();
    await new Promise((resolve) => proxy?.close(resolve));
    await central?.stop();
    dir.remove();
  });

  it('refuses a made-up receipt and a genuine one for another record, then syncs when Central answers', async () => {
    const [first] = await station.seed(1, 1);
    await station.syncUntilDone(30_000);
    const genuine = (await stateOf(first!)).receipt as Receipt;
    expect(genuine).toBeDefined();

    const [second] = await station.seed(1, 2);
    // A receipt the machine in the middle made up, in Central's very format.
    answer = (announced) => ({
      state: 'stored',
      receipt: {
        ...genuine,
        ...announced,
        serverId: '6f1d3c1e-6a7b-4c1d-9e2f-0a1b2c3d4e5f',
        signature: Buffer.alloc(64, 7).toString('base64'),
      },
    });
    await station.pass.runSyncPass(Date.now() + 3600_000);
    expect(await stateOf(second!)).toMatchObject({ status: 'queued', receipt: undefined });
    const { getSyncState } = await import('../../../src-renderer/sync/sync-state');
    expect(getSyncState().error).toMatchObject({ code: 'sync.receiptInvalid' });

    // A receipt Central really signed, for the first record, replayed for the second.
    answer = () => ({ state: 'stored', receipt: genuine });
    await station.pass.runSyncPass(Date.now() + 3600_000);
    expect(await stateOf(second!)).toMatchObject({ status: 'queued', receipt: undefined });
    expect(getSyncState().error).toMatchObject({ code: 'sync.receiptInvalid' });
    expect(await onCentral(second!)).toEqual([]);

    // Central answers for itself again: the record is stored once, with Central's own receipt.
    answer = null;
    await station.syncUntilDone(30_000);
    const synced = await stateOf(second!);
    expect(synced).toMatchObject({ status: 'synced', outbox: 'done' });
    const stored = await onCentral(second!);
    expect(stored).toHaveLength(1);
    expect(synced.receipt).toEqual(stored[0]!.receipt);
    // The key the station pinned at enrolment, in its credentials file.
    const { receiptKey } = JSON.parse(
      readFileSync(join(station.backend.dir.path, 'central.json'), 'utf8'),
    ) as {
      receiptKey: string;
    };
    expect(receiptSignatureValid(receiptKey, synced.receipt as Receipt)).toBe(true);
  });
});
