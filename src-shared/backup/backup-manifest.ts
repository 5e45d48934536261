import { z } from 'zod';

/**
 * A backup of a station, as the renderer and main agree on it. A snapshot is the station
 * at one moment: main's documents and capture runs (which main writes itself) and every
 * IndexedDB table, read in one transaction. Rows travel in chunks of JSON, their Blobs as
 * separate pieces; every piece is named by the SHA-256 of its bytes, so a piece the backup
 * folder already holds is never sent again (the backup is incremental by construction).
 */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

/** Where a Blob stood in a row: the row holds this in its place inside a chunk. */
export const blobRefSchema = z.object({
  $blob: z.object({ sha256: sha256Schema, type: z.string().max(200), size: z.number().int().nonnegative() }),
});
export type BlobRef = z.infer<typeof blobRefSchema>;

export const pieceSchema = z.object({ sha256: sha256Schema, bytes: z.number().int().nonnegative() });
export type Piece = z.infer<typeof pieceSchema>;

/** One IndexedDB table: its chunks in order, and how many rows they hold. */
export const tableSnapshotSchema = z.object({
  rows: z.number().int().nonnegative(),
  chunks: z.array(pieceSchema),
});
export type TableSnapshot = z.infer<typeof tableSnapshotSchema>;

export const BACKUP_REASONS = ['manual', 'schedule', 'signing'] as const;
export const backupReasonSchema = z.enum(BACKUP_REASONS);
export type BackupReason = z.infer<typeof backupReasonSchema>;

/** What the renderer hands main to close a snapshot. */
export const databaseSnapshotSchema = z.object({
  /** The IndexedDB schema version the rows were read in (a newer app upgrades them on restore). */
  schemaVersion: z.number().int().positive(),
  tables: z.record(z.string().regex(/^[a-zA-Z]{1,40}$/), tableSnapshotSchema),
  /** Every Blob the rows refer to, each once. */
  blobs: z.array(pieceSchema).max(5_000_000),
  /** For the admin's list: records and pages in this snapshot. */
  counts: z.object({ records: z.number().int().nonnegative(), pages: z.number().int().nonnegative() }),
});
export type DatabaseSnapshot = z.infer<typeof databaseSnapshotSchema>;

/** A snapshot as stored (encrypted) in the backup folder. */
export const snapshotManifestSchema = z.object({
  format: z.literal(1),
  id: z.string().min(1).max(80),
  createdAt: z.number().int(),
  reason: backupReasonSchema,
  appVersion: z.string(),
  stationNumber: z.string(),
  /** Main's documents (accounts, settings, keys, enrolment, audit head), one JSON piece. */
  main: pieceSchema,
  /** Capture runs not yet stored in IndexedDB: files by their path under `capture/runs`. */
  captureRuns: z.array(pieceSchema.extend({ path: z.string().min(1).max(500) })),
  database: databaseSnapshotSchema,
  /** Bytes of all pieces, and of those this snapshot was the first to write. */
  totalBytes: z.number().int().nonnegative(),
  newBytes: z.number().int().nonnegative(),
});
export type SnapshotManifest = z.infer<typeof snapshotManifestSchema>;

/** One snapshot in a backup folder, as lists show it. */
export const snapshotSummarySchema = snapshotManifestSchema
  .pick({
    id: true,
    createdAt: true,
    reason: true,
    appVersion: true,
    stationNumber: true,
    totalBytes: true,
    newBytes: true,
  })
  .extend({ records: z.number().int(), pages: z.number().int() });
export type SnapshotSummary = z.infer<typeof snapshotSummarySchema>;

export const summaryOf = (manifest: SnapshotManifest): SnapshotSummary => ({
  id: manifest.id,
  createdAt: manifest.createdAt,
  reason: manifest.reason,
  appVersion: manifest.appVersion,
  stationNumber: manifest.stationNumber,
  totalBytes: manifest.totalBytes,
  newBytes: manifest.newBytes,
  records: manifest.database.counts.records,
  pages: manifest.database.counts.pages,
});

/** The backup's state, for the settings screen and `sohoa backup status`. */
export const backupStatusSchema = z.object({
  passphraseSet: z.boolean(),
  folder: z.string(),
  last: z
    .object({
      at: z.number().int(),
      ok: z.boolean(),
      reason: backupReasonSchema,
      snapshot: snapshotSummarySchema.optional(),
      /** Why it failed (an error code the screen translates), when it did. */
      error: z
        .object({
          code: z.string(),
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
          detail: z.string().optional(),
        })
        .optional(),
      ms: z.number().nonnegative().optional(),
    })
    .nullable(),
  lastSuccessAt: z.number().int().nullable(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

/** A restore staged by main, waiting for the renderer to load its tables. */
export const pendingRestoreSchema = z.object({
  snapshot: snapshotSummarySchema,
  schemaVersion: z.number().int().positive(),
  tables: z.record(z.string(), tableSnapshotSchema),
});
export type PendingRestore = z.infer<typeof pendingRestoreSchema>;
