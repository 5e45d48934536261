import 'fake-indexeddb/auto';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreparedRecord } from '../../../src-shared/capture/prepared-record';
import type { ChannelName } from '../../../src-shared/ipc/contract';
import { buildStationBridge, createStationClient } from '../../../src-shared/ipc/station-api';
import type * as CaptureRuns from '../../../src-renderer/capture/capture-runs';
import type * as ImportUpload from '../../../src-renderer/capture/import-upload';
import type * as Database from '../../../src-renderer/db/database';
import { closeCodesWorker } from '../../../src-main/imaging/read-page-codes';
import { ADMIN, makeBackend, valueOf } from '../../support/backend';
import { blankPage, vietnamesePage } from '../../support/page-images';
import { scanOfPdfPage } from '../../support/sheet-scans';

/**
 * A stack split by the sheets in it, through main's real import (a multi-page TIFF, every
 * page processed and its codes read) and the renderer's real drain into IndexedDB.
 */
const DPI = 150;
const backend = makeBackend();
afterAll(async () => {
  await closeCodesWorker();
  await backend.dir.remove();
});

let sheets: { pdf: Uint8Array; prepared: PreparedRecord[] };
let capture: typeof CaptureRuns;
let db: typeof Database.db;
let upload: typeof ImportUpload;
let userId: string;

beforeAll(async () => {
  userId = valueOf<{ userId: string }>(await backend.call('admin', 'auth.setupAdmin', ADMIN)).userId;
  const bridge = buildStationBridge((name: ChannelName, request) =>
    backend.registry.invoke(name, request, { sessionKey: 'admin' }),
  );
  (globalThis as { window?: unknown }).window = { station: bridge };
  const client = createStationClient(bridge);
  sheets = await client.sheets.print({
    entries: [
      { ownerName: 'Trần Văn Bình', ownerIdNumber: '087095000123', box: 'H-0007', procedureCode: '1.001257' },
      { ownerName: 'Lê Thị Hoa', documentNumber: '12/QĐ-SLĐTBXH', box: 'H-0007', shelf: 'K2' },
    ],
    separators: 1,
  });
  const { setActingUser } = await import('../../../src-renderer/session/acting-user');
  setActingUser({ userId, displayName: ADMIN.displayName, station: '001' });
  ({ db } = await import('../../../src-renderer/db/database'));
  capture = await import('../../../src-renderer/capture/capture-runs');
  upload = await import('../../../src-renderer/capture/import-upload');
}, 60_000);

const doc = (title: string) => vietnamesePage(DPI, ['SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI', title]);
const sheet = (page: number) => scanOfPdfPage(sheets.pdf, page, { dpi: DPI, mode: 'gray', skew: 1.5 });

/** The pages as one multi-page TIFF, as a feeder's software saves a stack. */
async function stackTiff(pages: Buffer[]): Promise<File> {
  const frames = await Promise.all(pages.map((page) => sharp(page).resize(1240, 1754).png().toBuffer()));
  const tiff = await sharp(frames, { join: { animated: true } })
    .withMetadata({ density: DPI })
    .tiff({ compression: 'lzw' })
    .toBuffer();
  return new File([new Uint8Array(tiff)], 'stack.tif', { type: 'image/tiff' });
}

/** The pages as one PDF of scans, as a copier's scan-to-PDF saves a stack: each page one JPEG at its dpi. */
async function stackPdf(pages: Buffer[]): Promise<File> {
  const pdf = await PDFDocument.create();
  for (const page of pages) {
    const jpeg = await pdf.embedJpg(await sharp(page).resize(1240, 1754).jpeg({ quality: 80 }).toBuffer());
    const sheet = pdf.addPage([595.28, 841.89]);
    sheet.drawImage(jpeg, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  return new File([new Uint8Array(await pdf.save())], 'stack.pdf', { type: 'application/pdf' });
}

/** Imports the stack into a fresh record and returns the records it became: fields and page count, in order. */
async function importStack(
  pages: Buffer[],
  binding: { separateOnBlank: boolean; duplex: boolean; keepSheets?: boolean },
  as: (pages: Buffer[]) => Promise<File> = stackTiff,
) {
  const before = new Set((await db.records.toArray()).map((record) => record.id));
  const recordId = await capture.startNewRecord(userId);
  const runId = await upload.uploadForImport(await as(pages));
  const end = await capture.drainRun(runId, { recordId, ...binding });
  expect(end.failure).toBeNull();
  const records = (await db.records.toArray())
    .filter((record) => !before.has(record.id))
    .sort((a, b) => a.createdAt - b.createdAt);
  return Promise.all(
    records.map(async (record) => ({
      cover: record.coverReference ?? null,
      fields: record.fields,
      procedureCode: record.procedureCode ?? null,
      pages: await db.pages.where('recordId').equals(record.id).count(),
      originals: await db.originals.where('recordId').equals(record.id).count(),
    })),
  );
}

describe('a stack split by cover and separator sheets', () => {
  it('starts a record at each sheet, leaves the sheets out and gives a cover’s record its prepared fields', async () => {
    const [coverA, coverB] = sheets.prepared;
    const records = await importStack(
      [
        await sheet(1),
        await doc('Quyết định 1'),
        await doc('Trang 2'),
        await sheet(3),
        await doc('Giấy phép'),
      ].concat([await sheet(2), await doc('Xác nhận'), await blankPage(DPI)]),
      { separateOnBlank: false, duplex: false },
    );
    expect(records).toEqual([
      {
        cover: coverA!.reference,
        fields: coverA!.fields,
        procedureCode: '1.001257',
        pages: 2,
        originals: 0,
      },
      { cover: null, fields: {}, procedureCode: null, pages: 1, originals: 0 },
      // A blank page without a separator policy is a page of the record (flagged, kept).
      { cover: coverB!.reference, fields: coverB!.fields, procedureCode: null, pages: 2, originals: 0 },
    ]);
  }, 120_000);

  it('in duplex, drops a sheet’s back with it and never splits at a blank back', async () => {
    const [coverA] = sheets.prepared;
    const records = await importStack(
      [
        await sheet(1),
        await blankPage(DPI), // the cover's back
        await doc('Quyết định, mặt trước'),
        await blankPage(DPI), // a one-sided page's blank back: kept, no split
        await doc('Phụ lục, mặt trước'),
        await doc('Phụ lục, mặt sau'),
        await sheet(3),
        await doc('Ghi chú viết tay sau tờ phân cách'), // the separator's back, whatever is on it
        await doc('Giấy phép, mặt trước'),
        await blankPage(DPI),
      ],
      { separateOnBlank: true, duplex: true },
    );
    expect(records.map(({ cover, pages }) => ({ cover, pages }))).toEqual([
      { cover: coverA!.reference, pages: 4 },
      { cover: null, pages: 2 },
    ]);
  }, 120_000);

  it('cuts a scanned stack PDF the same way, its pages scans at their own dpi and no PDF kept whole', async () => {
    const [coverA] = sheets.prepared;
    const stack = [await sheet(1), await doc('Quyết định'), await sheet(3), await doc('Giấy phép')];
    const records = await importStack(stack, { separateOnBlank: false, duplex: false }, stackPdf);
    expect(records).toEqual([
      { cover: coverA!.reference, fields: coverA!.fields, procedureCode: '1.001257', pages: 1, originals: 0 },
      { cover: null, fields: {}, procedureCode: null, pages: 1, originals: 0 },
    ]);
    const pages = (await db.pages.toArray()).sort((a, b) => a.createdAt - b.createdAt).slice(-2);
    // About 1240 px across A4 (poppler rounds the page's 1240.2 up): the scan's own 150 dpi, not
    // re-rendered at the station's minimum (200), and flagged as low.
    expect(
      pages.map((page) => [Math.round(page.widthPx / 10), page.dpi, page.lowDpi, page.originalId ?? null]),
    ).toEqual([
      [124, 150, true, null],
      [124, 150, true, null],
    ]);
  }, 120_000);

  it('keeps a PDF without sheets whole, as the born-digital original of its pages', async () => {
    const records = await importStack(
      [await doc('Quyết định'), await doc('Phụ lục')],
      { separateOnBlank: false, duplex: false },
      stackPdf,
    );
    expect(records).toEqual([{ cover: null, fields: {}, procedureCode: null, pages: 2, originals: 1 }]);
  }, 120_000);

  it('keeps the sheets as the first page of the records they start when the setting says so', async () => {
    const [coverA] = sheets.prepared;
    const records = await importStack(
      [await sheet(1), await doc('Quyết định'), await sheet(3), await doc('Giấy phép')],
      { separateOnBlank: false, duplex: false, keepSheets: true },
    );
    expect(records.map(({ cover, pages }) => ({ cover, pages }))).toEqual([
      { cover: coverA!.reference, pages: 2 },
      { cover: null, pages: 2 },
    ]);
  }, 120_000);
});
