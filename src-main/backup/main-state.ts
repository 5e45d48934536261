import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../src-shared/errors/app-error';
import { OWNER_ONLY_FILE } from '../../src-node/platform/owner-only';
import type { SecretBox } from '../services/secrets/secret-box';

/**
 * What main holds that a restored station needs: its JSON documents (accounts, settings,
 * catalogue, profiles, the attestation key, Central's enrolment, the audit head) and the
 * capture runs whose pages IndexedDB has not confirmed yet. Sealed values are opened for
 * the backup (which is encrypted itself) and sealed again by the restoring PC's own box:
 * the old PC's keychain is gone with it.
 */
export const MAIN_DOCUMENTS = [
  'settings',
  'accounts',
  'capture-profiles',
  'procedures',
  'station-keys',
  'central',
  'audit-head',
] as const;

/** Fields each document keeps sealed in the secret box (see the attestor and the sync service). */
const SEALED_FIELDS: Partial<Record<(typeof MAIN_DOCUMENTS)[number], readonly string[]>> = {
  'station-keys': ['attestationKey'],
  central: ['secret'],
};

export const CAPTURE_RUNS_FOLDER = join('capture', 'runs');

export const mainDocumentsSchema = z.object({
  format: z.literal(1),
  documents: z.record(z.string(), z.record(z.string(), z.unknown())),
});
export type MainDocuments = z.infer<typeof mainDocumentsSchema>;

const documentPath = (dataDir: string, name: string) => join(dataDir, `${name}.json`);

function mapSealed(
  name: string,
  document: Record<string, unknown>,
  change: (value: string) => string,
): Record<string, unknown> {
  const fields = SEALED_FIELDS[name as keyof typeof SEALED_FIELDS] ?? [];
  const copy = { ...document };
  for (const field of fields) {
    if (typeof copy[field] === 'string') copy[field] = change(copy[field]);
  }
  return copy;
}

export async function exportMainDocuments(dataDir: string, secrets: SecretBox): Promise<MainDocuments> {
  const documents: MainDocuments['documents'] = {};
  for (const name of MAIN_DOCUMENTS) {
    const path = documentPath(dataDir, name);
    if (!existsSync(path)) continue;
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    documents[name] = mapSealed(name, parsed, (sealed) => secrets.open(sealed));
  }
  return { format: 1, documents };
}

/** Writes the documents back, each sealed field sealed by this PC's box; every file replaced whole. */
export async function importMainDocuments(dataDir: string, secrets: SecretBox, state: MainDocuments) {
  // Seal everything before the first write, so a box that fails leaves the station as it was.
  const files = Object.entries(state.documents)
    .filter(([name]) => (MAIN_DOCUMENTS as readonly string[]).includes(name))
    .map(([name, document]) => ({
      path: documentPath(dataDir, name),
      text: JSON.stringify(
        mapSealed(name, document, (plain) => secrets.seal(plain)),
        null,
        '\t',
      ),
    }));
  for (const file of files) {
    await writeFile(`${file.path}.restore`, file.text, { mode: OWNER_ONLY_FILE });
  }
  for (const file of files) await rename(`${file.path}.restore`, file.path);
}

export interface RunFile {
  /** Relative to the runs folder, with forward slashes (a backup from Windows restores on Linux). */
  path: string;
  bytes: Buffer;
  sha256: string;
}

/** The runs folder's files, read whole (they are pages waiting seconds for IndexedDB, not archives). */
export async function readCaptureRuns(dataDir: string): Promise<RunFile[]> {
  const root = join(dataDir, CAPTURE_RUNS_FOLDER);
  const files: RunFile[] = [];
  const walk = async (folder: string) => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && !entry.name.endsWith('.tmp')) {
        // A run's item may be confirmed and deleted while we walk: then it is in IndexedDB.
        const bytes = await readFile(path).catch(() => null);
        if (!bytes) continue;
        files.push({
          path: relative(root, path).split(sep).join('/'),
          bytes,
          sha256: createHash('sha256').update(bytes).digest('hex'),
        });
      }
    }
  };
  await walk(root);
  return files;
}

export async function writeCaptureRunFile(dataDir: string, path: string, bytes: Buffer): Promise<void> {
  const root = join(dataDir, CAPTURE_RUNS_FOLDER);
  const target = join(root, ...path.split('/'));
  if (relative(root, target).startsWith('..')) {
    throw new AppError('backup.damaged', { detail: `capture run path leaves its folder: ${path}` });
  }
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, bytes, { mode: OWNER_ONLY_FILE });
}
