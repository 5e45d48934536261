import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStationServices } from '../../../src-main/services/station-services';
import type { ScanManifest } from '../../../src-main/capture/scan-to-folder';
import { ADMIN } from '../../support/backend';
import { requireBuild } from '../../support/built-app';
import { blankPage, vietnamesePage } from '../../support/page-images';
import { runSohoa } from '../../support/run-cli';
import { scanOfPdfPage } from '../../support/sheet-scans';
import { makeTempDir } from '../../support/temp-dir';

interface RecordManifest {
  folder: string;
  cover: string | null;
  fields: Record<string, unknown>;
  pages: { file: string; blank: boolean }[];
}

const DPI = 150;

/**
 * `sohoa import` and `sohoa scan` cut a stack into one folder per record, as the app does,
 * each with its manifest and, for a signed-in user, the fields its cover sheet gave it.
 */
describe('sohoa import and sohoa scan, a stack cut by its sheets', () => {
  const dir = makeTempDir('sohoa-cli-stack-');
  const env = { PW: ADMIN.password };
  const asAdmin = ['--user', ADMIN.username, '--password-env', 'PW'];
  let covers: { reference: string; fields: Record<string, string> }[];
  let sheetsPdf: Uint8Array;
  const record = (out: string, folder: string) =>
    JSON.parse(readFileSync(join(out, folder, 'manifest.json'), 'utf8')) as RecordManifest;

  beforeAll(async () => {
    requireBuild();
    await createStationServices({ dataDir: dir.path }).accounts.setupAdmin(ADMIN);
    const list = join(dir.path, 'hop-09.csv');
    writeFileSync(
      list,
      'Họ và tên,Số định danh,Hộp\nTrần Văn Bình,087095000123,H-0009\nLê Thị Hoa,,H-0009\n',
    );
    const printed = await runSohoa(
      ['sheets', list, '--out', join(dir.path, 'bia.pdf'), '--separators', '1', '--json', ...asAdmin],
      { dataDir: dir.path, env },
    );
    expect(printed.code).toBe(0);
    covers = (JSON.parse(printed.stdout) as { prepared: typeof covers }).prepared;
    sheetsPdf = readFileSync(join(dir.path, 'bia.pdf'));
  }, 60_000);
  afterAll(() => dir.remove());

  it('imports a duplex stack TIFF into a folder per record, the covers’ fields in their manifests', async () => {
    const sheet = (page: number) => scanOfPdfPage(sheetsPdf, page, { dpi: DPI, mode: 'gray', skew: -1.5 });
    const doc = (title: string) => vietnamesePage(DPI, ['SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI', title]);
    const sides = [
      await sheet(1),
      await blankPage(DPI), // the cover's back
      await doc('Quyết định'),
      await blankPage(DPI), // a one-sided page's back: kept, flagged
      await sheet(3),
      await doc('Ghi chú sau tờ phân cách'), // a separator's back goes with it
      await doc('Xác nhận, mặt trước'),
      await doc('Xác nhận, mặt sau'),
      await sheet(2),
      await blankPage(DPI),
      await doc('Giấy phép'),
      await blankPage(DPI),
    ];
    const frames = await Promise.all(sides.map((side) => sharp(side).resize(1240, 1754).png().toBuffer()));
    const tiff = join(dir.path, 'stack.tif');
    writeFileSync(
      tiff,
      await sharp(frames, { join: { animated: true } })
        .withMetadata({ density: DPI })
        .tiff({ compression: 'lzw' })
        .toBuffer(),
    );
    const out = join(dir.path, 'import');
    const result = await runSohoa(['import', tiff, '--out', out, '--duplex', '--json', ...asAdmin], {
      dataDir: dir.path,
      env,
    });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const manifest = JSON.parse(result.stdout) as {
      files: { pages: { record: string | null }[] }[];
      records: { folder: string; cover: string | null; pages: number }[];
    };
    expect(manifest.records.map(({ folder, cover, pages }) => ({ folder, cover, pages }))).toEqual([
      { folder: 'record-001', cover: covers[0]!.reference, pages: 2 },
      { folder: 'record-002', cover: null, pages: 2 },
      { folder: 'record-003', cover: covers[1]!.reference, pages: 2 },
    ]);
    // Sheets and their backs are left out: listed in the file without a record.
    expect(manifest.files[0]!.pages.map((page) => page.record)).toEqual([
      null,
      null,
      'record-001',
      'record-001',
      null,
      null,
      'record-002',
      'record-002',
      null,
      null,
      'record-003',
      'record-003',
    ]);
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'record-001', 'record-002', 'record-003']);
    const first = record(out, 'record-001');
    expect(first).toMatchObject({ cover: covers[0]!.reference, fields: covers[0]!.fields });
    expect(first.fields).toMatchObject({ ownerName: 'Trần Văn Bình', box: 'H-0009' });
    expect(first.pages.map((page) => page.blank)).toEqual([false, true]);
    for (const page of first.pages) expect(existsSync(join(out, 'record-001', page.file))).toBe(true);
    expect(record(out, 'record-002')).toMatchObject({ cover: null, fields: {} });
    expect(record(out, 'record-003').fields).toEqual(covers[1]!.fields);
  }, 180_000);

  it('without a login, a record names its cover but holds none of its personal fields', async () => {
    const out = join(dir.path, 'scan');
    const result = await runSohoa(
      [
        'scan',
        '--device',
        'demo:archive',
        '--source',
        'duplex',
        '--dpi',
        '150',
        '--mode',
        'gray',
        '--out',
        out,
        '--max-pages',
        '16',
        '--json',
      ],
      { dataDir: dir.path },
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const manifest = JSON.parse(result.stdout) as ScanManifest;
    // The archive box of the last print: cover 1 and its dossier (a decision and a licence printed
    // on both sides), cover 2 and its dossier (a certificate with its annex, …).
    expect(manifest.records.slice(0, 2)).toEqual([
      { folder: 'record-001', cover: covers[0]!.reference, fields: {}, pages: 4, originals: 0 },
      expect.objectContaining({ folder: 'record-002', cover: covers[1]!.reference, fields: {} }),
    ]);
    expect(manifest.sheets.map((sheet) => sheet.sequence)).toEqual([1, 2, 7, 8]);
    expect(record(out, 'record-001').pages.map((page) => page.blank)).toEqual([false, true, false, false]);
  }, 180_000);
});
