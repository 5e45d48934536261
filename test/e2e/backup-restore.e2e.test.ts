import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoStack } from '../../src-main/capture/demo/demo-documents';
import { openPkcs12Signer } from '../../src-main/signing/pkcs12-signer';
import { createStationServices } from '../../src-main/services/station-services';
import { verifyAuditChain, type AuditEntry } from '../../src-shared/audit/audit-chain';
import { requireBuild } from '../support/built-app';
import { screenshot, SCREENSHOT_DIR } from '../support/chromium';
import { centralProcess, freePort } from '../support/central-process';
import { recordMeta, signedRecord } from '../support/signed-records';
import { login, openStationPage, readStore } from '../support/station-page';
import { prepareStation } from '../support/station-setup';
import { makeTempDir } from '../support/temp-dir';
import { createTestPki, P12_PASSWORD } from '../support/test-pki';
import { ADMIN } from '../support/users';

const PASSPHRASE = 'ổ đĩa hỏng không mất việc';

interface Row {
  id: string;
  status: string;
  code?: string;
}

/**
 * Issue 18: a station's work survives its PC. Records are queued, some reach Central, a
 * backup is taken, the PC goes on syncing and then dies; a new PC restores the backup
 * (a wrong passphrase first) and syncs. Central holds every record once, and the trail
 * goes on from the backup.
 */
describe('backup, a dead PC, restore on a new one, sync: in Chromium with Central as a real process', () => {
  const dir = makeTempDir('sohoa-e2e-backup-');
  const oldPc = join(dir.path, 'old-pc');
  const newPc = join(dir.path, 'new-pc');
  const usb = join(dir.path, 'usb');
  let central: ReturnType<typeof centralProcess>;
  let station: Awaited<ReturnType<typeof openStationPage>> | null = null;
  let page: Page;
  let seed: (from: number, count: number) => Promise<string[]>;
  let atBackup: { records: Row[]; pages: number; pageTexts: number; documents: number; audit: number };
  const records = () => readStore<Row>(page, 'records');
  const go = (label: string) => page.getByTestId('main-nav').getByText(label, { exact: true }).click();
  const stationsOnCentral = async () =>
    (await (
      await fetch(`${central.url}/v1/admin/stations`, {
        headers: { authorization: `Bearer ${central.adminToken}` },
      })
    ).json()) as { stations: { stationNumber: string; records: number }[] };

  beforeAll(async () => {
    requireBuild();
    const pki = createTestPki(dir.path);
    central = centralProcess({
      dataDir: join(dir.path, 'central'),
      port: await freePort(),
      trustDir: pki.trustDir,
    });
    await central.start();
    mkdirSync(usb);
    await prepareStation(oldPc, () => ({
      agencyId: '000.00.12.H20',
      stationNumber: '007',
      centralUrl: central.url,
      backup: { folder: usb, intervalHours: 0, afterSigning: false, keep: 14 },
    }));
    const services = createStationServices({ dataDir: oldPc });
    await services.backup.setPassphrase(PASSPHRASE);
    const made = await fetch(`${central.url}/v1/admin/enrolments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${central.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ note: 'Trạm 007', departments: ['NCC'] }),
    });
    await services.sync.enrol(((await made.json()) as { code: string }).code);
    const signer = await openPkcs12Signer(pki.agency.p12Path, P12_PASSWORD);

    /** Approved records as review leaves them (queued, attested, in the outbox), put into Chromium's IndexedDB. */
    seed = async (from, count) => {
      const items = [];
      for (let index = from; index < from + count; index++) {
        const code = `000.00.12.H20.2026.007${String(index).padStart(6, '0')}K`;
        const meta = recordMeta({
          idNumber: `0870850${String(index).padStart(5, '0')}`,
          name: `Công dân ${index}`,
          number: `${index}/QĐ-SLĐTBXH`,
        });
        const { pdf, sha256 } = await signedRecord(signer, code, meta);
        const at = Date.now();
        const token = services.attestor.sign({ kind: 'approved', code, sha256, by: 'supervisor', at });
        const id = `R${index}`;
        items.push({
          record: {
            id,
            code,
            status: 'queued',
            fields: meta.fields,
            ownerIdNumber: meta.fields.ownerIdNumber,
            ownerName: meta.fields.ownerName,
            documentNumber: meta.fields.documentNumber,
            procedureCode: meta.fields.procedureCode,
            departmentCode: 'NCC',
            review: { decision: 'approved', by: 'supervisor', byName: 'Phạm Văn Duyệt', at, token },
            createdBy: 'clerk',
            createdAt: at,
            updatedAt: at,
          },
          document: {
            recordId: id,
            sha256,
            bytes: pdf.length,
            level: 'B-B',
            signerName: 'Sở LĐ-TB&XH',
            signedAt: at,
          },
          pdfBase64: pdf.toString('base64'),
          outbox: {
            id: `record:${id}`,
            kind: 'record',
            recordId: id,
            status: 'pending',
            attempts: 0,
            nextAttemptAt: at,
            updatedAt: at,
          },
        });
      }
      await page.evaluate(async (rows) => {
        const open = indexedDB.open('sohoa-station');
        const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['records', 'documents', 'outbox'], 'readwrite');
          for (const row of rows) {
            tx.objectStore('records').put(row.record);
            const bytes = Uint8Array.from(atob(row.pdfBase64), (char) => char.charCodeAt(0));
            tx.objectStore('documents').put({
              ...row.document,
              pdf: new Blob([bytes], { type: 'application/pdf' }),
            });
            tx.objectStore('outbox').put(row.outbox);
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      }, items);
      return items.map((item) => item.record.id);
    };
    station = await openStationPage(oldPc);
    page = station.page;
    await login(page, ADMIN);
    await page.getByTestId('main-nav').waitFor();
  }, 120_000);
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && station)
      await screenshot(page, `failed-backup-${task.name.slice(0, 40)}`);
  });
  afterAll(async () => {
    await station?.close();
    await central?.stop();
    dir.remove();
  });

  const synced = async (ids: string[]) =>
    (await records()).filter((row) => ids.includes(row.id) && row.status === 'synced').length;

  it('backs up a day’s work: records synced and not, and a page just scanned', async () => {
    const first = await seed(1, 2);
    await expect.poll(() => synced(first), { timeout: 60_000 }).toBe(2);
    // The network goes: two more records wait in the queue.
    await central.stop();
    await seed(3, 2);
    // A page imported at the desk, read by OCR.
    const file = join(dir.path, 'quyet-dinh.jpg');
    const [decision] = demoStack(3, 1);
    writeFileSync(
      file,
      await sharp(Buffer.from(decision!.svg), { density: 200 })
        .flatten({ background: 'white' })
        .jpeg()
        .toBuffer(),
    );
    await go('Quét');
    await page.getByTestId('import-input').setInputFiles(file);
    await expect.poll(async () => (await readStore(page, 'pageTexts')).length, { timeout: 90_000 }).toBe(1);

    await go('Cài đặt');
    await page.getByTestId('settings-tab-backup').click();
    await page.getByTestId('backup-now').click();
    await expect
      .poll(() => page.getByTestId('backup-last').innerText(), { timeout: 60_000 })
      .toMatch(/theo yêu cầu\): 5 hồ sơ, 1 trang/);
    atBackup = {
      records: await records(),
      pages: (await readStore(page, 'pages')).length,
      pageTexts: (await readStore(page, 'pageTexts')).length,
      documents: (await readStore(page, 'documents')).length,
      audit: (await readStore(page, 'audit')).length,
    };
    // The panel alone: the settings page is long.
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page
      .getByTestId('backup-panel')
      .screenshot({ path: join(SCREENSHOT_DIR, '40-backup-settings.png') });
    // The folder holds one set, encrypted: nothing in it is named after a record or a person.
    const [set] = readdirSync(usb);
    expect(set).toMatch(/^SoHoa-backup-/);
  });

  it('goes on syncing after the backup, then its disk dies', async () => {
    await central.start();
    await expect.poll(() => synced(['R3', 'R4']), { timeout: 60_000 }).toBe(2);
    await expect
      .poll(async () => (await stationsOnCentral()).stations[0]?.records, { timeout: 30_000 })
      .toBe(4);
    await station!.close();
    station = null;
  });

  it('restores on a new PC: a wrong passphrase changes nothing, the right one brings the station back', async () => {
    station = await openStationPage(newPc);
    page = station.page;
    await page.getByTestId('setup-restore').click();
    await page.getByTestId('restore-folder').fill(usb);
    await page.getByTestId('restore-passphrase').fill('không phải mật khẩu này');
    await page.getByTestId('restore-submit').click();
    await expect
      .poll(() => page.getByTestId('restore-error').innerText())
      .toBe('Mật khẩu khôi phục không đúng với bản sao lưu này. Không có gì bị thay đổi.');
    await screenshot(page, '41-restore-wrong-passphrase');
    await page.getByTestId('restore-passphrase').fill(PASSPHRASE);
    await page.getByTestId('restore-submit').click();
    // The old station's administrator signs in; the gate loads the tables before any screen.
    await page.getByTestId('login-username').waitFor({ timeout: 30_000 });
    await screenshot(page, '42-restore-login');
    await login(page, ADMIN);
    await page.getByTestId('main-nav').waitFor({ timeout: 60_000 });

    const restored = await records();
    expect(restored.map((row) => row.id).sort()).toEqual(atBackup.records.map((row) => row.id).sort());
    // As backed up, except that the sync (Central is up) may already have sent what was queued.
    for (const row of restored) {
      const before = atBackup.records.find((each) => each.id === row.id)!.status;
      expect(before === 'queued' ? ['queued', 'synced'] : [before]).toContain(row.status);
    }
    expect((await readStore(page, 'pages')).length).toBe(atBackup.pages);
    expect(
      (await readStore<{ pdf?: string }>(page, 'documents')).every((row) => row.pdf?.startsWith('Blob(')),
    ).toBe(true);
    expect((await readStore(page, 'pageTexts')).length).toBe(atBackup.pageTexts);
    expect((await readStore(page, 'documents')).length).toBe(atBackup.documents);
  });

  it('syncs what the backup had queued: every record on Central once, the trail continued from the backup', async () => {
    await expect.poll(() => synced(['R1', 'R2', 'R3', 'R4']), { timeout: 60_000 }).toBe(4);
    expect((await stationsOnCentral()).stations.map((each) => each.records)).toEqual([4]);
    const trail = await readStore<AuditEntry>(page, 'audit');
    expect(verifyAuditChain(trail).ok).toBe(true);
    expect(trail.length).toBeGreaterThan(atBackup.audit);
    expect(trail.find((entry) => entry.action === 'restore')?.seq).toBe(atBackup.audit + 1);
    // Central took the trail from the backup on and kept the lost PC's later entries aside.
    const journal = async () =>
      (
        (await (
          await fetch(`${central.url}/v1/admin/journal`, {
            headers: { authorization: `Bearer ${central.adminToken}` },
          })
        ).json()) as { entries: { action: string }[] }
      ).entries.map((entry) => entry.action);
    await expect.poll(journal, { timeout: 30_000 }).toContain('audit.forked');
    await go('Đồng bộ');
    await screenshot(page, '43-restored-synced');
  });
});
