import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { createPdfWorker } from '../../../src-main/pdf/pdf-worker-client';
import { buildRecordPdf, type RecordPdfPage } from '../../../src-main/pdf/record-pdf';
import { signPdf } from '../../../src-main/signing/pades';
import { openPkcs12Signer } from '../../../src-main/signing/pkcs12-signer';
import { readRecordXmp } from '../../../src-node/pdf/record-xmp';
import { readCertificate } from '../../../src-node/signing/certificate';
import { verifyPdf } from '../../../src-node/signing/verify-pdf';
import { makeTempDir } from '../../support/temp-dir';
import { createTestPki, P12_PASSWORD } from '../../support/test-pki';

const META = { code: '000.00.12.H20.2026.0010000017', fields: { ownerName: 'Nguyễn Văn Ánh' } };

describe("main's PDF worker thread", () => {
  const worker = createPdfWorker();
  const dir = makeTempDir('sohoa-pdf-worker-');
  afterAll(async () => {
    await worker.close();
    dir.remove();
  });

  it('builds the same file as building in-line, and verifies a signature as in-line', async () => {
    const image = await sharp({ create: { width: 400, height: 566, channels: 3, background: '#eeeeee' } })
      .jpeg()
      .toBuffer();
    const pages: RecordPdfPage[] = [{ image, mimeType: 'image/jpeg', dpi: 50, rotation: 0 }];
    const options = { documentId: 'f'.repeat(32), now: new Date('2026-12-02T08:00:00Z') };
    const [there, here] = await Promise.all([
      worker.build(pages, META, options),
      buildRecordPdf(pages, META, options),
    ]);
    // The same file but for the instance id each build draws.
    expect(there.length).toBe(here.length);
    expect(await readRecordXmp(there)).toEqual(await readRecordXmp(here));
    expect(await readRecordXmp(there)).toMatchObject({ recordCode: META.code, ownerName: 'Nguyễn Văn Ánh' });

    const pki = createTestPki(dir.path);
    const signer = await openPkcs12Signer(pki.agency.p12Path, P12_PASSWORD);
    const { pdf } = await signPdf(here, signer);
    await signer.close();
    const anchors = [readCertificate(pki.rootDer)];
    const report = await worker.verify(pdf, anchors);
    expect(report).toEqual(verifyPdf(Buffer.from(pdf), anchors));
    expect(report.valid).toBe(true);
  });

  it("gives the builder's own error back, and keeps answering", async () => {
    await expect(worker.build([], META)).rejects.toMatchObject({ code: 'pdf.noPages' });
    const report = await worker.verify(new TextEncoder().encode('%PDF-1.7\n%%EOF\n'), []);
    expect(report).toMatchObject({ signatures: [], valid: false });
  });
});
