import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Receipt } from '../../src-shared/central/central-api';
import { AppError } from '../../src-shared/errors/app-error';
import {
  BUNDLE_MANIFEST,
  BUNDLE_PREFIX,
  BUNDLE_RECEIPTS,
  BUNDLE_SIGNATURE,
  bundleFile,
  bundleReceiptsSchema,
  type BundleManifest,
} from '../../src-shared/transfer/transfer-bundle';
import { folderError, folderMissing } from '../backup/backup-set';
import type { Clock } from '../platform/clock';
import type { ApprovedRecord } from '../sync/sync-service';

interface Bundle {
  id: string;
  path: string;
  open: Map<string, { handle: FileHandle; received: number; hash: ReturnType<typeof createHash> }>;
}

/** yyyymmddThhmmss: bundles sort by when they were made. */
const stamp = (at: number) =>
  new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, '');

/**
 * The station's side of sneakernet: a bundle of approved records written to removable media,
 * its manifest signed by the signing device (the token a supervisor unlocked), only records
 * main attested as approved; and Central's receipts read back, each checked as Central's own
 * for this station before the renderer marks anything synced.
 */
export function createTransferService(deps: {
  clock: Clock;
  stationNumber: () => string;
  stationId: () => string;
  approved: (record: ApprovedRecord) => Omit<ApprovedRecord, 'approval'>;
  signStatement: (statement: string) => Promise<string>;
  receiptValid: (receipt: Receipt) => boolean;
}) {
  const bundles = new Map<string, Bundle>();
  const bundleOf = (id: string) => {
    const bundle = bundles.get(id);
    if (!bundle) throw new AppError('transfer.unknownBundle');
    return bundle;
  };

  return {
    async begin(folder: string): Promise<{ bundleId: string; path: string }> {
      deps.stationId();
      const id = randomUUID();
      const path = join(folder, `${BUNDLE_PREFIX}${deps.stationNumber()}-${stamp(deps.clock())}`);
      try {
        if (!existsSync(folder)) throw folderMissing(folder);
        await mkdir(join(path, 'files'), { recursive: true });
      } catch (error) {
        throw folderError(error, folder);
      }
      bundles.set(id, { id, path, open: new Map() });
      return { bundleId: id, path };
    },

    async file(bundleId: string, sha256: string, offset: number, data: Buffer, last: boolean): Promise<void> {
      const bundle = bundleOf(bundleId);
      const target = join(bundle.path, bundleFile(sha256));
      try {
        if (offset === 0) {
          await bundle.open.get(sha256)?.handle.close();
          bundle.open.set(sha256, {
            handle: await open(`${target}.part`, 'w'),
            received: 0,
            hash: createHash('sha256'),
          });
        }
        const file = bundle.open.get(sha256);
        if (!file || file.received !== offset) {
          throw new AppError('transfer.fileMismatch', { detail: `${sha256} at ${offset}: out of order` });
        }
        await file.handle.write(data);
        file.hash.update(data);
        file.received += data.length;
        if (!last) return;
        bundle.open.delete(sha256);
        await file.handle.sync();
        await file.handle.close();
        if (file.hash.digest('hex') !== sha256) {
          await rm(`${target}.part`, { force: true });
          throw new AppError('transfer.fileMismatch', { detail: `${sha256}: the bytes hash otherwise` });
        }
        await rename(`${target}.part`, target);
      } catch (error) {
        throw folderError(error, bundle.path);
      }
    },

    /** The manifest of exactly these records, signed; the bundle is complete once it is written. */
    async finish(
      bundleId: string,
      records: ApprovedRecord[],
    ): Promise<{ path: string; records: number; bytes: number }> {
      const bundle = bundleOf(bundleId);
      const announced = records.map((record) => deps.approved(record));
      for (const record of announced) {
        const size = await stat(join(bundle.path, bundleFile(record.sha256))).then(
          (info) => info.size,
          () => -1,
        );
        if (size !== record.bytes) {
          throw new AppError('transfer.fileMismatch', {
            detail: `${record.code}: its file is not in the bundle`,
          });
        }
      }
      const manifest: BundleManifest = {
        format: 1,
        bundleId,
        stationId: deps.stationId(),
        stationNumber: deps.stationNumber(),
        createdAt: deps.clock(),
        records: announced,
      };
      const text = JSON.stringify(manifest, null, 2);
      const signature = await deps.signStatement(text);
      try {
        await writeFile(join(bundle.path, BUNDLE_SIGNATURE), `${signature}\n`);
        // The manifest last: a bundle without one is visibly unfinished.
        await writeFile(join(bundle.path, `${BUNDLE_MANIFEST}.part`), text);
        await rename(join(bundle.path, `${BUNDLE_MANIFEST}.part`), join(bundle.path, BUNDLE_MANIFEST));
      } catch (error) {
        throw folderError(error, bundle.path);
      }
      bundles.delete(bundleId);
      return {
        path: bundle.path,
        records: announced.length,
        bytes: announced.reduce((sum, record) => sum + record.bytes, 0),
      };
    },

    /** Central's receipts from a bundle folder (or its receipts.json): only those Central signed for this station. */
    async receipts(path: string) {
      const file = path.endsWith('.json') ? path : join(path, BUNDLE_RECEIPTS);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          throw new AppError('transfer.noReceipts', { params: { path } });
        throw folderError(error, path);
      }
      const parsed = (() => {
        try {
          return bundleReceiptsSchema.safeParse(JSON.parse(text));
        } catch {
          return null;
        }
      })();
      if (!parsed?.success)
        throw new AppError('transfer.receiptsInvalid', { detail: parsed?.error.message ?? 'not JSON' });
      if (parsed.data.stationId !== deps.stationId()) throw new AppError('transfer.otherStation');
      const receipts = parsed.data.receipts.filter((receipt) => deps.receiptValid(receipt));
      return {
        bundleId: parsed.data.bundleId,
        receipts,
        invalid: parsed.data.receipts.length - receipts.length,
        refused: parsed.data.refused,
      };
    },
  };
}

export type TransferService = ReturnType<typeof createTransferService>;
