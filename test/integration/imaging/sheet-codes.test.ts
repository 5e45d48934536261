import QRCode from 'qrcode';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processPage } from '../../../src-main/imaging/process-page';
import { closeCodesWorker } from '../../../src-main/imaging/read-page-codes';
import { sheetsPdf } from '../../../src-main/reports/sheets-pdf';
import { defaultSettings } from '../../../src-shared/domain/settings';
import { vietnamesePage } from '../../support/page-images';
import { scanOfPdfPage, type ScanLike } from '../../support/sheet-scans';

const settings = defaultSettings().capture;
const REFERENCE = '7K3M9QX2PA';

/** A printed stack's sheets: a cover for one prepared record, then a generic separator. */
let pdf: Uint8Array;
beforeAll(async () => {
  pdf = await sheetsPdf(
    [
      {
        kind: 'cover',
        record: {
          reference: REFERENCE,
          fields: { ownerName: 'Nguyễn Thị Thu Hằng', ownerIdNumber: '087190001234', box: 'H-0012' },
          preparedAt: 0,
          preparedBy: 'Quản trị viên',
        },
        procedureName: 'Giải quyết trợ cấp thất nghiệp',
      },
      { kind: 'separator' },
    ],
    { agencyName: 'Sở Lao động – Thương binh và Xã hội tỉnh Đồng Tháp', stationName: 'Trạm 001' },
  );
});
afterAll(() => closeCodesWorker());

/** The scans of a printed sheet the issue names: 200 dpi grey and bitonal, skewed 3°, a fax, a JPEG. */
const SCANS: [string, ScanLike][] = [
  ['200 dpi grey', { dpi: 200, mode: 'gray' }],
  ['200 dpi bitonal', { dpi: 200, mode: 'mono' }],
  ['200 dpi grey skewed 3°', { dpi: 200, mode: 'gray', skew: 3 }],
  ['200 dpi bitonal skewed −3°', { dpi: 200, mode: 'mono', skew: -3 }],
  ['300 dpi grey, noisy JPEG at quality 40', { dpi: 300, mode: 'gray', noise: 40, jpegQuality: 40 }],
  ['100 dpi bitonal fax, upside down', { dpi: 100, mode: 'mono', skew: 180 }],
];

describe('cover and separator sheets printed by the station, read back from scans', () => {
  it.each(SCANS)('reads a cover sheet scanned at %s', async (_label, scan) => {
    const page = await processPage(await scanOfPdfPage(pdf, 1, scan), { settings, scannerDpi: scan.dpi });
    expect(page.sheet).toEqual({ kind: 'cover', reference: REFERENCE });
  });

  it.each(SCANS)('reads a separator sheet scanned at %s', async (_label, scan) => {
    const page = await processPage(await scanOfPdfPage(pdf, 2, scan), { settings, scannerDpi: scan.dpi });
    expect(page.sheet).toEqual({ kind: 'separator', by: 'qr' });
  });

  it('reads the patch T alone, upright, skewed and upside down, where the QR code is torn off', async () => {
    for (const skew of [0, 3, 180]) {
      const scan = await scanOfPdfPage(pdf, 2, { dpi: 200, mode: 'gray' });
      const { width } = await sharp(scan).metadata();
      const white = await sharp({ create: { width: 480, height: 480, channels: 3, background: '#fff' } })
        .png()
        .toBuffer();
      const torn = await sharp(
        await sharp(scan)
          .composite([{ input: white, left: width! - 500, top: 80 }])
          .png()
          .toBuffer(),
      )
        .rotate(skew, { background: '#fff' })
        .png()
        .toBuffer();
      const page = await processPage(torn, { settings, scannerDpi: 200 });
      expect(page.codes).toEqual([]);
      expect(page.sheet, `skew ${skew}`).toEqual({ kind: 'separator', by: 'patchT' });
    }
  });

  it('keeps a document’s own QR code as a code of the page, not as a sheet; a typed page has none', async () => {
    const receipt = 'H19.22-230512-0001';
    const decision = await vietnamesePage(200, ['SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI', 'Số: 946/QĐ-SLĐTBXH']);
    const qr = await QRCode.toBuffer(receipt, { scale: 5, margin: 4 });
    const withCode = await sharp(decision)
      .composite([{ input: qr, left: 1300, top: 2000 }])
      .png()
      .toBuffer();
    const coded = await processPage(withCode, { settings });
    expect(coded.sheet).toBeNull();
    expect(coded.codes).toHaveLength(1);
    expect(coded.codes[0]).toMatchObject({ format: 'QRCode', text: receipt });
    // Where it is, as fractions of the page: near (1300, 2000) of 1654 × 2339.
    expect(coded.codes[0]!.box.x).toBeCloseTo(1320 / 1654, 1);
    expect(coded.codes[0]!.box.y).toBeCloseTo(2020 / 2339, 1);

    const typed = await processPage(decision, { settings });
    expect(typed.codes).toEqual([]);
    expect(typed.sheet).toBeNull();
  });
});
