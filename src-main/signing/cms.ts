import {
  integer,
  nullValue,
  OID,
  octets,
  oid,
  parseDer,
  seq,
  set,
  sortedSet,
  tagged,
  toDer,
  type Asn1,
} from '../../src-node/signing/asn1';
import type { Certificate } from '../../src-node/signing/certificate';
import type { Signer } from './signer';

const algorithm = (id: string, withNull = true) => seq(withNull ? [oid(id), nullValue()] : [oid(id)]);
const attribute = (type: string, value: Asn1) => seq([oid(type), set([value])]);

/** ESS signing-certificate-v2 (RFC 5035): binds the signature to the certificate (PAdES requires it). */
function signingCertificateV2(certificate: Certificate): Asn1 {
  const issuerSerial = seq([
    seq([tagged(4, [parseDer(certificate.issuerDer)])]), // GeneralNames: one directoryName
    parseDer(certificate.serialDer),
  ]);
  // The hash algorithm is SHA-256, the default, hence not written (DER omits defaults).
  const essCertIdV2 = seq([octets(certificate.sha256), issuerSerial]);
  return seq([seq([essCertIdV2])]);
}

/** The signed attributes of a PAdES baseline signature (ETSI EN 319 142-1, B-B). */
export function signedAttributes(contentDigest: Buffer, certificate: Certificate): Asn1[] {
  // No signing-time attribute: PAdES puts the claimed time in the signature dictionary's /M.
  return [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(contentDigest)),
    attribute(OID.signingCertificateV2, signingCertificateV2(certificate)),
  ];
}

/** What the key signs: the signed attributes as a DER SET OF (RFC 5652 5.4). */
export const signedAttributesDer = (attributes: Asn1[]) => toDer(sortedSet(attributes));

/**
 * The certificates a signature carries: the signer's and the intermediates up to its root,
 * not the self-signed root itself. A verifier must already hold the root as a trust anchor
 * (one carried in the file proves nothing), so it would only add a kilobyte to every file.
 */
export const embeddedCertificates = (signer: Signer): Certificate[] => [
  signer.certificate,
  ...signer.chain.filter((each) => !each.subjectDer.equals(each.issuerDer)),
];

/**
 * A detached CMS SignedData (the `/Contents` of an `ETSI.CAdES.detached` signature) over a
 * document whose SHA-256 is `contentDigest`. `timestamp`, when given, is called with the
 * signature value and returns an RFC 3161 token to attach as an unsigned attribute (B-T),
 * or null to stay B-B.
 */
export async function buildSignedData(
  contentDigest: Buffer,
  signer: Signer,
  timestamp?: (signature: Buffer) => Promise<Buffer | null>,
): Promise<Buffer> {
  const { certificate } = signer;
  const attributes = signedAttributes(contentDigest, certificate);
  const signature = await signer.sign(signedAttributesDer(attributes));
  const token = timestamp ? await timestamp(signature) : null;
  const unsigned = token ? [tagged(1, [attribute(OID.signatureTimeStampToken, parseDer(token))])] : [];
  const signerInfo = seq([
    integer(1),
    seq([parseDer(certificate.issuerDer), parseDer(certificate.serialDer)]),
    algorithm(OID.sha256),
    tagged(0, sortedSet(attributes).value as Asn1[]),
    algorithm(OID.rsaEncryption),
    octets(signature),
    ...unsigned,
  ]);
  const certificates = embeddedCertificates(signer).map((each) => parseDer(each.der));
  const signedData = seq([
    integer(1),
    set([algorithm(OID.sha256)]),
    seq([oid(OID.data)]),
    tagged(0, certificates),
    set([signerInfo]),
  ]);
  return toDer(seq([oid(OID.signedData), tagged(0, [signedData])]));
}
