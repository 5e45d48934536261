import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRecordPdf } from '../../../src-main/pdf/record-pdf';
import { type Asn1, Class, parseDer, toDer } from '../../../src-node/signing/asn1';
import { signPdf } from '../../../src-main/signing/pades';
import { listTokens, openPkcs11Signer } from '../../../src-main/signing/pkcs11-signer';
import { openPkcs12Signer } from '../../../src-main/signing/pkcs12-signer';
import { requestTimestamp } from '../../../src-main/signing/timestamp-client';
import { loadTrustStore } from '../../../src-node/signing/trust-store';
import { verifyPdf } from '../../../src-node/signing/verify-pdf';
import type { Certificate } from '../../../src-node/signing/certificate';
import { startOpensslTsa } from '../../support/openssl-tsa';
import { tool } from '../../support/poppler';
import { createSoftToken } from '../../support/softhsm';
import { makeTempDir } from '../../support/temp-dir';
import { createTestPki, P12_PASSWORD, type TestPki } from '../../support/test-pki';
import { vietnamesePage } from '../../support/page-images';

/** The token with `count` more copies of its own first certificate, as a TSA sending its whole chain would. */
function withExtraCertificates(token: Buffer, count: number): Buffer {
  const contentInfo = parseDer(token);
  const signedData = (contentInfo.value as Asn1[])[1]!.value[0] as Asn1;
  const certificates = (signedData.value as Asn1[]).find(
    (node) => node.tagClass === Class.CONTEXT_SPECIFIC && node.type === 0,
  )!;
  const first = (certificates.value as Asn1[])[0]!;
  for (let i = 0; i < count; i++) (certificates.value as Asn1[]).push(parseDer(toDer(first)));
  return toDer(contentInfo);
}

describe('PAdES signing with a SoftHSM2 token and a PKCS#12 file, checked by pdfsig and our verifier', () => {
  const dir = makeTempDir('sohoa-sign-');
  let pki: TestPki;
  let token: ReturnType<typeof createSoftToken>;
  let record: Uint8Array;
  let anchors: Certificate[];
  const file = (name: string) => join(dir.path, name);

  beforeAll(async () => {
    pki = createTestPki(dir.path);
    token = createSoftToken(dir.path, pki.agency);
    anchors = await loadTrustStore([pki.trustDir]);
    const image = await sharp(await vietnamesePage(150, ['GIẤY PHÉP LAO ĐỘNG', 'Số: 49/GP-SLĐTBXH']))
      .jpeg({ quality: 80 })
      .toBuffer();
    record = await buildRecordPdf([{ image, mimeType: 'image/jpeg', dpi: 150, rotation: 0 }], {
      code: 'H20.10-001-2026-000002-Y',
      fields: { resultType: 'licence', documentNumber: '49/GP-SLĐTBXH' },
    });
    writeFileSync(file('record.pdf'), record);
  }, 60_000);
  afterAll(() => dir.remove());

  it('lists the token and its certificate without a PIN', () => {
    const [found] = listTokens(token.module);
    expect(found).toMatchObject({ label: token.label, model: 'SoftHSM v2' });
    expect(found!.certificates).toEqual([
      expect.objectContaining({ id: '01', commonName: 'Sở Lao động - Thương binh và Xã hội tỉnh Đồng Tháp' }),
    ]);
  });

  it('signs a record on the token: pdfsig and our verifier find it valid, whole, unchanged; qpdf is clean', async () => {
    const signer = await openPkcs11Signer({
      modulePath: token.module,
      tokenLabel: token.label,
      pin: token.pin,
    });
    const signed = await signPdf(record, signer, { reason: 'Số hóa', location: 'Đồng Tháp' });
    await signer.close();
    writeFileSync(file('token.pdf'), signed.pdf);
    expect(signed.level).toBe('B-B');

    const pdfsig = (await tool('pdfsig', [file('token.pdf')])).out;
    expect(pdfsig).toContain('Signature Type: ETSI.CAdES.detached');
    expect(pdfsig).toContain('Signature Validation: Signature is Valid.');
    expect(pdfsig).toContain('Total document signed');
    expect(pdfsig).toContain(
      'Signer Certificate Common Name: Sở Lao động - Thương binh và Xã hội tỉnh Đồng Tháp',
    );
    expect((await tool('qpdf', ['--check', file('token.pdf')])).code).toBe(0);
    // Signing appends: the unsigned file is, byte for byte, the start of the signed one.
    expect(Buffer.compare(signed.pdf.subarray(0, record.length), Buffer.from(record))).toBe(0);

    const report = verifyPdf(signed.pdf, anchors);
    expect(report).toMatchObject({ valid: true, changedAfterSigning: false });
    expect(report.signatures[0]).toMatchObject({
      intact: true,
      coversWholeFile: true,
      subFilter: 'ETSI.CAdES.detached',
      signer: { name: 'Sở Lao động - Thương binh và Xã hội tỉnh Đồng Tháp', issuer: 'CA thử nghiệm SoHoa' },
      chain: { status: 'trusted' },
    });
    // Without the test CA in the trust store: intact, but not trusted, so not valid.
    expect(verifyPdf(signed.pdf, [])).toMatchObject({
      valid: false,
      signatures: [{ intact: true, chain: { status: 'untrusted' } }],
    });
  });

  it('signs with a PKCS#12 file and a visible stamp; a second signature keeps the first valid', async () => {
    const signer = await openPkcs12Signer(pki.agency.p12Path, P12_PASSWORD);
    const once = await signPdf(record, signer, {
      stamp: { page: 'first', lines: ['Ký bởi: Sở LĐTBXH Đồng Tháp'] },
    });
    const twice = await signPdf(once.pdf, signer, {});
    writeFileSync(file('p12.pdf'), once.pdf);
    writeFileSync(file('p12-twice.pdf'), twice.pdf);
    const pdfsig = (await tool('pdfsig', [file('p12.pdf')])).out;
    expect(pdfsig).toContain('Signature Validation: Signature is Valid.');
    expect(pdfsig).toContain('Total document signed');
    expect((await tool('pdffonts', [file('p12.pdf')])).out.match(/ yes /g)?.length).toBeGreaterThanOrEqual(2);
    expect((await tool('qpdf', ['--check', file('p12.pdf')])).code).toBe(0);

    // The /Contents placeholder is sized to the signer's CMS: a few KB, not a fixed 32 KB of hex zeros.
    expect(twice.pdf.length - once.pdf.length).toBeLessThan(12 * 1024);
    const both = (await tool('pdfsig', [file('p12-twice.pdf')])).out;
    expect(both.match(/Signature is Valid/g)).toHaveLength(2);
    const report = verifyPdf(twice.pdf, anchors);
    expect(report.valid).toBe(true);
    expect(report.signatures.map((each) => [each.intact, each.coversWholeFile])).toEqual([
      [true, false],
      [true, true],
    ]);
  });

  it('reports a file with one byte flipped as changed, in pdfsig and in our verifier', async () => {
    const signed = readFileSync(file('token.pdf'));
    const flipped = Buffer.from(signed);
    // A byte of the page image, well inside the signed range.
    flipped[Math.floor(record.length / 2)]! ^= 0x01;
    writeFileSync(file('flipped.pdf'), flipped);
    const pdfsig = await tool('pdfsig', [file('flipped.pdf')]);
    expect(pdfsig.out).not.toContain('Signature is Valid');
    expect(pdfsig.out).toMatch(/Digest Mismatch|Signature is Invalid/);
    expect(verifyPdf(flipped, anchors)).toMatchObject({ valid: false, signatures: [{ intact: false }] });

    // Appending after the signature is a change after signing too, even with the signature intact.
    const appended = Buffer.concat([signed, Buffer.from('\n% thêm vào sau khi ký\n')]);
    expect(verifyPdf(appended, anchors)).toMatchObject({
      valid: false,
      changedAfterSigning: true,
      signatures: [{ intact: true, coversWholeFile: false }],
    });
  });

  it('adds an RFC 3161 timestamp (B-T) from a real TSA, and signs B-B with a warning when the TSA is down', async () => {
    const tsa = await startOpensslTsa(pki);
    try {
      const signer = await openPkcs12Signer(pki.agency.p12Path, P12_PASSWORD);
      const signed = await signPdf(record, signer, {
        timestamp: (signature) => requestTimestamp(tsa.url, signature),
      });
      expect(signed.level).toBe('B-T');
      expect(tsa.requests()).toBe(1);
      const [signature] = verifyPdf(signed.pdf, anchors).signatures;
      expect(signature!.intact).toBe(true);
      expect(signature!.timestamp).toMatchObject({ valid: true, authority: 'TSA thử nghiệm SoHoa' });
      expect(Math.abs(Date.parse(signature!.timestamp!.time) - Date.now())).toBeLessThan(120_000);
      writeFileSync(file('b-t.pdf'), signed.pdf);
      expect((await tool('pdfsig', [file('b-t.pdf')])).out).toContain('Signature is Valid');

      // A TSA that sends a long chain: the token outgrows the room foreseen for it, and the
      // signature is made once more with room enough (certificates are outside the token's signature).
      const bulky = await signPdf(record, signer, {
        timestamp: async (signature) => withExtraCertificates(await requestTimestamp(tsa.url, signature), 24),
      });
      expect(tsa.requests()).toBe(3);
      expect(bulky.level).toBe('B-T');
      const [retried] = verifyPdf(bulky.pdf, anchors).signatures;
      expect(retried).toMatchObject({ intact: true, timestamp: { valid: true } });
      writeFileSync(file('b-t-bulky.pdf'), bulky.pdf);
      expect((await tool('pdfsig', [file('b-t-bulky.pdf')])).out).toContain('Signature is Valid');

      const down = await signPdf(record, signer, {
        timestamp: (signature) => requestTimestamp('http://127.0.0.1:9/tsa', signature),
      });
      expect(down.level).toBe('B-B');

      expect(down.timestampError?.code).toBe('signing.timestampFailed');
      expect(verifyPdf(down.pdf, anchors).valid).toBe(true);
    } finally {
      await tsa.close();
    }
  });

  describe('refuses, with a clear error and nothing signed', () => {
    const unchanged = () => expect(readFileSync(file('record.pdf')).equals(Buffer.from(record))).toBe(true);

    it('a wrong PIN, saying the token reports few tries left', async () => {
      const error = await openPkcs11Signer({ modulePath: token.module, pin: '000000' }).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'signing.wrongPin' });
      // SoftHSM2 raises CKF_USER_PIN_COUNT_LOW after a wrong PIN; the message says so.
      expect(error).toMatchObject({ params: { context: 'countLow' } });
      unchanged();
    });

    it('a missing PKCS#11 module, and a token that is not plugged in', async () => {
      await expect(
        openPkcs11Signer({ modulePath: join(dir.path, 'khong-co.so'), pin: '1' }),
      ).rejects.toMatchObject({
        code: 'signing.moduleMissing',
      });
      await expect(
        openPkcs11Signer({ modulePath: token.module, tokenLabel: 'Token khác', pin: token.pin }),
      ).rejects.toMatchObject({ code: 'signing.tokenMissing' });
    });

    it('an expired certificate and one not issued for signing', async () => {
      for (const [identity, code] of [
        [pki.expired, 'signing.certificateExpired'],
        [pki.notForSigning, 'signing.certificateNotForSigning'],
      ] as const) {
        const signer = await openPkcs12Signer(identity.p12Path, P12_PASSWORD);
        await expect(signPdf(record, signer)).rejects.toMatchObject({ code });
      }
      unchanged();
    });

    it('a wrong PKCS#12 password, and a PDF that is not one', async () => {
      await expect(openPkcs12Signer(pki.agency.p12Path, 'sai mật khẩu')).rejects.toMatchObject({
        code: 'signing.wrongPassword',
      });
      const signer = await openPkcs12Signer(pki.agency.p12Path, P12_PASSWORD);
      await expect(signPdf(Buffer.from('không phải PDF'), signer)).rejects.toMatchObject({
        code: 'signing.pdfUnreadable',
      });
    });
  });
});
