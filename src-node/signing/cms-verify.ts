import { constants, createHash, verify } from 'node:crypto';
import forge from 'node-forge';
import { bytesOf, children, Class, DIGEST_NAMES, OID, oidOf, parseDer, toDer, Type, type Asn1 } from './asn1';
import { readCertificate, signerName, type Certificate } from './certificate';

/** The digest of some bytes, in parts, with an algorithm named as Node's crypto names it. */
export function digest(algorithm: string, ...parts: Uint8Array[]): Buffer {
  const hash = createHash(algorithm);
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/** What a CMS SignedData says about itself, checked against its content. */
export interface SignedDataCheck {
  signer: Certificate | null;
  certificates: Certificate[];
  digestAlgorithm: string;
  /** The content's digest equals the signed messageDigest attribute. */
  digestMatches: boolean;
  /** The signer's public key verifies the signature over the signed attributes. */
  signatureValid: boolean;
  signatureValue: Buffer;
  /** The signature's RFC 3161 timestamp token, when it has one (PAdES B-T). */
  timestampToken: Buffer | null;
  /** Encapsulated content (a timestamp token's TSTInfo); null when detached. */
  content: Buffer | null;
  /** Signature algorithm we do not know how to check: reported, never guessed. */
  unsupported?: string;
}

const ECDSA = new Set([
  '1.2.840.10045.4.3.2',
  '1.2.840.10045.4.3.3',
  '1.2.840.10045.4.3.4',
  '1.2.840.10045.2.1',
]);
const RSA_PKCS1 = new Set([
  OID.rsaEncryption,
  OID.sha256WithRSAEncryption,
  '1.2.840.113549.1.1.5',
  '1.2.840.113549.1.1.12',
  '1.2.840.113549.1.1.13',
]);
const RSA_PSS = '1.2.840.113549.1.1.10';

const isContext = (node: Asn1 | undefined, tag: number) =>
  node?.tagClass === Class.CONTEXT_SPECIFIC && node.type === tag;

function attributeValue(attributes: Asn1[], type: string): Asn1 | undefined {
  const found = attributes.find((attribute) => oidOf(children(attribute)[0]) === type);
  return children(children(found)[1])[0];
}

function findSigner(sid: Asn1 | undefined, certificates: Certificate[]): Certificate | null {
  if (isContext(sid, 0)) {
    // Subject key identifier: the certificate's extension, or SHA-1 of its public key (RFC 5280 method 1).
    const wanted = bytesOf(sid);
    return (
      certificates.find((each) => {
        if (each.subjectKeyId?.equals(wanted)) return true;
        const key = each.x509.publicKey.export({ type: 'spki', format: 'der' });
        const bits = bytesOf(children(parseDer(key))[1]).subarray(1);
        return createHash('sha1').update(bits).digest().equals(wanted);
      }) ?? null
    );
  }
  const [issuer, serial] = children(sid);
  if (!issuer || !serial) return null;
  const issuerDer = toDer(issuer);
  const serialDer = toDer(serial);
  return (
    certificates.find((each) => each.issuerDer.equals(issuerDer) && each.serialDer.equals(serialDer)) ?? null
  );
}

function verifySignature(
  algorithm: string,
  digestName: string,
  data: Buffer,
  signature: Buffer,
  signer: Certificate,
): boolean | 'unsupported' {
  const key = signer.x509.publicKey;
  try {
    if (RSA_PKCS1.has(algorithm)) {
      return verify(digestName, data, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
    }
    if (algorithm === RSA_PSS) {
      return verify(
        digestName,
        data,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO },
        signature,
      );
    }
    if (ECDSA.has(algorithm)) return verify(digestName, data, key, signature);
  } catch {
    return false;
  }
  return 'unsupported';
}

/**
 * Checks a CMS SignedData (RFC 5652) with one signer: finds the signer's certificate among
 * those it carries, compares the content's digest (`digestOf`, given the algorithm and the
 * encapsulated content if any) with the signed messageDigest, and verifies the signature.
 */
export function checkSignedData(
  der: Uint8Array,
  digestOf: (algorithm: string, content: Buffer | null) => Buffer,
): SignedDataCheck {
  const contentInfo = children(parseDer(der));
  if (oidOf(contentInfo[0]) !== OID.signedData) throw new Error('not a CMS SignedData');
  const fields = children(children(contentInfo[1])[0]);
  const encapsulated = children(fields[2]);
  const contentNode = children(encapsulated[1])[0];
  const content = contentNode
    ? bytesOf(contentNode.type === Type.OCTETSTRING ? contentNode : undefined)
    : null;
  const certificates = children(fields.find((node) => isContext(node, 0)))
    .filter((node) => node.tagClass === Class.UNIVERSAL && node.type === Type.SEQUENCE)
    .map((node) => readCertificate(toDer(node)));
  const signerInfo = children(children(fields[fields.length - 1])[0]);
  const [, sid, digestAlgorithm, ...rest] = signerInfo;
  const signedAttributes = isContext(rest[0], 0) ? rest.shift() : undefined;
  const [signatureAlgorithm, signatureNode, unsigned] = rest;
  const digestOid = oidOf(children(digestAlgorithm)[0]);
  const digestName = DIGEST_NAMES[digestOid] ?? digestOid;
  const signatureValue = bytesOf(signatureNode);
  const signer = findSigner(sid, certificates);
  const digest = digestOf(digestName, content && content.length ? content : null);

  let digestMatches: boolean;
  let signed: Buffer;
  if (signedAttributes) {
    const attributes = children(signedAttributes);
    digestMatches = bytesOf(attributeValue(attributes, OID.messageDigest)).equals(digest);
    // The signature covers the attributes encoded as a SET OF, not as the [0] they are stored in.
    signed = toDer(signedAttributes);
    signed[0] = 0x31;
  } else {
    digestMatches = true;
    signed = content ?? Buffer.alloc(0);
  }
  const algorithm = oidOf(children(signatureAlgorithm)[0]);
  const verified = signer ? verifySignature(algorithm, digestName, signed, signatureValue, signer) : false;
  const token = isContext(unsigned, 1)
    ? attributeValue(children(unsigned), OID.signatureTimeStampToken)
    : undefined;
  return {
    signer,
    certificates,
    digestAlgorithm: digestName,
    digestMatches,
    signatureValid: verified === true,
    signatureValue,
    timestampToken: token ? toDer(token) : null,
    content,
    ...(verified === 'unsupported' ? { unsupported: algorithm } : {}),
  };
}

/** The time and the message imprint a timestamp token's TSTInfo carries. */
export function readTstInfo(tstInfo: Buffer): { time: Date; imprintAlgorithm: string; imprint: Buffer } {
  const [, , messageImprint, , genTime] = children(parseDer(tstInfo));
  const [algorithm, hashed] = children(messageImprint);
  const imprintOid = oidOf(children(algorithm)[0]);
  return {
    time: forge.asn1.generalizedTimeToDate(String(genTime?.value)),
    imprintAlgorithm: DIGEST_NAMES[imprintOid] ?? imprintOid,
    imprint: bytesOf(hashed),
  };
}

/**
 * Checks an RFC 3161 timestamp token against the signature value it claims to stamp: the
 * token's own signature and digest, and its message imprint against the signature value.
 */
export function checkTimestampToken(
  token: Uint8Array,
  signatureValue: Buffer,
): { time: Date; valid: boolean; authority: string; imprintAlgorithm: string } {
  const check = checkSignedData(token, (algorithm, content) => digest(algorithm, content ?? Buffer.alloc(0)));
  const info = readTstInfo(check.content ?? Buffer.alloc(0));
  return {
    time: info.time,
    valid:
      check.digestMatches &&
      check.signatureValid &&
      info.imprint.equals(digest(info.imprintAlgorithm, signatureValue)),
    authority: check.signer ? signerName(check.signer) : '',
    imprintAlgorithm: info.imprintAlgorithm,
  };
}
