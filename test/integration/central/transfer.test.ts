import 'fake-indexeddb/auto';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signingSettingsSchema } from '../../../src-shared/domain/settings';
import { BUNDLE_RECEIPTS, type BundleReceipts } from '../../../src-shared/transfer/transfer-bundle';
// Types only: the modules themselves load after the station sets up window.station.
import type * as ApplyReceipts from '../../../src-renderer/transfer/apply-receipts';
import type * as ExportTransfer from '../../../src-renderer/transfer/export-transfer';
import { ROOT } from '../../support/built-app';
import { ADMIN_TOKEN } from '../../support/central';
import { centralProcess, freePort } from '../../support/central-process';
import { syncStation } from '../../support/sync-station';
import { makeTempDir } from '../../support/temp-dir';
import { createTestPki, P12_PASSWORD } from '../../support/test-pki';

/** `npm run server -- import …` as Central's administrator runs it, on Central's data folder. */
function importBundle(env: Record<string, string>, folder: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts', 'import', folder], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * Issue 18, sneakernet: an office with no link exports its approved records to a USB drive;
 * Central's administrator imports the bundle (twice: stored once), refuses a tampered one
 * as a whole, and writes receipts that mark at the station exactly the records they name.
 */
describe('transfer bundles: station → USB → Central → receipts → station', () => {
  const dir = makeTempDir('sohoa-transfer-');
  const pki = createTestPki(dir.path);
  const usb = join(dir.path, 'usb');
  let central: ReturnType<typeof centralProcess>;
  let station: Awaited<ReturnType<typeof syncStation>>;
  let env: Record<string, string>;
  let bundle = '';
  let exported: typeof ExportTransfer;
  let receipts: typeof ApplyReceipts;
  const storedOnCentral = async () =>
    (
      (await (
        await fetch(`${central.url}/v1/admin/stations`, {
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        })
      ).json()) as { stations: { records: number }[] }
    ).stations[0]!.records;
  const statuses = async () => (await station.db.records.orderBy('id').toArray()).map((row) => row.status);

  beforeAll(async () => {
    const port = await freePort();
    const centralDir = join(dir.path, 'central');
    central = centralProcess({ dataDir: centralDir, port, trustDir: pki.trustDir });
    await central.start();
    env = {
      PORT: String(port),
      HOST: '127.0.0.1',
      SOHOA_DATA_DIR: centralDir,
      SOHOA_ADMIN_TOKEN: ADMIN_TOKEN,
      SOHOA_TRUST_DIR: pki.trustDir,
    };
    station = await syncStation({ centralUrl: central.url, enrolVia: central.url, pki, sessionKey: 'admin' });
    const { backend } = station;
    const settings = backend.services.settings.get();
    backend.services.settings.update({
      signing: signingSettingsSchema.parse({
        ...settings.signing,
        method: 'pkcs12',
        pkcs12File: pki.agency.p12Path,
        trustDir: pki.trustDir,
      }),
    });
    await backend.call('admin', 'signing.unlock', { secret: P12_PASSWORD });
    await station.seed(3);
    mkdirSync(usb);
    exported = await import('../../../src-renderer/transfer/export-transfer');
    receipts = await import('../../../src-renderer/transfer/apply-receipts');
  }, 120_000);
  afterAll(async () => {
    await station?.close();
    await central?.stop();
    dir.remove();
  });

  it('exports the approved records as a signed bundle; they stay queued until receipts come', async () => {
    const done = await exported.exportTransfer(usb);
    expect(done.records).toBe(3);
    bundle = done.path;
    expect(readdirSync(usb)).toEqual([expect.stringMatching(/^SoHoa-transfer-007-/)]);
    expect(readdirSync(join(bundle, 'files'))).toHaveLength(3);
    expect(await statuses()).toEqual(['queued', 'queued', 'queued']);
    expect((await station.db.audit.orderBy('seq').last())?.action).toBe('transfer');
  });

  it('refuses a tampered bundle as a whole, with the reason, storing nothing', async () => {
    const alteredFile = join(dir.path, 'altered-file');
    cpSync(bundle, alteredFile, { recursive: true });
    const victim = join(alteredFile, 'files', readdirSync(join(alteredFile, 'files'))[0]!);
    const bytes = readFileSync(victim);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0x01;
    writeFileSync(victim, bytes);
    const fileResult = await importBundle(env, alteredFile);
    expect(fileResult.code).toBe(1);
    expect(fileResult.stderr).toContain('hashMismatch');

    const alteredManifest = join(dir.path, 'altered-manifest');
    cpSync(bundle, alteredManifest, { recursive: true });
    const manifestPath = join(alteredManifest, 'manifest.json');
    writeFileSync(manifestPath, readFileSync(manifestPath, 'utf8').replace('Công dân 1', 'Công dân 9'));
    const manifestResult = await importBundle(env, alteredManifest);
    expect(manifestResult.code).toBe(1);
    expect(manifestResult.stderr).toContain('invalidSignature');
    expect(await storedOnCentral()).toBe(0);
  });

  it('imports the bundle through the running Central, and again with Central stopped: stored once', async () => {
    const first = await importBundle(env, bundle);
    expect(first).toMatchObject({ code: 0, stdout: expect.stringContaining('3 stored, 0 refused') });
    expect(await storedOnCentral()).toBe(3);
    await central.stop();
    // Embedded PGlite admits one process: with Central down, the import runs in its own.
    const again = await importBundle(env, bundle);
    expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining('3 stored, 0 refused') });
    await central.start();
    expect(await storedOnCentral()).toBe(3);
  });

  it('marks only the records the receipts name, ignoring a receipt Central did not sign', async () => {
    const full = JSON.parse(readFileSync(join(bundle, BUNDLE_RECEIPTS), 'utf8')) as BundleReceipts;
    expect(full.receipts).toHaveLength(3);
    const partial = join(dir.path, 'partial');
    mkdirSync(partial);
    const forged = { ...full.receipts[2]!, signature: Buffer.alloc(64, 7).toString('base64') };
    writeFileSync(
      join(partial, BUNDLE_RECEIPTS),
      JSON.stringify({ ...full, receipts: [full.receipts[0], full.receipts[1], forged] }),
    );
    expect(await receipts.applyTransferReceipts(partial)).toMatchObject({
      marked: 2,
      already: 0,
      invalid: 1,
    });
    expect((await statuses()).sort()).toEqual(['queued', 'synced', 'synced']);

    expect(await receipts.applyTransferReceipts(bundle)).toMatchObject({ marked: 1, already: 2, invalid: 0 });
    expect(await statuses()).toEqual(['synced', 'synced', 'synced']);
    const outbox = await station.db.outbox.toArray();
    expect(outbox.every((row) => row.status === 'done')).toBe(true);
  });
});
