import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';

/**
 * A small certification authority for tests, made with node-forge the way a CA makes them:
 * a root, and signing certificates for an agency (valid, expired, or without the signing
 * key usage), each as PEM, DER and a PKCS#12 file.
 */
export interface TestIdentity {
  name: string;
  keyPem: string;
  certificatePem: string;
  certificateDer: Buffer;
  p12Path: string;
  /** PKCS#8 private key file, as softhsm2-util imports it. */
  keyPath: string;
}

export const P12_PASSWORD = 'MatKhau@2026';
const DAY = 24 * 3600 * 1000;

const newKey = () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
};

const der = (certificate: forge.pki.Certificate) =>
  Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary');

interface CertificateSpec {
  commonName: string;
  organization: string;
  notBefore: Date;
  notAfter: Date;
  serial: string;
  ca: boolean;
  keyUsage: Record<string, boolean>;
  /** Extended key usage, e.g. timeStamping for a TSA (critical, as RFC 3161 requires). */
  extendedKeyUsage?: Record<string, boolean>;
  /** Names a TLS server certificate is valid for: DNS names and IP addresses. */
  altNames?: { dns?: string[]; ip?: string[] };
}

function certificate(
  spec: CertificateSpec,
  key: forge.pki.rsa.PrivateKey,
  issuer?: { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey },
) {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = spec.serial;
  cert.validity.notBefore = spec.notBefore;
  cert.validity.notAfter = spec.notAfter;
  const subject = [
    { shortName: 'C', value: 'VN' },
    { shortName: 'O', value: spec.organization, valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: 'CN', value: spec.commonName, valueTagClass: forge.asn1.Type.UTF8 },
  ] as forge.pki.CertificateField[];
  cert.setSubject(subject);
  cert.setIssuer(issuer ? issuer.cert.subject.attributes : subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: spec.ca, critical: true },
    { name: 'keyUsage', critical: true, ...spec.keyUsage },
    { name: 'subjectKeyIdentifier' },
    ...(spec.extendedKeyUsage ? [{ name: 'extKeyUsage', critical: true, ...spec.extendedKeyUsage }] : []),
    ...(spec.altNames
      ? [
          {
            name: 'subjectAltName',
            altNames: [
              ...(spec.altNames.dns ?? []).map((value) => ({ type: 2, value })),
              ...(spec.altNames.ip ?? []).map((ip) => ({ type: 7, ip })),
            ],
          },
        ]
      : []),
  ]);
  cert.sign(issuer?.key ?? key, forge.md.sha256.create());
  return cert;
}

export function createTestPki(dir: string) {
  mkdirSync(join(dir, 'trust'), { recursive: true });
  const now = Date.now();
  const rootKey = newKey();
  const root = certificate(
    {
      commonName: 'CA thử nghiệm SoHoa',
      organization: 'Ban Cơ yếu Chính phủ (thử nghiệm)',
      notBefore: new Date(now - 365 * DAY),
      notAfter: new Date(now + 10 * 365 * DAY),
      serial: '01',
      ca: true,
      keyUsage: { keyCertSign: true, cRLSign: true },
    },
    rootKey,
  );
  const rootDer = der(root);
  writeFileSync(join(dir, 'trust', 'ca-thu-nghiem.cer'), rootDer);

  let serial = 16;
  const issue = (
    name: string,
    options: {
      expired?: boolean;
      keyUsage?: Record<string, boolean>;
      extendedKeyUsage?: Record<string, boolean>;
      commonName?: string;
    } = {},
  ): TestIdentity => {
    const key = newKey();
    const cert = certificate(
      {
        commonName: options.commonName ?? 'Sở Lao động - Thương binh và Xã hội tỉnh Đồng Tháp',
        organization: 'UBND tỉnh Đồng Tháp',
        notBefore: new Date(now - (options.expired ? 800 : 30) * DAY),
        notAfter: new Date(now + (options.expired ? -30 : 700) * DAY),
        serial: (serial++).toString(16).padStart(2, '0'),
        ca: false,
        keyUsage: options.keyUsage ?? { digitalSignature: true, nonRepudiation: true },
        ...(options.extendedKeyUsage ? { extendedKeyUsage: options.extendedKeyUsage } : {}),
      },
      key,
      { cert: root, key: rootKey },
    );
    const keyPem = forge.pki.privateKeyInfoToPem(
      forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key)),
    );
    const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert, root], P12_PASSWORD, { algorithm: '3des' });
    const p12Path = join(dir, `${name}.p12`);
    writeFileSync(p12Path, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
    const keyPath = join(dir, `${name}.key.pem`);
    writeFileSync(keyPath, keyPem);
    writeFileSync(join(dir, `${name}.cert.pem`), forge.pki.certificateToPem(cert));
    return {
      name,
      keyPem,
      certificatePem: forge.pki.certificateToPem(cert),
      certificateDer: der(cert),
      p12Path,
      keyPath,
    };
  };

  writeFileSync(join(dir, 'root.cert.pem'), forge.pki.certificateToPem(root));
  return {
    dir,
    trustDir: join(dir, 'trust'),
    rootDer,
    agency: issue('agency'),
    expired: issue('expired', { expired: true }),
    notForSigning: issue('encipher-only', { keyUsage: { keyEncipherment: true, dataEncipherment: true } }),
    /** Same names as the agency's, issued by nobody the trust store knows. */
    issue,
  };
}
export type TestPki = ReturnType<typeof createTestPki>;

/**
 * A province's own TLS: a CA that neither Node nor the OS knows, and a server certificate it
 * issued for this computer (localhost, 127.0.0.1), written as Central takes them: the chain
 * (server certificate, then the CA) and the key, PEM.
 */
export function createTlsPki(dir: string, name = 'central') {
  mkdirSync(dir, { recursive: true });
  const now = Date.now();
  const caKey = newKey();
  const ca = certificate(
    {
      commonName: `CA tỉnh thử nghiệm (${name})`,
      organization: 'UBND tỉnh Đồng Tháp (thử nghiệm)',
      notBefore: new Date(now - 30 * DAY),
      notAfter: new Date(now + 3650 * DAY),
      serial: '01',
      ca: true,
      keyUsage: { keyCertSign: true, cRLSign: true },
    },
    caKey,
  );
  const serverKey = newKey();
  const server = certificate(
    {
      commonName: 'localhost',
      organization: 'SoHoa Central (thử nghiệm)',
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 365 * DAY),
      serial: '02',
      ca: false,
      keyUsage: { digitalSignature: true, keyEncipherment: true },
      extendedKeyUsage: { serverAuth: true },
      altNames: { dns: ['localhost'], ip: ['127.0.0.1'] },
    },
    serverKey,
    { cert: ca, key: caKey },
  );
  const caPem = forge.pki.certificateToPem(ca);
  const serverPem = forge.pki.certificateToPem(server);
  const certPath = join(dir, `${name}.chain.pem`);
  const keyPath = join(dir, `${name}.key.pem`);
  writeFileSync(certPath, serverPem + caPem);
  writeFileSync(keyPath, forge.pki.privateKeyToPem(serverKey));
  return {
    caPem,
    serverPem,
    certPath,
    keyPath,
    chainPem: serverPem + caPem,
    keyPem: forge.pki.privateKeyToPem(serverKey),
  };
}
