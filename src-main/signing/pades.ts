import {
  EncryptedPDFError,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import { AppError } from '../../src-shared/errors/app-error';
import { reserveObjectNumbers, incrementalUpdate } from '../pdf/incremental-update';
import { checkSigningCertificate, signerName } from '../../src-node/signing/certificate';
import { buildSignedData, embeddedCertificates } from './cms';
import { digest } from '../../src-node/signing/cms-verify';
import type { Signer } from './signer';
import { stampAppearance, stampRect } from './signature-stamp';

/**
 * Room in the CMS beyond its certificates, the signer's name and the signature value: the
 * signed attributes (content type, digest, signing-certificate-v2: about 200 bytes), the
 * algorithm identifiers and the DER headers. A CMS that does not fit is made once more.
 */
const CMS_ROOM = 640;
/** Room for a timestamp token: the TSA's certificate, sometimes its chain. A larger one is retried. */
const TIMESTAMP_ROOM = 8 * 1024;
/** A name as long as the longest byte range (four 10-digit numbers), replaced once offsets are known. */
const BYTE_RANGE_NAME = 'ByteRangeToBeFilled'.padEnd(48, '_');

export interface SignOptions {
  now?: Date;
  reason?: string;
  location?: string;
  /** A visible stamp on the first or last page; without it the signature is invisible. */
  stamp?: { page: 'first' | 'last'; lines: string[] };
  /** RFC 3161 client: signature value in, timestamp token out (B-T). */
  timestamp?: (signature: Buffer) => Promise<Buffer>;
}

export interface SignedPdf {
  pdf: Buffer;
  /** B-T when the timestamp server answered, B-B otherwise. */
  level: 'B-B' | 'B-T';
  /** Who signed: the certificate's common name. */
  signerName: string;
  /** Why there is no timestamp although one was asked for: the signature stands without it. */
  timestampError?: AppError;
}

async function load(pdf: Uint8Array): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    if (error instanceof EncryptedPDFError) throw new AppError('signing.pdfEncrypted');
    throw new AppError('signing.pdfUnreadable', { detail: String(error) });
  }
}

/** The document's AcroForm (created when absent), and whether it is an object of its own. */
function acroFormOf(doc: PDFDocument): { form: PDFDict; ref?: PDFRef } {
  const { catalog, context } = doc;
  const entry = catalog.get(PDFName.of('AcroForm'));
  if (entry instanceof PDFRef) return { form: context.lookup(entry, PDFDict), ref: entry };
  if (entry instanceof PDFDict) return { form: entry };
  const form = context.obj({ Fields: [] });
  catalog.set(PDFName.of('AcroForm'), form);
  return { form };
}

function arrayIn(doc: PDFDocument, dict: PDFDict, key: string): { array: PDFArray; ref?: PDFRef } {
  const entry = dict.get(PDFName.of(key));
  if (entry instanceof PDFRef) return { array: doc.context.lookup(entry, PDFArray), ref: entry };
  if (entry instanceof PDFArray) return { array: entry };
  const array = doc.context.obj([]);
  dict.set(PDFName.of(key), array);
  return { array };
}

function fieldName(form: PDFDict, doc: PDFDocument): string {
  const fields = form.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const taken = new Set(
    (fields?.asArray() ?? []).map((field) =>
      doc.context.lookupMaybe(field, PDFDict)?.get(PDFName.of('T'))?.toString(),
    ),
  );
  let n = 1;
  while (taken.has(`(ChuKySo${n})`)) n += 1;
  return `ChuKySo${n}`;
}

/**
 * Signs a PDF as PAdES baseline B-B (B-T with `timestamp`): an incremental update adds a
 * signature field whose `/Contents` is a detached CMS over every byte of the file but
 * itself. The input is never changed; an unsigned or already signed PDF both work.
 */
export async function signPdf(
  pdf: Uint8Array,
  signer: Signer,
  options: SignOptions = {},
): Promise<SignedPdf> {
  const now = options.now ?? new Date();
  checkSigningCertificate(signer.certificate, now);
  const first = await signInRoom(pdf, signer, options, now, contentsRoom(signer, options));
  if (!('needed' in first)) return first;
  // The TSA's token was larger than foreseen: once more with room for it (and a new token).
  const second = await signInRoom(pdf, signer, options, now, first.needed + 1024);
  if ('needed' in second) throw new AppError('internal', { detail: `CMS of ${second.needed} bytes` });
  return second;
}

/**
 * The `/Contents` placeholder is written as hex zeros in every signed file, so it is sized
 * to this signer's CMS rather than a fixed 32 KB: its certificates, the issuer and serial
 * that name the signer, the signature (as long as the key's modulus), then room for the rest.
 */
function contentsRoom(signer: Signer, options: SignOptions): number {
  const { certificate } = signer;
  const certificates = embeddedCertificates(signer).reduce((sum, each) => sum + each.der.length, 0);
  const signerId = certificate.issuerDer.length + certificate.serialDer.length;
  const key = certificate.x509.publicKey.asymmetricKeyDetails?.modulusLength ?? 4096;
  return certificates + signerId + key / 8 + CMS_ROOM + (options.timestamp ? TIMESTAMP_ROOM : 0);
}

/** One signing with `room` bytes for the CMS; `needed` when the CMS did not fit. */
async function signInRoom(
  pdf: Uint8Array,
  signer: Signer,
  options: SignOptions,
  now: Date,
  room: number,
): Promise<SignedPdf | { needed: number }> {
  const doc = await load(pdf);
  const { context } = doc;
  const firstNewObject = reserveObjectNumbers(pdf, doc);
  const pages = doc.getPages();
  const page = options.stamp?.page === 'last' ? pages[pages.length - 1]! : pages[0]!;

  const signature = context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    Contents: PDFHexString.of('0'.repeat(room * 2)),
    M: PDFString.fromDate(now),
    Name: PDFString.of(signerName(signer.certificate)),
    ...(options.reason ? { Reason: PDFString.of(options.reason) } : {}),
    ...(options.location ? { Location: PDFString.of(options.location) } : {}),
  });
  // The byte range is written as a placeholder of fixed width, filled in once offsets are known.
  signature.set(PDFName.of('ByteRange'), PDFName.of(BYTE_RANGE_NAME));

  const { form, ref: formRef } = acroFormOf(doc);
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFString.of(fieldName(form, doc)),
    V: context.register(signature),
    P: page.ref,
    // Print and Locked; PDF/A wants every annotation printable.
    F: 132,
    Rect: [0, 0, 0, 0],
  });
  if (options.stamp) {
    const { appearance } = await stampAppearance(doc, options.stamp.lines);
    widget.set(PDFName.of('Rect'), context.obj(stampRect(page.getWidth())));
    widget.set(PDFName.of('AP'), context.obj({ N: appearance }));
  }
  const widgetRef = context.register(widget);
  const fields = arrayIn(doc, form, 'Fields');
  fields.array.push(widgetRef);
  form.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  const annots = arrayIn(doc, page.node, 'Annots');
  annots.array.push(widgetRef);

  const changed = [context.trailerInfo.Root as PDFRef, page.ref, formRef, fields.ref, annots.ref].filter(
    (ref): ref is PDFRef => ref !== undefined,
  );
  const prepared = incrementalUpdate(pdf, doc, firstNewObject, changed);
  let timestampError: AppError | undefined;
  let level: SignedPdf['level'] = 'B-B';
  const { timestamp } = options;
  const stamped = timestamp
    ? async (signature: Buffer) => {
        try {
          const token = await timestamp(signature);
          level = 'B-T';
          return token;
        } catch (error) {
          timestampError =
            error instanceof AppError
              ? error
              : new AppError('signing.timestampFailed', { detail: String(error) });
          return null;
        }
      }
    : undefined;
  const signed = await embedSignature(prepared, pdf.length, room, (documentDigest) =>
    buildSignedData(documentDigest, signer, stamped),
  );
  if ('needed' in signed) return signed;
  return {
    pdf: signed,
    level,
    signerName: signerName(signer.certificate),
    ...(timestampError ? { timestampError } : {}),
  };
}

/** Fills the byte range and `/Contents` of the signature prepared in the update after `updateStart`. */
async function embedSignature(
  prepared: Buffer,
  updateStart: number,
  room: number,
  cms: (documentDigest: Buffer) => Promise<Buffer>,
): Promise<Buffer | { needed: number }> {
  const placeholder = Buffer.from(`/ByteRange /${BYTE_RANGE_NAME}`);
  const rangeAt = prepared.indexOf(placeholder, updateStart);
  const contentsAt =
    prepared.indexOf(Buffer.from(`/Contents <${'0'.repeat(64)}`), updateStart) + '/Contents '.length;
  if (rangeAt < 0 || contentsAt < updateStart) {
    throw new AppError('internal', { detail: 'signature placeholder missing' });
  }
  const contentsEnd = contentsAt + room * 2 + 2;
  const range = [0, contentsAt, contentsEnd, prepared.length - contentsEnd];
  // As long as the placeholder, so that no offset moves.
  prepared.write(`/ByteRange [${range.join(' ')}]`.padEnd(placeholder.length, ' '), rangeAt, 'latin1');
  const documentDigest = digest('sha256', prepared.subarray(0, contentsAt), prepared.subarray(contentsEnd));
  const signed = await cms(documentDigest);
  if (signed.length > room) return { needed: signed.length };
  prepared.write(signed.toString('hex'), contentsAt + 1, 'latin1');
  return prepared;
}
