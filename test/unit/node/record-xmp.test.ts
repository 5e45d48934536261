import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPkcs12Signer } from '../../../src-main/signing/pkcs12-signer';
import { readRecordXmp } from '../../../src-node/pdf/record-xmp';
import { recordMeta, signedRecord } from '../../support/signed-records';
import { makeTempDir } from '../../support/temp-dir';
import { createTestPki, P12_PASSWORD } from '../../support/test-pki';

describe("the record's XMP, written at finalize and read by Central", () => {
  let signed: Buffer;
  const dir = makeTempDir('sohoa-xmp-');
  afterAll(() => dir.remove());
  beforeAll(async () => {
    const pki = createTestPki(dir.path);
    const signer = await openPkcs12Signer(pki.agency.p12Path, P12_PASSWORD);
    const meta = recordMeta({
      idNumber: '087085001234',
      name: 'Nguyễn Văn <Ánh> & Cộng sự',
      number: '49/QĐ-SLĐTBXH',
    });
    signed = (await signedRecord(signer, '000.00.12.H20.2026.007000001X', meta)).pdf;
  }, 60_000);

  it('reads back the code and fields of a signed record, escapes and Vietnamese marks included', async () => {
    const fields = await readRecordXmp(signed);
    expect(fields).toMatchObject({
      recordCode: '000.00.12.H20.2026.007000001X',
      documentNumber: '49/QĐ-SLĐTBXH',
      ownerName: 'Nguyễn Văn <Ánh> & Cộng sự',
    });
  });

  it('finds no code in a file that only mentions one outside its metadata', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    // The code in a comment after the end of the file: a string match would take it.
    const bytes = Buffer.concat([
      Buffer.from(await pdf.save()),
      Buffer.from('\n% <sohoa:recordCode>000.00.12.H20.2026.007000001X</sohoa:recordCode>\n'),
    ]);
    expect(Buffer.from(bytes).includes('<sohoa:recordCode>')).toBe(true);
    expect(await readRecordXmp(bytes)).toBeNull();
  });
});
