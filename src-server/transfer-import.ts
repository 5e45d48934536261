import { createHash } from 'node:crypto';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Receipt } from '../src-shared/central/central-api';
import {
  BUNDLE_MANIFEST,
  BUNDLE_RECEIPTS,
  BUNDLE_SIGNATURE,
  bundleFile,
  bundleManifestSchema,
  type BundleReceipts,
} from '../src-shared/transfer/transfer-bundle';
import type { Certificate } from '../src-node/signing/certificate';
import { checkDetachedSignature } from '../src-node/signing/detached-signature';
import type { Database } from './db/database';
import { CentralError } from './http/central-error';
import type { Journal } from './journal';
import type { RecordUploads } from './records/record-uploads';

/**
 * Imports a transfer bundle (src-shared/transfer) carried from a station with no network.
 * The bundle is checked as a whole first: its manifest signed by a device Central trusts,
 * its station enrolled and not revoked, every file the size and SHA-256 the manifest says.
 * One altered byte refuses it all, before anything is stored. Then each record goes the way
 * an upload goes (the same checks, the same receipt for the same record), and receipts.json
 * is written into the bundle for the station to read back. Imported twice, stored once.
 */
export function createTransferImport(deps: {
  db: Database;
  uploads: RecordUploads;
  journal: Journal;
  trust: () => Promise<readonly Certificate[]>;
  clock: () => Date;
  maxChunkBytes: number;
}) {
  const read = async (folder: string, name: string) => {
    try {
      return await readFile(join(folder, name));
    } catch {
      throw new CentralError('invalidRequest', `${folder} is not a transfer bundle (no ${name})`);
    }
  };

  return async function importTransfer(folder: string): Promise<BundleReceipts> {
    const manifestBytes = await read(folder, BUNDLE_MANIFEST);
    const signature = await read(folder, BUNDLE_SIGNATURE);
    let parsed: unknown;
    try {
      parsed = JSON.parse(manifestBytes.toString('utf8'));
    } catch {
      throw new CentralError('invalidRequest', 'the bundle manifest is not JSON');
    }
    const manifest = bundleManifestSchema.safeParse(parsed);
    if (!manifest.success)
      throw new CentralError('invalidRequest', 'the bundle manifest is malformed', manifest.error.issues);
    const { bundleId, stationId, records, createdAt } = manifest.data;
    const check = checkDetachedSignature(
      Buffer.from(signature.toString('utf8').trim(), 'base64'),
      manifestBytes,
      await deps.trust(),
      new Date(createdAt),
    );
    if (!check.valid) {
      throw new CentralError(
        'invalidSignature',
        'the bundle is altered or not signed by a device Central trusts',
        {
          problem: check.problem,
        },
      );
    }
    const [station] = await deps.db.query<{ revoked_at: Date | null }>(
      'SELECT revoked_at FROM stations WHERE id = $1',
      [stationId],
    );
    if (!station)
      throw new CentralError('forbidden', `the bundle's station ${stationId} is not enrolled here`);
    if (station.revoked_at) throw new CentralError('stationRevoked', `station ${stationId} is revoked`);
    const files = new Map<string, Buffer>();
    for (const record of records) {
      const path = join(folder, bundleFile(record.sha256));
      const size = await stat(path).then(
        (info) => info.size,
        () => -1,
      );
      const file = size === record.bytes ? await readFile(path) : null;
      if (!file || createHash('sha256').update(file).digest('hex') !== record.sha256) {
        throw new CentralError('hashMismatch', `the bundle's file for ${record.code} is missing or altered`, {
          code: record.code,
        });
      }
      files.set(record.sha256, file);
    }

    const receipts: Receipt[] = [];
    const refused: BundleReceipts['refused'] = [];
    for (const record of records) {
      try {
        const state = await deps.uploads.begin(stationId, record);
        if (state.state === 'stored') {
          receipts.push(state.receipt);
          continue;
        }
        const file = files.get(record.sha256)!;
        for (let offset = state.received; offset < file.length; offset += deps.maxChunkBytes) {
          await deps.uploads.chunk(
            stationId,
            state.uploadId,
            offset,
            file.subarray(offset, offset + deps.maxChunkBytes),
          );
        }
        receipts.push(await deps.uploads.complete(stationId, state.uploadId));
      } catch (error) {
        if (!(error instanceof CentralError)) throw error;
        refused.push({ code: record.code, error: error.code, message: error.message });
      }
    }
    const result: BundleReceipts = {
      format: 1,
      bundleId,
      stationId,
      importedAt: deps.clock().toISOString(),
      receipts,
      refused,
    };
    await deps.journal.append(deps.db, {
      actor: 'admin',
      action: 'transfer.imported',
      subject: stationId,
      detail: {
        bundleId,
        records: records.length,
        stored: receipts.length,
        refused: refused.length,
        signer: check.signer,
      },
    });
    const target = join(folder, BUNDLE_RECEIPTS);
    await writeFile(`${target}.part`, JSON.stringify(result, null, 2));
    await rename(`${target}.part`, target);
    return result;
  };
}

export type TransferImport = ReturnType<typeof createTransferImport>;
