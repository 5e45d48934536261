import forge from 'node-forge';

/**
 * Small helpers over node-forge's ASN.1 (binary strings inside, bytes outside), shared by
 * the CMS builder, the certificate reader, the timestamp client and the verifier.
 */
const { asn1 } = forge;
export type Asn1 = forge.asn1.Asn1;
export const { Class, Type } = asn1;

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  sha1: '1.3.14.3.2.26',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
} as const;

/** Digest algorithms a verifier meets, by OID, as Node's crypto names them. */
export const DIGEST_NAMES: Record<string, string> = {
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
  [OID.sha1]: 'sha1',
};

export const toBinary = (bytes: Uint8Array) => Buffer.from(bytes).toString('binary');
export const fromBinary = (binary: string) => Buffer.from(binary, 'binary');

/** Bit strings stay opaque: decoding them as nested ASN.1 could re-encode a key or a signature differently. */
export const parseDer = (bytes: Uint8Array): Asn1 =>
  (asn1.fromDer as unknown as (bytes: string, options: object) => Asn1)(toBinary(bytes), {
    strict: false,
    decodeBitStrings: false,
    // A signature's /Contents is zero-padded after the CMS.
    parseAllBytes: false,
  });
export const toDer = (node: Asn1): Buffer => fromBinary(asn1.toDer(node).getBytes());

export const seq = (value: Asn1[]) => asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, value);
export const set = (value: Asn1[]) => asn1.create(Class.UNIVERSAL, Type.SET, true, value);
export const oid = (id: string) =>
  asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(id).getBytes());
export const octets = (bytes: Uint8Array) =>
  asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, toBinary(bytes));
export const integer = (value: number) =>
  asn1.create(Class.UNIVERSAL, Type.INTEGER, false, asn1.integerToDer(value).getBytes());
export const nullValue = () => asn1.create(Class.UNIVERSAL, Type.NULL, false, '');
export const bool = (value: boolean) =>
  asn1.create(Class.UNIVERSAL, Type.BOOLEAN, false, value ? '\xff' : '\x00');
/** `[n]` context-specific wrapper; `implicit` replaces the inner tag, as CMS does for SET OF. */
export const tagged = (tag: number, value: Asn1[]) => asn1.create(Class.CONTEXT_SPECIFIC, tag, true, value);

export const children = (node: Asn1 | undefined): Asn1[] => (Array.isArray(node?.value) ? node.value : []);
export const oidOf = (node: Asn1 | undefined): string =>
  node && node.type === Type.OID && typeof node.value === 'string' ? asn1.derToOid(node.value) : '';
export const bytesOf = (node: Asn1 | undefined): Buffer =>
  node && typeof node.value === 'string' ? fromBinary(node.value) : Buffer.alloc(0);

/** DER SET OF is sorted by encoding (X.690 11.6): a verifier re-encodes signed attributes so. */
export function sortedSet(members: Asn1[]): Asn1 {
  const encoded = members.map((member) => ({ member, der: toDer(member) }));
  encoded.sort((a, b) => Buffer.compare(a.der, b.der));
  return set(encoded.map((each) => each.member));
}

/** A character string of a name or a certificate field, whichever ASN.1 string type it uses. */
export function stringOf(node: Asn1 | undefined): string {
  if (!node || typeof node.value !== 'string') return '';
  if (node.type === Type.BMPSTRING) {
    const bytes = fromBinary(node.value);
    return bytes.swap16().toString('utf16le');
  }
  if (node.type === Type.UTF8) {
    return fromBinary(node.value).toString('utf8');
  }
  return node.value;
}
