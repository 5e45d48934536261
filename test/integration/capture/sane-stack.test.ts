import 'fake-indexeddb/auto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreparedRecord } from '../../../src-shared/capture/prepared-record';
import type { ChannelName } from '../../../src-shared/ipc/contract';
import { buildStationBridge, createStationClient } from '../../../src-shared/ipc/station-api';
import { createSaneDriver } from '../../../src-main/capture/sane/sane-driver';
import { closeCodesWorker } from '../../../src-main/imaging/read-page-codes';
import type * as CaptureRuns from '../../../src-renderer/capture/capture-runs';
import type * as Database from '../../../src-renderer/db/database';
import { ADMIN, makeBackend, valueOf } from '../../support/backend';
import { vietnamesePage } from '../../support/page-images';
import { requireSaneTestBackend } from '../../support/sane';
import { scanOfPdfPage } from '../../support/sheet-scans';
import { makeTempDir } from '../../support/temp-dir';

/**
 * A dossier stack laid on a SANE flatbed one sheet at a time, as a clerk without a feeder
 * does: each sheet is its own scan, through `scanimage` and SANE's `pnm` backend (a real
 * backend that scans a picture file: here, the printed sheet or page). So a cover or a
 * separator ends one scan and the pages it announces come in the next: the cut must carry
 * across scans. SANE's own configuration is copied with `pnm` enabled (SANE_CONFIG_DIR).
 */
const DPI = 150;
const saneConfig = makeTempDir('sohoa-sane-conf-');
const pictures = makeTempDir('sohoa-sane-pnm-');
let glass = join(pictures.path, 'glass.pgm');
const backend = makeBackend({ drivers: [createSaneDriver({ extraArgs: () => ['--filename', glass] })] });
let sheets: { pdf: Uint8Array; prepared: PreparedRecord[] };
let capture: typeof CaptureRuns;
let db: typeof Database.db;
let userId: string;

/** A binary PGM (P5): the picture the pnm backend scans. */
async function pgmOf(png: Buffer): Promise<Buffer> {
  const { data, info } = await sharp(png).grayscale().raw().toBuffer({ resolveWithObject: true });
  return Buffer.concat([Buffer.from(`P5\n${info.width} ${info.height}\n255\n`, 'ascii'), data]);
}

beforeAll(async () => {
  requireSaneTestBackend();
  cpSync('/etc/sane.d', saneConfig.path, { recursive: true });
  writeFileSync(
    join(saneConfig.path, 'dll.conf'),
    `${readFileSync(join(saneConfig.path, 'dll.conf'), 'utf8')}\npnm\n`,
  );
  process.env.SANE_CONFIG_DIR = saneConfig.path;
  userId = valueOf<{ userId: string }>(await backend.call('admin', 'auth.setupAdmin', ADMIN)).userId;
  const bridge = buildStationBridge((name: ChannelName, request) =>
    backend.registry.invoke(name, request, { sessionKey: 'admin' }),
  );
  (globalThis as { window?: unknown }).window = { station: bridge };
  sheets = await createStationClient(bridge).sheets.print({
    entries: [
      { ownerName: 'Trần Văn Bình', ownerIdNumber: '087095000123', box: 'H-0012' },
      { ownerName: 'Lê Thị Hoa', box: 'H-0012', shelf: 'K3' },
    ],
    separators: 1,
  });
  const { setActingUser } = await import('../../../src-renderer/session/acting-user');
  setActingUser({ userId, displayName: ADMIN.displayName, station: '001' });
  ({ db } = await import('../../../src-renderer/db/database'));
  capture = await import('../../../src-renderer/capture/capture-runs');
}, 60_000);

afterAll(async () => {
  delete process.env.SANE_CONFIG_DIR;
  await closeCodesWorker();
  await backend.dir.remove();
  saneConfig.remove();
  pictures.remove();
});

describe('a stack laid on a SANE flatbed, a scan per sheet', () => {
  it('lists the pnm device and scans a sheet as the picture it is given', async () => {
    const devices = valueOf<{ id: string }[]>(await backend.call('admin', 'capture.devices', {}));
    expect(devices.map((device) => device.id)).toContain('sane:pnm:0');
  });

  it('cuts the stack across scans: a sheet ending one scan starts the record of the next', async () => {
    const [coverA, coverB] = sheets.prepared;
    const sheet = (page: number) => scanOfPdfPage(sheets.pdf, page, { dpi: DPI, mode: 'gray', skew: 1 });
    const doc = (title: string) => vietnamesePage(DPI, ['SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI', title]);
    const stack = [
      await sheet(1),
      await doc('Quyết định, trang 1'),
      await doc('Quyết định, trang 2'),
      await sheet(3), // the separator
      await doc('Giấy xác nhận'),
      await sheet(2),
      await doc('Giấy phép'),
    ];
    const before = new Set((await db.records.toArray()).map((record) => record.id));
    const recordId = await capture.startNewRecord(userId);
    for (const [index, picture] of stack.entries()) {
      glass = join(pictures.path, `sheet-${index + 1}.pgm`);
      writeFileSync(glass, await pgmOf(picture));
      // The clerk scans into the capture screen's record: the one the last sheet started, if any.
      const current = (await capture.readCurrentRecordId()) ?? recordId;
      const started = await capture.beginScan(
        { deviceId: 'sane:pnm:0', source: 'flatbed', dpi: DPI, mode: 'gray' },
        { recordId: current, separateOnBlank: false },
      );
      const end = await capture.drainRun(started.runId, started.binding);
      expect(end).toMatchObject({ failure: null, pages: 1 });
    }
    const records = (await db.records.toArray())
      .filter((record) => !before.has(record.id))
      .sort((a, b) => a.createdAt - b.createdAt);
    const cut = await Promise.all(
      records.map(async (record) => ({
        cover: record.coverReference ?? null,
        fields: record.fields,
        pages: await db.pages.where('recordId').equals(record.id).count(),
      })),
    );
    expect(cut).toEqual([
      { cover: coverA!.reference, fields: coverA!.fields, pages: 2 },
      { cover: null, fields: {}, pages: 1 },
      { cover: coverB!.reference, fields: coverB!.fields, pages: 1 },
    ]);
  }, 180_000);
});
