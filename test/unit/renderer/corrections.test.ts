import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type * as CapturePageEdits from '../../../src-renderer/capture/page-edits';
import type { db as Db } from '../../../src-renderer/db/database';
import type * as CorrectRecord from '../../../src-renderer/finalize/correct-record';
import type * as FinalizeRecord from '../../../src-renderer/finalize/finalize-record';
import type * as SaveIndexedRecord from '../../../src-renderer/indexing/save-indexed-record';
import type { PageRow, RecordRow } from '../../../src-renderer/db/rows';
import { defaultSettings, signingSettingsSchema } from '../../../src-shared/domain/settings';
import { buildStationBridge } from '../../../src-shared/ipc/station-api';
import type { ChannelName } from '../../../src-shared/ipc/contract';
import { backendWithClerk, valueOf } from '../../support/backend';
import { vietnamesePage } from '../../support/page-images';
import { createTestPki, P12_PASSWORD } from '../../support/test-pki';

type Modules = {
  db: typeof Db;
  corrections: typeof CorrectRecord;
  finalize: typeof FinalizeRecord;
  saving: typeof SaveIndexedRecord;
  edits: typeof CapturePageEdits;
};

const FIELDS = {
  resultType: 'decision',
  documentNumber: '49/QĐ-SLĐTBXH',
  issueDate: '2022-04-25',
  ownerName: 'Nguyễn Văn Ánh',
  validFrom: '2022-04-25',
};

/**
 * Corrections against main's real services in-process: the renderer's code runs over
 * fake-indexeddb, `window.station` is the registry itself, and finalize signs with a real
 * PKCS#12 file.
 */
describe('a correction is a new version that supersedes a signed record', () => {
  let backend: Awaited<ReturnType<typeof backendWithClerk>>;
  let m: Modules;
  let image: Buffer;

  beforeAll(async () => {
    backend = await backendWithClerk();
    const pki = createTestPki(backend.dir.path);
    valueOf(
      await backend.call('admin', 'settings.update', {
        signing: signingSettingsSchema.parse({ method: 'pkcs12', pkcs12File: pki.agency.p12Path }),
      }),
    );
    (globalThis as { window?: unknown }).window = {
      station: buildStationBridge((name: ChannelName, request) =>
        backend.registry.invoke(name, request, { sessionKey: 'clerk' }),
      ),
    };
    valueOf(await backend.call('clerk', 'signing.unlock', { secret: P12_PASSWORD }));
    image = await sharp(await vietnamesePage(150, ['QUYẾT ĐỊNH', 'Ông Nguyễn Văn Ánh']))
      .jpeg()
      .toBuffer();
    m = {
      db: (await import('../../../src-renderer/db/database')).db,
      corrections: await import('../../../src-renderer/finalize/correct-record'),
      finalize: await import('../../../src-renderer/finalize/finalize-record'),
      saving: await import('../../../src-renderer/indexing/save-indexed-record'),
      edits: await import('../../../src-renderer/capture/page-edits'),
    };
  }, 60_000);
  afterAll(() => backend?.dir.remove());

  const settings = { ...defaultSettings(), agencyId: '000.00.12.H20' };
  const page = (id: string, recordId: string, index: number): PageRow => ({
    id,
    recordId,
    index,
    image: new Blob([new Uint8Array(image)], { type: 'image/jpeg' }),
    thumbnail: new Blob(['thumb']),
    mimeType: 'image/jpeg',
    widthPx: 1240,
    heightPx: 1754,
    dpi: 150,
    lowDpi: false,
    sha256: id.padEnd(64, '0'),
    blank: false,
    origin: `run:${id}`,
    rotation: index === 1 ? 90 : 0,
    ocrStatus: 'done',
    createdAt: 1,
  });

  /** A record indexed and signed as the clerk would: pages, fields, code, then finalize. */
  async function signedRecord(id: string): Promise<RecordRow> {
    const { db } = m;
    await db.records.add({
      id,
      status: 'captured',
      fields: {},
      createdBy: 'clerk',
      createdAt: 1,
      updatedAt: 1,
    });
    await db.pages.bulkAdd([page(`${id}-1`, id, 0), page(`${id}-2`, id, 1)]);
    await db.pageTexts.put({ pageId: `${id}-1`, text: 'QUYẾT ĐỊNH Ông Nguyễn Văn Ánh', confidence: 90 });
    await m.saving.saveIndexedRecord(id, FIELDS as never, settings);
    await m.finalize.finalizeRecord(id, { agencyName: 'Sở LĐ-TB&XH tỉnh Đồng Tháp' });
    return (await db.records.get(id))!;
  }

  beforeEach(async () => {
    const { db } = m;
    await Promise.all([db.records.clear(), db.pages.clear(), db.pageTexts.clear(), db.documents.clear()]);
  });

  it('refuses to change a signed record: its fields and its pages are fixed', async () => {
    const original = await signedRecord('R1');
    expect(original.status).toBe('finalized');
    await expect(
      m.saving.saveIndexedRecord('R1', { ...FIELDS, ownerName: 'Khác' } as never, settings),
    ).rejects.toMatchObject({
      code: 'records.notEditable',
    });
    await expect(m.edits.rotatePage('R1-1', 1)).rejects.toMatchObject({ code: 'records.notEditable' });
    expect((await m.db.records.get('R1'))?.ownerName).toBe('Nguyễn Văn Ánh');
  });

  it('copies pages, turns, OCR text and fields into a new record that links back, once', async () => {
    const original = await signedRecord('R1');
    const id = await m.corrections.createCorrection('R1', 'clerk-2');
    expect(await m.corrections.createCorrection('R1', 'clerk-2')).toBe(id);
    const correction = (await m.db.records.get(id))!;
    expect(correction).toMatchObject({ status: 'captured', supersedes: 'R1', createdBy: 'clerk-2' });
    expect(correction.code).toBeUndefined();
    expect(correction.fields).toEqual(original.fields);
    const pages = await m.db.pages.where('recordId').equals(id).sortBy('index');
    expect(pages.map((each) => each.rotation)).toEqual([0, 90]);
    expect(Buffer.from(await pages[0]!.image.arrayBuffer()).equals(image)).toBe(true);
    expect((await m.db.pageTexts.get(pages[0]!.id))?.text).toContain('Nguyễn Văn Ánh');
    // The original is untouched until the correction is signed.
    expect(await m.db.records.get('R1')).toEqual(original);
  });

  it('supersedes the original when the correction is signed; both keep their codes and files', async () => {
    const original = await signedRecord('R1');
    const id = await m.corrections.createCorrection('R1', 'clerk');
    // The clerk mends the signer's name; the owner and number stay, and that is no duplicate.
    const fields = { ...FIELDS, signerName: 'Lê Văn Ký' };
    expect(await m.saving.findDuplicate(id, fields as never)).toBeUndefined();
    const code = await m.saving.saveIndexedRecord(id, fields as never, settings);
    expect(code).not.toBe(original.code);
    await m.finalize.finalizeRecord(id, { agencyName: 'Sở LĐ-TB&XH tỉnh Đồng Tháp' });

    expect(await m.db.records.get('R1')).toMatchObject({
      status: 'superseded',
      supersededBy: id,
      code: original.code,
    });
    expect(await m.db.records.get(id)).toMatchObject({ status: 'finalized', supersedes: 'R1', code });
    expect(await m.db.documents.count()).toBe(2);
    // The correction's file names the code it replaces, in its XMP.
    const pdf = Buffer.from(await (await m.db.documents.get(id))!.pdf!.arrayBuffer());
    expect(pdf.toString('latin1')).toContain(`<sohoa:supersedes>${original.code}</sohoa:supersedes>`);
    const file = join(backend.dir.path, 'correction.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdfsig', [file]).toString()).toContain('Signature Validation: Signature is Valid.');
    // A superseded record is corrected no more.
    await expect(m.corrections.createCorrection('R1', 'clerk')).rejects.toMatchObject({
      code: 'records.notCorrectable',
    });
  });

  it('refuses a correction of an unsigned record, and does not supersede a record in the sync queue', async () => {
    await m.db.records.add({
      id: 'U',
      status: 'indexed',
      fields: {},
      createdBy: 'clerk',
      createdAt: 1,
      updatedAt: 1,
    });
    await expect(m.corrections.createCorrection('U', 'clerk')).rejects.toMatchObject({
      code: 'records.notCorrectable',
    });

    await signedRecord('R1');
    const id = await m.corrections.createCorrection('R1', 'clerk');
    await m.saving.saveIndexedRecord(id, FIELDS as never, settings);
    // Meanwhile the original was approved and queued for sync: it cannot be replaced yet.
    await m.db.records.update('R1', { status: 'queued' });
    await expect(
      m.finalize.finalizeRecord(id, { agencyName: 'Sở LĐ-TB&XH tỉnh Đồng Tháp' }),
    ).rejects.toMatchObject({ code: 'records.originalBusy' });
    expect((await m.db.records.get(id))?.status).toBe('indexed');
    expect(await m.db.documents.get(id)).toBeUndefined();
    expect((await m.db.records.get('R1'))?.status).toBe('queued');
  });
});
