import { X509Certificate } from 'node:crypto';
import type { TlsCertificateInfo } from '../../src-shared/central/central-tls';

const selfSigned = (certificate: X509Certificate) =>
  certificate.checkIssued(certificate) && certificate.verify(certificate.publicKey);

/**
 * A TLS certificate as an admin compares it: who it names, who issued it, when it holds, its
 * SHA-256 fingerprint. The same description on both sides: Central's console shows it, the
 * station shows what it is about to pin.
 */
export function describeCertificate(certificate: X509Certificate): TlsCertificateInfo {
  return {
    subject: certificate.subject.replace(/\n/g, ', '),
    issuer: certificate.issuer.replace(/\n/g, ', '),
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
    fingerprint256: certificate.fingerprint256,
    ca: certificate.ca,
    selfSigned: selfSigned(certificate),
  };
}

/** The certificates of a PEM file (a server's chain: its own first, then the CAs that issued it). */
export function certificatesOfPem(pem: string): X509Certificate[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)].map(
    ([block]) => new X509Certificate(block),
  );
}
