import { z } from 'zod';
import { receiptSchema, uploadBeginSchema } from '../central/central-api';

/**
 * Sneakernet (issue 18): approved records carried to SoHoa Central on removable media by an
 * office with no link at all. A bundle is a folder:
 *
 *   manifest.json   what it holds (each record as an upload announces it), its station
 *   manifest.p7s    a detached CMS signature over manifest.json by the station's signing device
 *   files/<sha256>.pdf   each record's signed file, named by its SHA-256
 *   receipts.json   written by Central when it imports the bundle, read back by the station
 *
 * Central checks the bundle as a whole before it stores anything (signature, every file's
 * size and SHA-256), then each record as an upload; a record stored twice is stored once.
 */
export const BUNDLE_MANIFEST = 'manifest.json';
export const BUNDLE_SIGNATURE = 'manifest.p7s';
export const BUNDLE_RECEIPTS = 'receipts.json';
export const BUNDLE_PREFIX = 'SoHoa-transfer-';
export const bundleFile = (sha256: string) => `files/${sha256}.pdf`;

export const bundleManifestSchema = z
  .object({
    format: z.literal(1),
    bundleId: z.uuid(),
    /** The station as Central enrolled it: whose records these are. */
    stationId: z.uuid(),
    stationNumber: z.string().max(16),
    createdAt: z.number().int(),
    records: z.array(uploadBeginSchema).min(1).max(100_000),
  })
  .strict();
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

export const bundleReceiptsSchema = z
  .object({
    format: z.literal(1),
    bundleId: z.uuid(),
    stationId: z.uuid(),
    importedAt: z.iso.datetime(),
    receipts: z.array(receiptSchema),
    /** Records Central would not store (a conflict, a file that fails its checks), with why. */
    refused: z.array(z.object({ code: z.string(), error: z.string(), message: z.string() })),
  })
  .strict();
export type BundleReceipts = z.infer<typeof bundleReceiptsSchema>;
