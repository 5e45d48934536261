import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { readCertificate, type Certificate } from './certificate';

const CERTIFICATE_FILES = new Set(['.pem', '.crt', '.cer', '.der']);

/** Every certificate in a PEM file (one or many), or the one DER certificate of a binary file. */
function certificatesIn(file: Buffer): Buffer[] {
  const text = file.toString('latin1');
  const pems = [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  if (pems.length > 0) return pems.map((match) => Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64'));
  return [file];
}

/**
 * The trust anchors: the certificates in the given folders (the shipped `assets/trust` and
 * the admin's own). A file that is not a certificate is skipped, never fatal: one bad file
 * must not make every signature look untrusted.
 */
export async function loadTrustStore(dirs: readonly string[]): Promise<Certificate[]> {
  const anchors: Certificate[] = [];
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.sort()) {
      if (!CERTIFICATE_FILES.has(extname(name).toLowerCase())) continue;
      const file = await readFile(join(dir, name)).catch(() => null);
      if (!file) continue;
      for (const der of certificatesIn(file)) {
        try {
          anchors.push(readCertificate(der));
        } catch {
          // not a certificate: skipped
        }
      }
    }
  }
  return anchors;
}
