import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoStack } from '../../src-main/capture/demo/demo-documents';
import { createStationServices } from '../../src-main/services/station-services';
import { createBackend } from '../../src-main/ipc/create-backend';
import { verifyAuditChain, type AuditEntry } from '../../src-shared/audit/audit-chain';
import { signingSettingsSchema } from '../../src-shared/domain/settings';
import { requireBuild } from '../support/built-app';
import { screenshot } from '../support/chromium';
import { login, openStationPage, pickOption, readStore } from '../support/station-page';
import { prepareStation } from '../support/station-setup';
import { makeTempDir } from '../support/temp-dir';
import { createTestPki, P12_PASSWORD } from '../support/test-pki';
import { centralProcess, freePort } from '../support/central-process';
import { ADMIN, CLERK } from '../support/users';
import { chooseLanguage, EVERYONE, tourScreens } from '../support/screen-tour';

const SUPERVISOR = {
  username: 'nguoiduyet',
  displayName: 'Phạm Văn Duyệt',
  password: 'Duyet2026',
  roles: ['supervisor' as const],
};

interface Row {
  id: string;
  status: string;
  code?: string;
  batchId?: string;
  supersedes?: string;
  review?: { decision: string; reason?: { code: string; text: string } };
}

describe('batches, review and sync in Chromium: submit, reject with a reason, correct, resubmit, approve, sync to SoHoa Central', () => {
  const dir = makeTempDir('sohoa-e2e-review-');
  let station: Awaited<ReturnType<typeof openStationPage>>;
  let central: ReturnType<typeof centralProcess>;
  let page: Page;
  const records = () => readStore<Row>(page, 'records');
  /** Main's journal as it was before the station's first drain. */
  let unconfirmedJournal = '';
  /** A result the lookup step removes from this station, so that only Central holds it. */
  let centralOnlyCode = '';

  const switchUser = async (user: { username: string; password: string }) => {
    await page.getByRole('button', { name: /Đăng xuất/ }).click();
    await login(page, user);
    await page.getByTestId('main-nav').waitFor();
  };
  const go = (label: string) => page.getByTestId('main-nav').getByText(label, { exact: true }).click();
  /** Accepts every suggestion and saves the record shown; a twin warning is answered "save anyway". */
  const indexShown = async () => {
    await expect.poll(() => page.getByTestId('accept-all').isEnabled(), { timeout: 60_000 }).toBe(true);
    await page.keyboard.press('Alt+A');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('record-code').count(), { timeout: 10_000 }).toBe(1);
  };
  const unlockSigning = async () => {
    await page.getByTestId('signing-unlock').click();
    await page.getByTestId('signing-secret').fill(P12_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('signing-unlocked').waitFor();
  };

  beforeAll(async () => {
    requireBuild();
    const pki = createTestPki(dir.path);
    central = centralProcess({
      dataDir: join(dir.path, 'central'),
      port: await freePort(),
      trustDir: pki.trustDir,
    });
    await central.start();
    await prepareStation(dir.path, () => ({
      agencyId: '000.00.12.H20',
      stationNumber: '007',
      centralUrl: central.url,
      signing: signingSettingsSchema.parse({
        method: 'pkcs12',
        pkcs12File: pki.agency.p12Path,
        trustDir: pki.trustDir,
      }),
    }));
    await createStationServices({ dataDir: dir.path }).accounts.create(SUPERVISOR);
    // For the last step's tour of every screen, with this run's records on them: made by the
    // administrator through main's handlers, as the CLI does, while no window is open. Main
    // journals it; the trail gets it when someone signs in.
    const { registry } = createBackend({ dataDir: dir.path, binding: 'cli' });
    for (const [channel, request] of [
      ['auth.login', { username: ADMIN.username, password: ADMIN.password }],
      ['users.create', EVERYONE],
    ] as const) {
      const answer = await registry.invoke(channel, request, { sessionKey: 'cli' });
      if (!answer.ok) throw new Error(`${channel}: ${answer.error.code}`);
    }
    // As main holds it before any drain: put back later, it is a confirmation main never got.
    unconfirmedJournal = readFileSync(join(dir.path, 'journal.json'), 'utf8');
    station = await openStationPage(dir.path);
    page = station.page;
    // The IT admin enrols the station with the one-time code Central's administrator made.
    const made = await fetch(`${central.url}/v1/admin/enrolments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${central.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ note: 'Trạm 007', departments: ['NCC'] }),
    });
    const { code } = (await made.json()) as { code: string };
    await login(page, ADMIN);
    await go('Cài đặt');
    await page.getByTestId('settings-tab-central').click();
    await page.getByTestId('central-code').fill(code);
    await page.getByTestId('central-enrol').click();
    await page.getByTestId('central-station-id').waitFor();
    await switchUser(CLERK);
    // Sync waits until the review is done, so that what review queues can be seen queued.
    await go('Đồng bộ');
    await page.getByTestId('sync-pause').click();
    await page.getByTestId('sync-resume').waitFor();
    await go('Quét');
    await page.getByTestId('scan-start').waitFor();
  }, 120_000);
  afterEach(async ({ task }) => {
    // What the screen showed when a step failed: the first thing to look at.
    if (task.result?.state === 'fail') await screenshot(page, `failed-review-${task.name.slice(0, 40)}`);
  });
  afterAll(async () => {
    await station?.close();
    await central?.stop();
    dir.remove();
  });

  it('lets the clerk capture, index and sign three records, then submit their batch', async () => {
    // Three decisions of the demo set (each a different person), as a copier's files.
    for (let count = 1; count <= 3; count++) {
      const file = join(dir.path, `quyet-dinh-${count}.jpg`);
      const [decision] = demoStack(count * 3, 1);
      writeFileSync(
        file,
        await sharp(Buffer.from(decision!.svg), { density: 200 })
          .flatten({ background: 'white' })
          .withDensity(200)
          .jpeg()
          .toBuffer(),
      );
      if (count > 1) await page.getByRole('button', { name: /Hồ sơ mới/ }).click();
      await page.getByTestId('import-input').setInputFiles(file);
      await expect
        .poll(async () => (await records()).filter((row) => row.status === 'captured').length, {
          timeout: 30_000,
        })
        .toBe(count);
    }
    await go('Lập chỉ mục');
    for (let count = 0; count < 3; count++) {
      await page.getByTestId('indexing-item').filter({ hasNotText: '000.00.12' }).first().click();
      await indexShown();
    }
    await go('Ký số');
    await unlockSigning();
    await page.getByTestId('finalize-all').click();
    await expect
      .poll(async () => (await records()).filter((row) => row.status === 'finalized').length, {
        timeout: 60_000,
      })
      .toBe(3);

    await go('Lô hồ sơ');
    await expect.poll(() => page.getByTestId('batch-records').locator('tbody tr').count()).toBe(3);
    await page.getByTestId('batch-submit').click();
    await expect
      .poll(() => page.getByTestId('batch-detail').getByTestId('batch-status').innerText())
      .toBe('Đã nộp duyệt');
    const rows = await records();
    expect(rows.map((row) => row.status)).toEqual(['submitted', 'submitted', 'submitted']);
    expect(new Set(rows.map((row) => row.batchId)).size).toBe(1);
    expect(await readStore(page, 'outbox')).toEqual([]);
  });

  it('lets the supervisor reject one record with a reason and approve the two others', async () => {
    await switchUser(SUPERVISOR);
    await go('Duyệt lô');
    await expect.poll(() => page.getByTestId('review-record').count(), { timeout: 10_000 }).toBe(3);
    await expect.poll(() => page.getByTestId('verification-valid').count(), { timeout: 30_000 }).toBe(1);
    await screenshot(page, '20-review-record');
    const first = await page.getByTestId('review-detail').locator('.ant-card-head-title').innerText();
    await page.getByTestId('review-reject').click();
    await pickOption(page, 'reject-reason', 'Ảnh quét mờ');
    await page.getByTestId('reject-text').fill('Trang 1 bị mờ ở góc trên, quét lại ở 300 dpi.');
    await screenshot(page, '21-review-reject');
    await page.getByTestId('reject-confirm').click();
    await expect
      .poll(async () => (await records()).find((row) => row.code === first)?.status, { timeout: 10_000 })
      .toBe('rejected');
    // The next waiting record is shown: approve it with the keyboard, then the last one.
    for (let left = 2; left >= 1; left--) {
      await expect.poll(() => page.getByTestId('review-approve').isEnabled()).toBe(true);
      await page.keyboard.press('Alt+A');
      await expect
        .poll(async () => (await records()).filter((row) => row.status === 'queued').length, {
          timeout: 10_000,
        })
        .toBe(3 - left);
    }
    await expect.poll(() => page.getByTestId('review-empty').count()).toBe(1);
    const rows = await records();
    expect(rows.find((row) => row.code === first)?.review).toMatchObject({
      decision: 'rejected',
      reason: { code: 'imageQuality', text: 'Trang 1 bị mờ ở góc trên, quét lại ở 300 dpi.' },
    });
    expect((await readStore<{ status: string }>(page, 'outbox')).map((row) => row.status)).toEqual([
      'pending',
      'pending',
    ]);
  });

  it('gives the clerk the reason; the clerk corrects the record, signs it and resubmits', async () => {
    await switchUser(CLERK);
    await go('Lô hồ sơ');
    await expect
      .poll(() => page.getByTestId('rejection-reason').innerText(), { timeout: 10_000 })
      .toContain(
        'Ảnh quét mờ, lệch hoặc bị cắt: Trang 1 bị mờ ở góc trên, quét lại ở 300 dpi. — Phạm Văn Duyệt',
      );
    expect(await page.getByTestId('batch-detail').getByTestId('batch-status').innerText()).toBe(
      'Có hồ sơ bị trả lại',
    );
    await screenshot(page, '22-batch-rejected');
    await page.getByTestId('record-correct').click();
    await page.getByTestId('correction-of').waitFor();
    await page.getByTestId('field-signerName').fill('Lê Quang Vinh');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('record-code').count(), { timeout: 10_000 }).toBe(1);
    await go('Ký số');
    await unlockSigning();
    await page.getByTestId('finalize-all').click();
    await expect
      .poll(async () => (await records()).filter((row) => row.status === 'superseded').length, {
        timeout: 60_000,
      })
      .toBe(1);
    await go('Lô hồ sơ');
    await page.getByTestId('batch-submit').click();
    await expect
      .poll(() => page.getByTestId('batch-detail').getByTestId('batch-status').innerText())
      .toBe('Đang duyệt');
  });

  it('lets the supervisor approve the correction: three records queued for sync, the audit trail intact', async () => {
    // The trail took main's journal at the first login; as if that confirmation had been lost
    // in a crash, main offers the same entries again at the next login: none is added twice.
    writeFileSync(join(dir.path, 'journal.json'), unconfirmedJournal);
    await switchUser(SUPERVISOR);
    await go('Duyệt lô');
    await expect.poll(() => page.getByTestId('review-approve').isEnabled(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, '23-review-correction');
    await page.getByTestId('review-approve').click();
    await expect.poll(() => page.getByTestId('review-empty').count(), { timeout: 10_000 }).toBe(1);

    const rows = await records();
    expect(rows.filter((row) => row.status === 'queued')).toHaveLength(3);
    expect(rows.filter((row) => row.status === 'superseded')).toHaveLength(1);
    const outbox = await readStore<{ recordId: string; status: string }>(page, 'outbox');
    expect(outbox.map((row) => row.status)).toEqual(['pending', 'pending', 'pending']);
    expect(new Set(outbox.map((row) => row.recordId))).toEqual(
      new Set(rows.filter((row) => row.status === 'queued').map((row) => row.id)),
    );
    const [batch] = await readStore<{ status: string }>(page, 'batches');
    expect(batch?.status).toBe('queued');

    // Every step is in the trail, and the trail verifies (here and on the audit screen).
    const trail = await readStore<AuditEntry>(page, 'audit');
    expect(verifyAuditChain(trail).ok).toBe(true);
    const actions = trail.map((entry) => entry.action);
    for (const action of [
      'login',
      'capture',
      'index',
      'finalize',
      'submit',
      'reject',
      'correct',
      'approve',
      'logout',
    ])
      expect(actions, action).toContain(action);
    await go('Nhật ký');
    await expect.poll(() => page.getByTestId('audit-intact').count(), { timeout: 10_000 }).toBe(1);
    // Each change reads as words: labelled fields, no JSON, no message keys, no run ids.
    const changes = (
      await page.getByTestId('audit-table').locator('tbody tr.ant-table-row td:last-child').allInnerTexts()
    ).join('\n');
    // The correction's new signer, as the clerk typed it.
    expect(changes).toMatch(/Người ký: .+ → Lê Quang Vinh/);
    // The account main made before any window opened, and the enrolment the admin made in
    // Settings, both journaled by main, in the name of who made them.
    const journaled = trail.filter((entry) => entry.action === 'settings');
    expect(journaled.map((entry) => [entry.userName, entry.after])).toEqual(
      expect.arrayContaining([
        [ADMIN.displayName, expect.objectContaining({ account: EVERYONE.username, change: 'created' })],
        [ADMIN.displayName, expect.objectContaining({ central: central.url })],
      ]),
    );
    expect(
      journaled.filter((entry) => (entry.after as { account?: string })?.account === EVERYONE.username),
    ).toHaveLength(1);
    expect(changes).not.toMatch(/[{}"]|[0-9a-f]{8}-[0-9a-f]{4}-|\b(import|capture|sync)\.[a-z]+[A-Z]/);
    await screenshot(page, '24-audit-trail');
  });

  it('syncs the three approved records to SoHoa Central, where the lookup by owner ID finds them', async () => {
    await go('Đồng bộ');
    await expect.poll(() => page.getByTestId('sync-queue').locator('tbody tr.ant-table-row').count()).toBe(3);
    await screenshot(page, '25-sync-paused');
    await page.getByTestId('sync-resume').click();
    await expect
      .poll(() => page.getByTestId('sync-recent').locator('tbody tr.ant-table-row').count(), {
        timeout: 60_000,
      })
      .toBe(3);
    expect(await page.getByTestId('sync-connection').innerText()).toBe('Đang kết nối');
    expect(await page.getByTestId('status-connection').innerText()).toContain('Trực tuyến');
    await screenshot(page, '26-sync-done');
    const rows = await records();
    const synced = rows.filter((row) => row.status === 'synced') as (Row & { ownerIdNumber: string })[];
    expect(synced).toHaveLength(3);
    const documents = await readStore<{ recordId: string; sha256: string }>(page, 'documents');
    for (const record of synced) {
      const reply = await fetch(`${central.url}/v1/records?ownerId=${record.ownerIdNumber}`, {
        headers: { authorization: `Bearer ${central.adminToken}` },
      });
      const found = ((await reply.json()) as { records: { receipt: { code: string; sha256: string } }[] })
        .records;
      const current = found.find((each) => each.receipt.code === record.code);
      expect(current?.receipt.sha256).toBe(documents.find((each) => each.recordId === record.id)?.sha256);
    }
    // The rejected original stays at the station, superseded; its correction is what Central holds.
    expect(rows.filter((row) => row.status === 'superseded')).toHaveLength(1);
    const [batch] = await readStore<{ status: string }>(page, 'batches');
    expect(batch?.status).toBe('synced');
  });

  it('shows progress against the inventory, moving as counts are entered, and exports the report as XLSX and PDF', async () => {
    await go('Thống kê');
    await expect
      .poll(() => page.getByTestId('progress-summary').innerText(), { timeout: 10_000 })
      .toContain('Đã số hóa 3 trên 0');
    expect(await page.getByTestId('progress-target').innerText()).toBe('Chưa kiểm đếm');
    // The Office's count, imported from its workbook: 12 decisions on allowances still valid.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Kiểm đếm');
    sheet.addRow(['Phòng', 'Mã thủ tục', 'Số lượng', 'Ngày kiểm đếm', 'Ghi chú']);
    sheet.addRow(['NCC', '1.001257', 12, '15/01/2026', 'Kho lưu trữ tầng 2']);
    sheet.addRow(['NCC', 'sai-ma', 3, '15/01/2026', '']);
    const file = join(dir.path, 'kiem-dem.xlsx');
    await workbook.xlsx.writeFile(file);
    await page.getByTestId('inventory-file').setInputFiles(file);
    await expect
      .poll(() => page.getByTestId('progress-summary').innerText(), { timeout: 10_000 })
      .toContain('Đã số hóa 3 trên 12');
    expect(await page.getByTestId('progress-overall').innerText()).toContain('25 %');
    expect(await page.getByTestId('inventory-panel').innerText()).toContain(
      'Dòng 3: mã thủ tục không đúng dạng 1.xxxxxx hoặc 2.xxxxxx',
    );
    // A recount by hand: 6 left on paper. The bar moves to half.
    await pickOption(page, 'inventory-department', 'Người có công');
    await pickOption(page, 'inventory-procedure', '1.001257');
    await page.getByTestId('inventory-count').fill('6');
    await page.getByTestId('inventory-add').click();
    await expect
      .poll(() => page.getByTestId('progress-overall').innerText(), { timeout: 10_000 })
      .toContain('50 %');
    await expect
      .poll(() => page.getByTestId('progress-procedures').innerText())
      .toMatch(/1\.001257[\s\S]*\d+ %/);
    await screenshot(page, '27-stats-dashboard');

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-xlsx').click(),
    ]);
    const xlsxPath = join(dir.path, 'bao-cao.xlsx');
    await xlsx.saveAs(xlsxPath);
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(xlsxPath);
    const summary = read.getWorksheet('Tổng hợp')!;
    const cells = (row: number) => [summary.getCell(row, 1).text, summary.getCell(row, 2).text];
    expect(cells(7)).toEqual(['Số kết quả còn hiệu lực (kiểm đếm)', '6']);
    expect(cells(8)).toEqual(['Đã số hóa', '3']);
    expect(cells(9)).toEqual(['Tỷ lệ', '50 %']);
    const procedures = read.getWorksheet('Theo thủ tục hành chính')!;
    const procedureCodes = procedures.getColumn(1).values.map(String);
    expect(procedureCodes).toContain('1.001257');

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
    const pdfPath = join(dir.path, 'bao-cao.pdf');
    await pdf.saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
    expect(text).toContain('BÁO CÁO TIẾN ĐỘ SỐ HÓA KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(text).toMatch(/Tỷ lệ\s+50 %/);
    expect(text).toContain('Theo thủ tục hành chính');
    expect(text).toContain('Phạm Văn Duyệt');
  });

  it('looks results up here and on SoHoa Central, opens one with its signature checked, and hands a dossier over for reuse', async () => {
    const synced = (await records()).filter((row) => row.status === 'synced') as (Row & {
      ownerIdNumber: string;
    })[];
    const [here, elsewhere] = synced;
    centralOnlyCode = elsewhere!.code!;
    // A result digitized at another station: Central has it, this station does not.
    await page.evaluate(async (id) => {
      const open = indexedDB.open('sohoa-station');
      const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
      await new Promise((resolve) => {
        const transaction = db.transaction(['records', 'documents'], 'readwrite');
        transaction.objectStore('records').delete(id);
        transaction.objectStore('documents').delete(id);
        transaction.oncomplete = resolve;
      });
      db.close();
    }, elsewhere!.id);

    await go('Tra cứu');
    const rows = () => page.getByTestId('lookup-results').locator('tbody tr.ant-table-row');
    // By its code: only Central has it now.
    await page.getByTestId('lookup-query').locator('input').fill(elsewhere!.code!);
    await expect.poll(() => rows().first().innerText(), { timeout: 10_000 }).toContain(elsewhere!.code!);
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().innerText()).toContain('Trên SoHoa Central');
    expect(await rows().first().getByTestId('lookup-validity').innerText()).toBe('Còn hiệu lực');
    await rows().first().getByTestId('lookup-open').click();
    await expect.poll(() => page.getByTestId('verification-valid').count(), { timeout: 30_000 }).toBe(1);
    await screenshot(page, '28-lookup-central');
    await page.keyboard.press('Escape');

    // By its owner's ID number: the owner's dossier, from this station.
    await page.getByTestId('lookup-query').locator('input').fill(here!.ownerIdNumber);
    const row = page
      .getByTestId('lookup-results')
      .locator('tbody tr.ant-table-row', { hasText: here!.code! });
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain('Tại trạm, đã đồng bộ');
    const [zip] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('lookup-dossier').click(),
    ]);
    const zipPath = join(dir.path, 'ho-so.zip');
    await zip.saveAs(zipPath);
    const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
    expect(Object.keys(entries)).toEqual(expect.arrayContaining([`${here!.code}.pdf`, 'danh-sach.csv']));
    expect(Buffer.from(entries[`${here!.code}.pdf`]!.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(strFromU8(entries['danh-sach.csv']!)).toContain(`${here!.code};`);

    // The reuse counts on the dashboard, and in the audit trail.
    await go('Thống kê');
    await expect.poll(() => page.getByTestId('progress-overall').count()).toBe(1);
    const reuses = await readStore<{ code: string; source: string }>(page, 'reuses');
    expect(reuses).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: here!.code, source: 'local' })]),
    );
    const trail = await readStore<AuditEntry>(page, 'audit');
    expect(trail.filter((entry) => entry.action === 'reuse')).toHaveLength(reuses.length);
  });

  it('records a revocation here and for a result only Central holds; Central holds both after sync, and its progress across stations counts the inventory sent', async () => {
    const synced = (await records()).filter((row) => row.status === 'synced');
    const here = synced[0]!;
    await go('Tra cứu');
    const revoke = async (code: string, documentNumber: string, deviceLocked: boolean) => {
      await page.getByTestId('lookup-query').locator('input').fill(code);
      const row = page.getByTestId('lookup-results').locator('tbody tr.ant-table-row', { hasText: code });
      await expect
        .poll(() => row.getByTestId('lookup-validity').innerText(), { timeout: 10_000 })
        .toBe('Còn hiệu lực');
      await row.getByTestId('lookup-revoke').click();
      // A revocation is signed with the supervisor's device: its PIN is asked while it is locked.
      await page.getByTestId('revoke-reason').waitFor();
      await expect.poll(() => page.getByTestId('revoke-secret').count()).toBe(deviceLocked ? 1 : 0);
      if (deviceLocked) await page.getByTestId('revoke-secret').fill('sai-mat-khau');
      // Before the issue date: refused in the form, nothing recorded.
      await page.getByTestId('revoke-date').fill('01/01/2001');
      await page.getByTestId('revoke-document').fill(documentNumber);
      await page.getByTestId('revoke-reason').fill('Cấp sai đối tượng');
      await page.getByTestId('revoke-confirm').click();
      await expect
        .poll(() => page.locator('.ant-modal').innerText())
        .toContain('không thể trước ngày ban hành');
      await page.getByTestId('revoke-date').fill('01/12/2026');
      if (deviceLocked) {
        await screenshot(page, '29-lookup-revoke-pin');
        // A wrong PIN: its own message, the field emptied, nothing recorded.
        await page.getByTestId('revoke-confirm').click();
        await expect.poll(() => page.locator('.ant-message').innerText()).toMatch(/mật khẩu|PIN/i);
        expect(await page.getByTestId('revoke-secret').inputValue()).toBe('');
        await page.getByTestId('revoke-secret').fill(P12_PASSWORD);
      }
      await page.getByTestId('revoke-confirm').click();
      await expect
        .poll(() => row.getByTestId('lookup-validity').innerText(), { timeout: 10_000 })
        .toBe('Đã bị thu hồi');
      expect(await row.getByTestId('lookup-revoke').count()).toBe(0);
      // No longer valid: seen and opened, never handed over for a new procedure.
      expect(await row.getByTestId('lookup-reuse').isDisabled()).toBe(true);
    };
    await revoke(here.code!, '15/QĐ-SLĐTBXH', true);
    await screenshot(page, '29-lookup-revoked');
    // The one the earlier step removed from this station: only Central holds it.
    await revoke(centralOnlyCode, '16/QĐ-SLĐTBXH', false);

    await go('Đồng bộ');
    await page.getByTestId('sync-now').click();
    await expect
      .poll(
        async () =>
          (await readStore<{ code: string; syncedAt?: number }>(page, 'revocations')).filter(
            (row) => row.syncedAt,
          ).length,
        { timeout: 30_000 },
      )
      .toBe(2);
    const onCentral = (await fetch(`${central.url}/v1/records?code=${encodeURIComponent(here.code!)}`, {
      headers: { authorization: `Bearer ${central.adminToken}` },
    }).then((reply) => reply.json())) as {
      records: { revocation: { documentNumber: string; date: string; signer: string } | null }[];
    };
    // Central checked the supervisor's signature and says who made it.
    expect(onCentral.records[0]!.revocation).toMatchObject({
      documentNumber: '15/QĐ-SLĐTBXH',
      date: '2026-12-01',
      stationNumber: '007',
      signer: expect.stringContaining('Sở Lao động'),
    });
    const trail = await readStore<AuditEntry>(page, 'audit');
    expect(trail.filter((entry) => entry.action === 'revoke')).toHaveLength(2);

    // Central's progress: its three standing records less the two revoked, over the Office's
    // latest count (6) the station sent with the sync.
    await go('Thống kê');
    await expect
      .poll(() => page.getByTestId('central-progress-summary').innerText(), { timeout: 10_000 })
      .toContain('Đã số hóa 1 trên 6');
    expect(await page.getByTestId('progress-summary').innerText()).toContain('Đã số hóa 1 trên 6');
    await page.getByTestId('central-stats').scrollIntoViewIfNeeded();
    await screenshot(page, '30-stats-central');
  });

  it('shows every screen whole at 1366×768 in both languages, holding the records of this run, batches, sync and trail', async () => {
    await switchUser(EVERYONE);
    await page.setViewportSize({ width: 1366, height: 768 });
    const found: string[] = [];
    for (const language of ['en', 'vi'] as const) {
      await chooseLanguage(page, language);
      found.push(
        ...(await tourScreens(page, `32-${language}-data`)).map((defect) => `${language} ${defect}`),
      );
      // The trail in words: no raw key ("countedAt"), no JSON moment, each code on one line.
      await page.evaluate(() => (location.hash = '#/audit'));
      const table = page.getByTestId('audit-table');
      await table.locator('tbody tr').first().waitFor();
      for (const text of await table.locator('tbody td:last-child').allInnerTexts()) {
        if (/\b[a-z]+[A-Z]\w*\b|\d{4}-\d{2}-\d{2}T/.test(text)) found.push(`${language} audit says: ${text}`);
      }
      for (const code of await table.locator('tbody code').all()) {
        const box = (await code.boundingBox())!;
        if (box.height > 24) found.push(`${language} audit code wraps: ${await code.innerText()}`);
      }
    }
    expect(found).toEqual([]);
  });
});
