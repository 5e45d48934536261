import { signerName, type Certificate } from './certificate';
import { checkChain, type ChainReport } from './certificate-chain';
import { checkSignedData, checkTimestampToken, digest } from './cms-verify';

export interface SignatureVerification {
  signer: {
    name: string;
    organization: string;
    issuer: string;
    serial: string;
    validFrom: string;
    validTo: string;
  } | null;
  /** The time the signer's computer claimed (`/M`), ISO 8601. */
  claimedTime: string | null;
  /** A timestamp authority's time (PAdES B-T), and whether its token checks out. */
  timestamp: { time: string; valid: boolean; authority: string } | null;
  subFilter: string;
  /** The signed bytes are the ones in the file and the signature over them verifies. */
  intact: boolean;
  /** The signature covers the file to its last byte; false when something was appended after it. */
  coversWholeFile: boolean;
  chain: ChainReport;
  /** Why the signature could not be checked at all (damaged CMS, unknown algorithm). */
  problem?: string;
}

export interface PdfVerification {
  signatures: SignatureVerification[];
  /** Bytes were appended after the last signature: the document changed after signing. */
  changedAfterSigning: boolean;
  /** At least one signature; all intact and trusted; nothing changed after the last. */
  valid: boolean;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/** PDF date (D:YYYYMMDDHHmmSSOHH'mm) as a Date. */
export function parsePdfDate(value: string): Date | null {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(value);
  if (!match) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = match;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offset = (Number(oh) * 60 + Number(om)) * 60_000;
  return new Date(sign === '+' ? utc - offset : sign === '-' ? utc + offset : utc);
}

const describe = (certificate: Certificate): SignatureVerification['signer'] => ({
  name: signerName(certificate),
  organization: certificate.organization,
  issuer: certificate.issuerCommonName,
  serial: certificate.serialHex,
  validFrom: certificate.notBefore.toISOString(),
  validTo: certificate.notAfter.toISOString(),
});

function verifyOne(
  file: Buffer,
  range: number[],
  anchors: readonly Certificate[],
  dictionary: string,
): SignatureVerification {
  const [, contentsStart, contentsEnd, tailLength] = range as [number, number, number, number];
  const claimed = /\/M\s*\((D:[^)]*)\)/.exec(dictionary)?.[1];
  const claimedTime = claimed ? parsePdfDate(claimed) : null;
  const base = {
    signer: null,
    claimedTime: claimedTime?.toISOString() ?? null,
    timestamp: null,
    subFilter: /\/SubFilter\s*\/([\w.]+)/.exec(dictionary)?.[1] ?? '',
    intact: false,
    coversWholeFile: contentsEnd + tailLength === file.length,
    chain: { status: 'broken' as const, path: [] },
  };
  const hex = file.subarray(contentsStart + 1, contentsEnd - 1).toString('latin1');
  try {
    const signed = [file.subarray(0, contentsStart), file.subarray(contentsEnd, contentsEnd + tailLength)];
    const check = checkSignedData(Buffer.from(hex, 'hex'), (algorithm) => digest(algorithm, ...signed));
    let timestamp: SignatureVerification['timestamp'] = null;
    if (check.timestampToken) {
      const { time, valid, authority } = checkTimestampToken(check.timestampToken, check.signatureValue);
      timestamp = { time: time.toISOString(), valid, authority };
    }
    const at = timestamp?.valid ? new Date(timestamp.time) : (claimedTime ?? new Date());
    return {
      ...base,
      signer: check.signer ? describe(check.signer) : null,
      timestamp,
      intact: check.digestMatches && check.signatureValid,
      chain: check.signer ? checkChain(check.signer, check.certificates, anchors, at) : base.chain,
      ...(check.unsupported ? { problem: `unsupported signature algorithm ${check.unsupported}` } : {}),
    };
  } catch (error) {
    return {
      ...base,
      problem: `damaged signature: ${String(error instanceof Error ? error.message : error)}`,
    };
  }
}

/**
 * Verifies every signature of a PDF, ours or anyone's: integrity of the signed bytes,
 * signer, claimed and timestamped signing time, the certificate chain against `anchors`,
 * and whether anything was appended after signing. Signature dictionaries are found by
 * their byte ranges in the raw file (they may not sit in object streams), so a file too
 * damaged for a PDF parser is still reported on rather than refused.
 */
export function verifyPdf(file: Buffer, anchors: readonly Certificate[]): PdfVerification {
  const text = file.toString('latin1');
  const signatures: SignatureVerification[] = [];
  let lastEnd = 0;
  for (const match of text.matchAll(BYTE_RANGE)) {
    const range = match.slice(1, 5).map(Number);
    const [start, contentsStart, contentsEnd, tailLength] = range as [number, number, number, number];
    const wellFormed =
      start === 0 &&
      contentsStart < contentsEnd &&
      contentsEnd + tailLength <= file.length &&
      text[contentsStart] === '<' &&
      text[contentsEnd - 1] === '>';
    if (!wellFormed) continue;
    const objectStart = text.lastIndexOf(' obj', match.index);
    const objectEnd = text.indexOf('endobj', contentsEnd);
    const dictionary =
      text.slice(Math.max(objectStart, 0), contentsStart) + text.slice(contentsEnd, objectEnd);
    signatures.push(verifyOne(file, range, anchors, dictionary));
    lastEnd = Math.max(lastEnd, contentsEnd + tailLength);
  }
  const changedAfterSigning = signatures.length > 0 && lastEnd < file.length;
  const valid =
    signatures.length > 0 &&
    !changedAfterSigning &&
    signatures.every((signature) => signature.intact && signature.chain.status === 'trusted');
  return { signatures, changedAfterSigning, valid };
}
