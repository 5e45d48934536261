import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import forge from 'node-forge';
import { AppError } from '../../src-shared/errors/app-error';
import { fromBinary, toBinary } from '../../src-node/signing/asn1';
import { readCertificate, type Certificate } from '../../src-node/signing/certificate';
import type { Signer } from './signer';

const spki = (key: KeyObject) => key.export({ type: 'spki', format: 'der' });

interface Bags {
  keys: KeyObject[];
  certificates: Certificate[];
}

function readBags(file: Buffer, password: string): Bags {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(toBinary(file)), password);
  } catch (error) {
    const message = String(error);
    // forge says "MAC could not be verified" or "wrong password" when the password is wrong.
    if (/password|MAC/i.test(message)) throw new AppError('signing.wrongPassword', { detail: message });
    throw new AppError('signing.fileUnreadable', { detail: message });
  }
  const bags = (type: string) => p12.getBags({ bagType: type })[type] ?? [];
  const keys = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag!), ...bags(forge.pki.oids.keyBag!)].map((bag) => {
    const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
    return createPrivateKey({
      key: fromBinary(forge.asn1.toDer(info).getBytes()),
      format: 'der',
      type: 'pkcs8',
    });
  });
  const certificates = bags(forge.pki.oids.certBag!).map((bag) =>
    readCertificate(
      fromBinary(forge.asn1.toDer(bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1!).getBytes()),
    ),
  );
  return { keys, certificates };
}

/** The fallback signer: a PKCS#12 (.p12/.pfx) file and its password. The key stays in memory in main only. */
export async function openPkcs12Signer(path: string, password: string): Promise<Signer> {
  let file: Buffer;
  try {
    file = await readFile(path);
  } catch (error) {
    throw new AppError('signing.fileUnreadable', { params: { path }, detail: String(error) });
  }
  const { keys, certificates } = readBags(file, password);
  for (const key of keys) {
    const certificate = certificates.find((each) =>
      spki(each.x509.publicKey).equals(spki(createPublicKey(key))),
    );
    if (!certificate) continue;
    if (key.asymmetricKeyType !== 'rsa') {
      throw new AppError('signing.unsupportedKey', { detail: String(key.asymmetricKeyType) });
    }
    return {
      kind: 'pkcs12',
      certificate,
      chain: certificates.filter((each) => each !== certificate),
      sign: async (data) => sign('sha256', data, key),
      close: async () => {},
    };
  }
  throw new AppError('signing.noKey');
}
