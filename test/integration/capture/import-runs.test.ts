import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureRunSummary, CaptureStep } from '../../../src-shared/capture/capture-run';
import { ADMIN, CLERK, makeBackend, backendWithClerk, valueOf } from '../../support/backend';
import { greyTiff, vietnamesePage } from '../../support/page-images';
import { makeTempDir } from '../../support/temp-dir';

type Backend = ReturnType<typeof makeBackend>;
const value = valueOf;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function twoPagePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  for (const line of ['Giay phep lao dong so 123', 'Trang 2']) {
    pdf.addPage([595, 842]).drawText(line, { x: 72, y: 760, size: 16, font });
  }
  return Buffer.from(await pdf.save());
}

describe('imports and the hot folder as capture runs, through the IPC registry', () => {
  let backend: Backend;
  afterEach(() => backend?.dir.remove());

  async function asClerk() {
    backend = await backendWithClerk();
    return backend;
  }

  /** Sends `bytes` as the renderer does, in chunks of `chunk` bytes. */
  async function upload(name: string, bytes: Buffer, chunk = 64 * 1024): Promise<string> {
    const { uploadId } = value<{ uploadId: string }>(
      await backend.call('clerk', 'capture.importBegin', { name, bytes: bytes.length }),
    );
    for (let offset = 0; offset < bytes.length; offset += chunk) {
      const data = bytes.subarray(offset, offset + chunk);
      value(await backend.call('clerk', 'capture.importChunk', { uploadId, offset, data }));
    }
    return value<{ runId: string }>(await backend.call('clerk', 'capture.importEnd', { uploadId })).runId;
  }

  async function drain(runId: string, session = 'clerk') {
    const items: Exclude<CaptureStep, { kind: 'end' }>[] = [];
    let confirmed: number | null = null;
    for (;;) {
      const step: CaptureStep = value<CaptureStep>(
        await backend.call(session, 'capture.next', { runId, confirmed }),
      );
      if (step.kind === 'end') return { items, end: step };
      items.push(step);
      confirmed = step.kind === 'page' ? step.page.sequence : step.original.sequence;
    }
  }

  it('imports an uploaded PDF: the original byte for byte, then each page rendered', async () => {
    await asClerk();
    const pdf = await twoPagePdf();
    const { items, end } = await drain(await upload('giay-phep.pdf', pdf, 1000));
    expect(end).toEqual({ kind: 'end', pages: 3, failure: null });
    const [original, ...pages] = items;
    expect(original!.kind).toBe('original');
    if (original!.kind !== 'original') return;
    expect(original!.original).toMatchObject({
      sequence: 1,
      name: 'giay-phep.pdf',
      pages: 2,
      sha256: sha256(pdf),
    });
    expect(Buffer.from(original!.original.data).equals(pdf)).toBe(true);
    expect(
      pages.map((item) => item.kind === 'page' && [item.page.originalSequence, item.page.originalPage]),
    ).toEqual([
      [1, 1],
      [1, 2],
    ]);
    // The staged upload is gone once imported.
    expect(readdirSync(join(backend.dir.path, 'capture', 'uploads'))).toEqual([]);
  });

  it('imports an uploaded photo as one page, and reports a bad file as the end of its run', async () => {
    await asClerk();
    const jpeg = await sharp(await vietnamesePage(200, ['QUYẾT ĐỊNH']))
      .withDensity(200)
      .jpeg()
      .toBuffer();
    const good = await drain(await upload('quyet-dinh.jpg', jpeg));
    expect(good.items).toHaveLength(1);
    expect(good.items[0]).toMatchObject({ kind: 'page', page: { dpi: 200, blank: false } });
    const bad = await drain(await upload('ghi-chu.jpg', Buffer.from('không phải ảnh')));
    expect(bad).toMatchObject({ items: [], end: { failure: { code: 'import.unsupportedType' } } });
  });

  /** Three pages of a box scanned to TIFF; the third is larger than an image limit of 10 MP. */
  const tiffWithLargeLastPage = () =>
    greyTiff([
      { width: 1000, height: 1400, dpi: 200 },
      { width: 1000, height: 1400, dpi: 200 },
      { width: 4000, height: 3000, dpi: 200 },
    ]);

  async function limitImagesTo(megapixels: number) {
    value(await backend.call('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password }));
    const capture = backend.services.settings.get().capture;
    value(
      await backend.call('admin', 'settings.update', { capture: { ...capture, maxMegapixels: megapixels } }),
    );
  }

  it('keeps nothing of a file that fails midway: its run ends with the failure and no item', async () => {
    await asClerk();
    await limitImagesTo(10);
    const runId = await upload('hop-3.tif', tiffWithLargeLastPage());
    const { items, end } = await drain(runId);
    expect(items).toEqual([]);
    expect(end).toMatchObject({
      pages: 0,
      failure: { code: 'imaging.tooLarge', params: { megapixels: 12 } },
    });
    expect(readdirSync(join(backend.dir.path, 'capture', 'runs'))).toEqual([]);
  });

  it('keeps nothing of a file cut off by a restart of main, and says the import was interrupted', async () => {
    await asClerk();
    const runsDir = join(backend.dir.path, 'capture', 'runs');
    const runId = await upload(
      'hop-3.tif',
      greyTiff([
        { width: 1000, height: 1400, dpi: 200 },
        { width: 1000, height: 1400, dpi: 200 },
      ]),
    );
    await expect.poll(() => existsSync(join(runsDir, runId, 'end.json'))).toBe(true);
    // A crash after the pages were written, before the file was through.
    rmSync(join(runsDir, runId, 'end.json'));
    expect(readdirSync(join(runsDir, runId)).filter((name) => name.endsWith('.json'))).toContain(
      '000002.json',
    );

    backend = makeBackend({ dir: backend.dir });
    value(await backend.call('clerk', 'auth.login', { username: CLERK.username, password: CLERK.password }));
    expect(value(await backend.call('clerk', 'capture.runs', {}))).toEqual([
      expect.objectContaining({ runId, kind: 'import', pending: 0, ended: true }),
    ]);
    expect(await drain(runId)).toMatchObject({
      items: [],
      end: { pages: 0, failure: { code: 'capture.interrupted' } },
    });
    expect(readdirSync(runsDir)).toEqual([]);
  });

  it('refuses chunks out of order, an empty file and a file over the size limit', async () => {
    await asClerk();
    const { uploadId } = value<{ uploadId: string }>(
      await backend.call('clerk', 'capture.importBegin', { name: 'a.jpg', bytes: 10 }),
    );
    const chunk = { uploadId, offset: 4, data: Buffer.from('abcd') };
    expect(await backend.call('clerk', 'capture.importChunk', chunk)).toMatchObject({
      ok: false,
      error: { code: 'import.uploadMismatch' },
    });
    expect(await backend.call('clerk', 'capture.importEnd', { uploadId })).toMatchObject({
      ok: false,
      error: { code: 'import.uploadMismatch' },
    });
    expect(await backend.call('clerk', 'capture.importBegin', { name: 'b.jpg', bytes: 0 })).toMatchObject({
      ok: false,
      error: { code: 'import.emptyFile' },
    });
    expect(
      await backend.call('clerk', 'capture.importBegin', { name: 'c.pdf', bytes: 300 * 1024 * 1024 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'import.fileTooLarge', params: { megabytes: 300, max: 200 } },
    });
    // Another user cannot add to this clerk's upload.
    await backend.call('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(await backend.call('admin', 'capture.importChunk', { ...chunk, offset: 0 })).toMatchObject({
      ok: false,
      error: { code: 'import.uploadMismatch' },
    });
  });

  it('turns each hot-folder file into a run any capturing user can take, once', async () => {
    await asClerk();
    const folder = makeTempDir('sohoa-hot-');
    try {
      value(
        await backend.call('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password }),
      );
      const capture = backend.services.settings.get().capture;
      value(
        await backend.call('admin', 'settings.update', {
          capture: { ...capture, hotFolder: folder.path, hotFolderStableMs: 300 },
        }),
      );
      await backend.services.hotFolder.start();
      expect(backend.services.hotFolder.status()).toMatchObject({ folder: folder.path, watching: true });
      const png = await vietnamesePage(200, ['GIẤY CHỨNG NHẬN']);
      writeFileSync(join(folder.path, 'scan-0001.png'), png);
      let runs: CaptureRunSummary[] = [];
      await expect
        .poll(
          async () => {
            runs = value<CaptureRunSummary[]>(await backend.call('clerk', 'capture.runs', {}));
            return runs.map(({ kind, label, pending, ended }) => ({ kind, label, pending, ended }));
          },
          { timeout: 15_000 },
        )
        .toEqual([{ kind: 'hotFolder', label: 'scan-0001.png', pending: 1, ended: true }]);
      await expect.poll(() => existsSync(join(folder.path, 'processed', 'scan-0001.png'))).toBe(true);
      const { items } = await drain(runs[0]!.runId);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ kind: 'page', page: { dpi: 200 } });
      // The same scan dropped again is recognised and not imported twice.
      writeFileSync(
        join(folder.path, 'scan-0001-copy.png'),
        readFileSync(join(folder.path, 'processed', 'scan-0001.png')),
      );
      await expect
        .poll(() => existsSync(join(folder.path, 'processed', 'scan-0001-copy.png')), { timeout: 15_000 })
        .toBe(true);
      expect(value(await backend.call('clerk', 'capture.runs', {}))).toEqual([]);
    } finally {
      await backend.services.hotFolder.close();
      folder.remove();
    }
  });
});
