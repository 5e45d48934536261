import { createHash, X509Certificate } from 'node:crypto';
import { AppError } from '../../src-shared/errors/app-error';
import { bytesOf, children, Class, OID, oidOf, parseDer, stringOf, toDer, type Asn1 } from './asn1';

/** A certificate as signing and verification need it, read from its DER whatever its key type. */
export interface Certificate {
  der: Buffer;
  x509: X509Certificate;
  /** The subject's common name: the agency or the person who signs. */
  commonName: string;
  organization: string;
  issuerCommonName: string;
  /** DER of the issuer Name and of the serial number INTEGER: how CMS names the signer's certificate. */
  issuerDer: Buffer;
  subjectDer: Buffer;
  serialDer: Buffer;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  /** Key usage bits that allow signing; null when the certificate has no key-usage extension. */
  keyUsage: { digitalSignature: boolean; nonRepudiation: boolean } | null;
  subjectKeyId: Buffer | null;
  sha256: Buffer;
}

function attribute(name: Asn1 | undefined, id: string): string {
  for (const rdn of children(name)) {
    for (const pair of children(rdn)) {
      const [type, value] = children(pair);
      if (oidOf(type) === id) return stringOf(value);
    }
  }
  return '';
}

/** The value of an extension (the DER inside its OCTET STRING), if the certificate has it. */
function extensionValue(extensions: Asn1[], id: string): Asn1 | null {
  for (const extension of extensions) {
    const parts = children(extension);
    if (oidOf(parts[0]) === id) return parseDer(bytesOf(parts[parts.length - 1]));
  }
  return null;
}

function keyUsageOf(extensions: Asn1[]): Certificate['keyUsage'] {
  const value = extensionValue(extensions, OID.keyUsage);
  if (!value) return null;
  // A BIT STRING: first the count of unused bits; digitalSignature is bit 0, nonRepudiation bit 1.
  const first = bytesOf(value)[1] ?? 0;
  return { digitalSignature: (first & 0x80) !== 0, nonRepudiation: (first & 0x40) !== 0 };
}

export function readCertificate(der: Uint8Array): Certificate {
  let x509: X509Certificate;
  let tbs: Asn1[];
  try {
    x509 = new X509Certificate(der);
    tbs = children(children(parseDer(der))[0]);
  } catch (error) {
    throw new AppError('signing.certificateUnreadable', { detail: String(error) });
  }
  const fields = tbs[0]?.tagClass === Class.CONTEXT_SPECIFIC ? tbs.slice(1) : tbs;
  const [serial, , issuer, , subject] = fields;
  const extensions = fields.find((node) => node.tagClass === Class.CONTEXT_SPECIFIC && node.type === 3);
  const extensionList = children(children(extensions)[0]);
  const subjectKeyId = extensionValue(extensionList, OID.subjectKeyIdentifier);
  return {
    der: Buffer.from(der),
    x509,
    commonName: attribute(subject, OID.commonName),
    organization: attribute(subject, OID.organization),
    issuerCommonName: attribute(issuer, OID.commonName),
    issuerDer: toDer(issuer!),
    subjectDer: toDer(subject!),
    serialDer: toDer(serial!),
    serialHex: x509.serialNumber.toLowerCase(),
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
    keyUsage: keyUsageOf(extensionList),
    subjectKeyId: subjectKeyId ? bytesOf(subjectKeyId) : null,
    sha256: createHash('sha256').update(der).digest(),
  };
}

/** The signer's name as people read it: "Sở Lao động – Thương binh và Xã hội (Nguyễn Văn A)". */
export const signerName = (certificate: Certificate) => certificate.commonName || certificate.organization;

/**
 * Refuses a certificate that cannot make a valid signature now: not yet or no longer valid,
 * or not meant for signing (key usage without digitalSignature or nonRepudiation).
 */
export function checkSigningCertificate(certificate: Certificate, now = new Date()): void {
  const params = { name: signerName(certificate) };
  if (now < certificate.notBefore) {
    throw new AppError('signing.certificateNotYetValid', {
      params: { ...params, from: certificate.notBefore.toISOString().slice(0, 10) },
    });
  }
  if (now > certificate.notAfter) {
    throw new AppError('signing.certificateExpired', {
      params: { ...params, until: certificate.notAfter.toISOString().slice(0, 10) },
    });
  }
  const usage = certificate.keyUsage;
  if (usage && !usage.digitalSignature && !usage.nonRepudiation) {
    throw new AppError('signing.certificateNotForSigning', { params });
  }
}
