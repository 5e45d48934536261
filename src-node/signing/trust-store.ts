import { readdir, readFile, stat } from 'node:fs/promises';
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

/** The certificate files in the folders, in order; a folder that cannot be read holds none. */
async function certificateFiles(dirs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.sort())
      if (CERTIFICATE_FILES.has(extname(name).toLowerCase())) files.push(join(dir, name));
  }
  return files;
}

/**
 * The trust anchors: the certificates in the given folders (the shipped `assets/trust` and
 * the admin's own). A file that is not a certificate is skipped, never fatal: one bad file
 * must not make every signature look untrusted.
 */
export async function loadTrustStore(dirs: readonly string[]): Promise<Certificate[]> {
  const anchors: Certificate[] = [];
  for (const path of await certificateFiles(dirs)) {
    const file = await readFile(path).catch(() => null);
    for (const der of file ? certificatesIn(file) : []) {
      try {
        anchors.push(readCertificate(der));
      } catch {
        // not a certificate: skipped
      }
    }
  }
  return anchors;
}

/** What the folders hold, by name, size and time of change: a file added, removed or replaced shows. */
async function folderState(dirs: readonly string[]): Promise<string> {
  const parts: string[] = [];
  for (const path of await certificateFiles(dirs)) {
    const info = await stat(path).catch(() => null);
    if (info) parts.push(`${path}:${info.size}:${info.mtimeMs}`);
  }
  return parts.join('\n');
}

/**
 * The trust store as loadTrustStore reads it, parsed again only when a certificate file in the
 * folders changed: Central checks every upload against it (reading and parsing every file for
 * each upload cost about 0.9 ms of a small record's 5; a look at the folders costs 0.3).
 */
export function cachedTrustStore(dirs: readonly string[]): () => Promise<Certificate[]> {
  let cached: { state: string; anchors: Promise<Certificate[]> } | undefined;
  return async () => {
    const state = await folderState(dirs);
    if (cached?.state !== state) cached = { state, anchors: loadTrustStore(dirs) };
    return cached.anchors;
  };
}
