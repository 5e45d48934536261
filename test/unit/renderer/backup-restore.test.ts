import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nextAuditEntry, verifyAuditChain, type AuditEntry } from '../../../src-shared/audit/audit-chain';
import { buildStationBridge, createStationClient } from '../../../src-shared/ipc/station-api';
import type { ChannelName } from '../../../src-shared/ipc/contract';
import { loadPendingRestore, RESTORE_CODE_GAP } from '../../../src-renderer/backup/load-restore';
import { runBackup } from '../../../src-renderer/backup/run-backup';
import { MIGRATIONS } from '../../../src-renderer/db/migrations';
import type { PageRow, RecordRow } from '../../../src-renderer/db/rows';
import { openStationDb, type StationDb } from '../../../src-renderer/db/station-db';
import { ADMIN, makeBackend, valueOf } from '../../support/backend';
import { makeTempDir } from '../../support/temp-dir';

const PASSPHRASE = 'sao lưu trạm 001 an toàn';
const OWNER = 'Lê Thị Hồng Nhung';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function station() {
  const backend = makeBackend();
  cleanups.push(() => backend.dir.remove());
  const client = (sessionKey: string) =>
    createStationClient(
      buildStationBridge((name: ChannelName, request) =>
        backend.registry.invoke(name, request, { sessionKey }),
      ),
    );
  return { ...backend, client };
}

function database(name: string, upTo?: number): StationDb {
  const db = openStationDb({
    name,
    ...(upTo ? { migrations: MIGRATIONS.filter((migration) => migration.version <= upTo) } : {}),
  });
  cleanups.push(() => {
    db.close();
    return Dexie.delete(name);
  });
  return db;
}

const bytes = (seed: number, size: number) => {
  const data = new Uint8Array(size);
  for (let index = 0; index < size; index += 1) data[index] = (seed * 31 + index * 7) % 251;
  return data;
};
const sha256 = async (data: Uint8Array) =>
  Buffer.from(await crypto.subtle.digest('SHA-256', data as BufferSource)).toString('hex');

async function addRecord(db: StationDb, index: number): Promise<void> {
  const record: RecordRow = {
    id: `r${index}`,
    code: `000.00.12.H20.2026.0010000${index}`,
    status: 'queued',
    ownerName: OWNER,
    ownerIdNumber: `0870950001${String(index).padStart(2, '0')}`,
    fields: { documentNumber: `${index}/QĐ-SLĐTBXH` },
    createdBy: 'u1',
    createdAt: index,
    updatedAt: index,
  };
  const image = bytes(index, 200_000);
  const page: PageRow = {
    id: `p${index}`,
    recordId: record.id,
    index: 0,
    image: new Blob([image], { type: 'image/jpeg' }),
    thumbnail: new Blob([bytes(index + 1000, 3000)], { type: 'image/jpeg' }),
    mimeType: 'image/jpeg',
    widthPx: 2480,
    heightPx: 3508,
    dpi: 300,
    lowDpi: false,
    sha256: await sha256(image),
    blank: false,
    origin: `run:${index}`,
    rotation: 0,
    ocrStatus: 'done',
    createdAt: index,
  };
  const last = await db.audit.orderBy('seq').last();
  await db.records.add(record);
  await db.pages.add(page);
  await db.pageTexts.add({ pageId: page.id, text: `QUYẾT ĐỊNH ${index} ${OWNER}` });
  await db.audit.add(
    nextAuditEntry(last, { at: index, userId: 'u1', station: '001', action: 'capture', recordId: record.id }),
  );
  await db.meta.put({ key: 'codeSequence:H20', value: index });
}

async function backedUpStation(options: { upTo?: number } = {}) {
  const a = station();
  valueOf(await a.call('admin', 'auth.setupAdmin', ADMIN));
  const usb = makeTempDir('sohoa-usb-');
  cleanups.push(() => usb.remove());
  const admin = a.client('admin');
  await admin.settings.update({
    backup: { folder: usb.path, intervalHours: 24, afterSigning: true, keep: 14 },
  });
  await admin.backup.setPassphrase({ passphrase: PASSPHRASE });
  const db = database(`station-a-${Math.random()}`, options.upTo);
  await db.open();
  for (let index = 1; index <= 5; index += 1) await addRecord(db, index);
  return { a, admin, db, usb };
}

describe('backup and restore of a station', () => {
  it('writes an encrypted backup, then only what changed', async () => {
    const { admin, db, usb } = await backedUpStation();
    const first = await runBackup(db, admin, 'manual');
    expect(first.records).toBe(5);
    expect(first.newBytes).toBeGreaterThan(5 * 200_000);

    // Nothing readable in the folder: no name, no ID number, no page bytes.
    const files: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(folder, entry.name));
        else files.push(join(folder, entry.name));
      }
    };
    walk(usb.path);
    const everything = Buffer.concat(files.map((file) => readFileSync(file)));
    expect(everything.includes(Buffer.from(OWNER))).toBe(false);
    expect(everything.includes(Buffer.from('087095000101'))).toBe(false);
    expect(everything.includes(Buffer.from(bytes(1, 200_000).subarray(0, 64)))).toBe(false);

    const unchanged = await runBackup(db, admin, 'schedule');
    expect(unchanged.newBytes).toBeLessThan(first.newBytes / 100);

    await addRecord(db, 6);
    const incremental = await runBackup(db, admin, 'signing');
    expect(incremental.records).toBe(6);
    expect(incremental.newBytes).toBeGreaterThan(200_000);
    expect(incremental.newBytes).toBeLessThan(first.newBytes / 3);
    expect((await admin.backup.status({})).last).toMatchObject({ ok: true, reason: 'signing' });
  });

  it('refuses a wrong passphrase and a damaged backup without changing the new station', async () => {
    const { admin, db, usb } = await backedUpStation();
    await runBackup(db, admin, 'manual');
    const b = station();
    const fresh = b.client('installer');

    await expect(
      fresh.backup.restore({ folder: usb.path, passphrase: 'không phải mật khẩu này' }),
    ).rejects.toMatchObject({
      code: 'backup.wrongPassphrase',
    });
    const setFolder = join(usb.path, readdirSync(usb.path)[0]!);
    const objects = join(setFolder, 'objects');
    const prefix = readdirSync(objects)[0]!;
    const victim = join(objects, prefix, readdirSync(join(objects, prefix))[0]!);
    const original = readFileSync(victim);
    const altered = Buffer.from(original);
    altered[altered.length - 20] = altered[altered.length - 20]! ^ 0xff;
    writeFileSync(victim, altered);
    await expect(fresh.backup.restore({ folder: usb.path, passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'backup.damaged',
    });
    // Nothing was written: the new station still asks for its first administrator.
    expect((await fresh.auth.status({})).needsSetup).toBe(true);
    expect(existsSync(join(b.dir.path, 'restore'))).toBe(false);
    expect(existsSync(join(b.dir.path, 'accounts.json'))).toBe(false);
    writeFileSync(victim, original);
  });

  it.each([{ upTo: undefined }, { upTo: 8 }])(
    'restores records, pages, the audit chain and main’s keys on a new PC (backup schema $upTo)',
    async ({ upTo }) => {
      const { a, admin, db, usb } = await backedUpStation({ upTo });
      const attestation = a.services.attestor.sign({ code: 'X', sha256: 'a'.repeat(64) });
      await runBackup(db, admin, 'manual');

      const b = station();
      const installer = b.client('installer');
      const restored = await installer.backup.restore({ folder: usb.path, passphrase: PASSPHRASE });
      expect(restored.records).toBe(5);
      // The old PC's administrator signs in on the new one.
      await installer.auth.login({ username: ADMIN.username, password: ADMIN.password });
      const target = database(`station-b-${Math.random()}`);
      // Signing in on the new PC wrote its first entry before the restore loads.
      await target.open();
      await target.audit.add(
        nextAuditEntry(undefined, { at: 9, userId: 'admin', station: '001', action: 'login' }),
      );
      const loaded = await loadPendingRestore(target, installer, {
        userId: 'admin',
        displayName: ADMIN.displayName,
        station: '001',
      });
      expect(loaded?.snapshot.id).toBe(restored.id);
      expect(await installer.backup.pending({})).toBeNull();

      const before = await db.records.toArray();
      expect(await target.records.toArray()).toEqual(before);
      const page = (await target.pages.get('p3'))!;
      expect(await sha256(new Uint8Array(await page.image.arrayBuffer()))).toBe(page.sha256);
      expect(page.rotation).toBe(0);
      expect((await target.pageTexts.get('p3'))?.text).toContain(OWNER);
      const trail = await target.audit.orderBy('seq').toArray();
      expect(trail).toHaveLength(7);
      expect(trail.at(-2)).toMatchObject({ action: 'restore' });
      expect(trail.at(-1)).toMatchObject({ action: 'login', at: 9 });
      expect(verifyAuditChain(trail as AuditEntry[]).ok).toBe(true);
      expect((await target.meta.get('codeSequence:H20'))?.value).toBe(5 + RESTORE_CODE_GAP);
      // Main's attestation key came back, sealed by the new PC's box.
      expect(b.services.attestor.verify(attestation, z.object({ code: z.string() }))).toEqual({ code: 'X' });
      const staged = join(b.dir.path, 'restore');
      expect(existsSync(staged)).toBe(false);
    },
  );
});
