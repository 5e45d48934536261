import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { RecordMeta } from '../../src-shared/central/central-api';
import { revocationStatement, type RecordedRevocation } from '../../src-shared/domain/revocation';
import { buildSignedData } from '../../src-main/signing/cms';
import { buildRecordPdf } from '../../src-main/pdf/record-pdf';
import { signPdf } from '../../src-main/signing/pades';
import type { Signer } from '../../src-main/signing/signer';

let page: Promise<Buffer> | undefined;
/** A small grey page: records for sync tests need a real signed file, not a large one. */
const smallPage = () =>
  (page ??= sharp({ create: { width: 200, height: 283, channels: 3, background: '#f4f1ea' } })
    .jpeg()
    .toBuffer());

let heavy: Promise<Buffer> | undefined;
/** A page of noise (about 100 KB as JPEG): a scanned dossier's weight, for records of many pages. */
const heavyPage = () =>
  (heavy ??= sharp({
    create: {
      width: 300,
      height: 424,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  })
    .jpeg({ quality: 90 })
    .toBuffer());

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The meta a station sends with a record (see central-api), for a record of `owner`. */
export function recordMeta(
  owner: { idNumber: string; name: string; number: string },
  extra: Partial<RecordMeta> = {},
) {
  return {
    fields: {
      resultType: 'decision' as const,
      documentNumber: owner.number,
      issueDate: '2022-04-25',
      ownerName: owner.name,
      ownerIdNumber: owner.idNumber,
      procedureCode: '1.001257',
    },
    departmentCode: 'NCC',
    pages: 1,
    capturedBy: 'Trần Thị Thư',
    signedAt: Date.UTC(2026, 10, 20),
    approvedBy: 'Phạm Văn Duyệt',
    approvedAt: Date.UTC(2026, 10, 21),
    ...extra,
  } satisfies RecordMeta;
}

/** A record's signed PDF/A as finalize makes it, carrying `code`. */
export async function signedRecord(signer: Signer, code: string, meta: RecordMeta) {
  const image = meta.pages > 1 ? await heavyPage() : await smallPage();
  const unsigned = await buildRecordPdf(
    Array.from({ length: meta.pages }, () => ({
      image,
      mimeType: 'image/jpeg' as const,
      dpi: 24,
      rotation: 0 as const,
    })),
    { code, fields: meta.fields, ...(meta.supersedes ? { supersedes: meta.supersedes } : {}) },
  );
  const { pdf } = await signPdf(unsigned, signer);
  return { pdf: Buffer.from(pdf), sha256: sha256Hex(pdf) };
}

/**
 * A revocation as a station sends it to Central: the supervisor's record of it, signed by
 * `signer` over its statement as main's review service signs it (the same CMS builder).
 */
export async function signedRevocation(signer: Signer, code: string, revocation: RecordedRevocation) {
  const digest = createHash('sha256').update(revocationStatement(code, revocation)).digest();
  return { ...revocation, signature: (await buildSignedData(digest, signer)).toString('base64') };
}
