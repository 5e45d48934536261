import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src-shared/audit/audit-chain';
import type { ChannelName } from '../../../src-shared/ipc/contract';
import { buildStationBridge, createStationClient } from '../../../src-shared/ipc/station-api';
import { openStationDb } from '../../../src-renderer/db/station-db';
import { ADMIN, makeBackend, valueOf } from '../../support/backend';
import { makeTempDir } from '../../support/temp-dir';

const PASSPHRASE = 'quét và sao lưu cùng lúc';

/**
 * A backup taken while a scan is being stored is the station at one moment: IndexedDB read in
 * one transaction, and main's capture runs read before it, so a page is in the backup's
 * tables or in its capture runs (or both: stored once again by its origin), never lost.
 */
describe('a backup written while a scan is being stored', () => {
  const a = makeBackend();
  const b = makeBackend();
  const usb = makeTempDir('sohoa-usb-');
  afterAll(async () => {
    a.dir.remove();
    b.dir.remove();
    usb.remove();
    await Dexie.delete('restored-during-scan');
  });

  it('restores consistently: every page whole, in the tables or in the runs, the trail unbroken', async () => {
    const admin = valueOf<{ userId: string }>(await a.call('admin', 'auth.setupAdmin', ADMIN));
    const bridge = (backend: typeof a, key: string) =>
      buildStationBridge((name: ChannelName, request) =>
        backend.registry.invoke(name, request, { sessionKey: key }),
      );
    (globalThis as { window?: unknown }).window = { station: bridge(a, 'admin') };
    const client = createStationClient(bridge(a, 'admin'));
    await client.settings.update({
      backup: { folder: usb.path, intervalHours: 0, afterSigning: false, keep: 3 },
    });
    await client.backup.setPassphrase({ passphrase: PASSPHRASE });
    const { setActingUser } = await import('../../../src-renderer/session/acting-user');
    setActingUser({ userId: admin.userId, displayName: ADMIN.displayName, station: '001' });
    const { db } = await import('../../../src-renderer/db/database');
    const capture = await import('../../../src-renderer/capture/capture-runs');
    const { runBackup } = await import('../../../src-renderer/backup/run-backup');

    const recordId = await capture.startNewRecord(admin.userId);
    const binding = { recordId, separateOnBlank: false };
    const { runId } = await capture.beginScan(
      { deviceId: 'demo:standard', source: 'adf', dpi: 150, mode: 'gray', maxPages: 8 },
      binding,
    );
    const drained = capture.drainRun(runId, binding);
    // The backup starts once the first pages are in, while the rest are still arriving.
    while ((await db.pages.count()) < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    const snapshot = await runBackup(db, client, 'manual');
    const end = await drained;
    expect(end.failure).toBeNull();
    expect(await db.pages.count()).toBe(8);
    expect(snapshot.pages).toBeLessThan(8);

    const installer = createStationClient(bridge(b, 'installer'));
    await installer.backup.restore({ folder: usb.path, passphrase: PASSPHRASE });
    await installer.auth.login({ username: ADMIN.username, password: ADMIN.password });
    const restored = openStationDb({ name: 'restored-during-scan' });
    const { loadPendingRestore } = await import('../../../src-renderer/backup/load-restore');
    await loadPendingRestore(restored, installer, { userId: admin.userId, displayName: '', station: '001' });

    const pages = await restored.pages.toArray();
    expect(pages.length).toBe(snapshot.pages);
    for (const page of pages) {
      const digest = Buffer.from(
        await crypto.subtle.digest('SHA-256', await page.image.arrayBuffer()),
      ).toString('hex');
      expect(digest).toBe(page.sha256);
      expect(await restored.records.get(page.recordId)).toBeDefined();
    }
    // Pages not yet in the tables wait in the restored capture run, from the next sequence on.
    const runFolder = join(b.dir.path, 'capture', 'runs', runId);
    const waiting = readdirSync(runFolder)
      .filter((name) => /^\d+\.json$/.test(name))
      .map((name) => Number(name.slice(0, -5)));
    const stored = pages.map((page) => Number(page.origin.split(':').at(-1)));
    const covered = new Set([...stored, ...waiting]);
    const highest = Math.max(...covered);
    expect([...covered].sort((x, y) => x - y)).toEqual(
      Array.from({ length: highest }, (_, index) => index + 1),
    );
    expect(verifyAuditChain(await restored.audit.orderBy('seq').toArray()).ok).toBe(true);
    restored.close();
  });
});
