import { z } from 'zod';
import { bytesSchema } from '../encoding/bytes';
import {
  listProblemSchema,
  MAX_LIST_ROWS,
  preparedFieldsSchema,
  preparedRecordSchema,
} from '../capture/prepared-record';
import { COVER_REFERENCE_PATTERN } from '../capture/sheet-code';
import {
  accountSummarySchema,
  displayNameSchema,
  passwordSchema,
  sessionInfoSchema,
  usernameSchema,
} from '../domain/account';
import { captureProfileSchema } from '../capture/capture-profile';
import { captureRunSummarySchema, captureStepSchema } from '../capture/capture-run';
import { appErrorDataSchema } from '../errors/app-error';
import { deviceCapabilitiesSchema, deviceInfoSchema, scanOptionsSchema } from '../capture/scan-options';
import { procedureSchema } from '../domain/procedure-catalogue';
import { roleSchema } from '../domain/roles';
import { ocrLayoutSchema, ocrPageSchema } from '../ocr/ocr-page';
import { recordDocumentMetaSchema } from '../domain/record-document';
import { documentVerificationSchema, signingStatusSchema, tokenSummarySchema } from '../domain/signing';
import { settingsPatchSchema, stationSettingsSchema } from '../domain/settings';
import { recordedRevocationSchema, revocationSchema } from '../domain/revocation';
import { rejectReasonSchema, reviewItemSchema } from '../review/review-decision';
import { inventoryCountSchema } from '../stats/inventory';
import { progressReportDataSchema } from '../stats/report';
import {
  auditHeadSchema,
  auditUploadSchema,
  centralProgressSchema,
  completedSchema,
  inventoryReceivedSchema,
  inventoryUploadSchema,
  lookupQuerySchema,
  lookupResultSchema,
  revocationResultSchema,
  statsQuerySchema,
  statsSchema,
  receiptSchema,
  uploadBeginSchema,
  uploadReceivedSchema,
  uploadStateSchema,
} from '../central/central-api';

import {
  backupReasonSchema,
  backupStatusSchema,
  databaseSnapshotSchema,
  pendingRestoreSchema,
  sha256Schema,
  snapshotSummarySchema,
} from '../backup/backup-manifest';

const syncStatusSchema = z.object({
  centralUrl: z.string(),
  enrolled: z.boolean(),
  stationId: z.string().nullable(),
  enrolledAt: z.number().nullable(),
  /** SHA-256 of the certificate pinned at enrolment (HTTPS), as Central's console shows it. */
  tlsFingerprint: z.string().nullable(),
});
import { tlsProbeSchema } from '../central/central-tls';
import { channel } from './channel';
import { journalEntrySchema } from '../audit/journal-entry';

const empty = z.object({}).strict();
/** A backup folder and the recovery passphrase that opens it (list, verify, restore). */
const BACKUP_FOLDER = { folder: z.string().min(1).max(1000), passphrase: z.string().min(1).max(1000) };
const ok = z.object({ ok: z.literal(true) });
const rolesSchema = z.array(roleSchema).min(1).max(3);
/** Scanning is clerks' work; an admin may test a scanner. */
const CAPTURE_ROLES = ['clerk', 'admin'] as const;
/** Finalizing (building and signing a record's file) follows indexing: the clerk's work. */
const FINALIZE_ROLES = ['clerk', 'admin'] as const;
/** Imported files cross to main in chunks of at most this many bytes. */
export const IMPORT_CHUNK_BYTES = 2 * 1024 * 1024;
/** One such chunk (imports, verification uploads, sync uploads, backups, bundles). */
const chunkData = bytesSchema.refine((data) => data.length <= IMPORT_CHUNK_BYTES, 'chunk too large');
/** A page image for OCR or a record's file. */
const pageImage = bytesSchema.refine((image) => image.length > 0, 'empty image');

/**
 * The IPC contract: every channel between the renderer and main, declared once.
 * The preload bridge, the browser-harness client and the main handler registry are all
 * built from this table; a channel's name is `<area>.<action>`.
 */
export const contract = {
  'app.info': channel({
    access: 'public',
    request: empty,
    response: z.object({
      name: z.string(),
      version: z.string(),
      binding: z.enum(['electron', 'web-harness', 'cli']),
      dataDir: z.string(),
    }),
  }),

  'auth.status': channel({
    access: 'public',
    request: empty,
    response: z.object({ needsSetup: z.boolean(), session: sessionInfoSchema.nullable() }),
  }),
  'auth.setupAdmin': channel({
    access: 'public',
    userActivity: true,
    request: z
      .object({ username: usernameSchema, displayName: displayNameSchema, password: passwordSchema })
      .strict(),
    response: sessionInfoSchema,
  }),
  'auth.login': channel({
    access: 'public',
    userActivity: true,
    request: z
      .object({ username: z.string().trim().toLowerCase().min(1).max(64), password: passwordSchema })
      .strict(),
    response: sessionInfoSchema,
  }),
  'auth.logout': channel({ access: 'public', request: empty, response: ok }),
  'auth.activity': channel({ access: 'authenticated', userActivity: true, request: empty, response: ok }),
  'auth.changePassword': channel({
    access: 'authenticated',
    userActivity: true,
    request: z.object({ currentPassword: passwordSchema, newPassword: passwordSchema }).strict(),
    response: ok,
  }),

  'users.list': channel({
    access: ['admin'],
    request: empty,
    response: z.array(accountSummarySchema),
  }),
  'users.create': channel({
    access: ['admin'],
    userActivity: true,
    request: z
      .object({
        username: usernameSchema,
        displayName: displayNameSchema,
        roles: rolesSchema,
        password: passwordSchema,
      })
      .strict(),
    response: accountSummarySchema,
  }),
  'users.resetPassword': channel({
    access: ['admin'],
    userActivity: true,
    request: z.object({ userId: z.string().min(1), newPassword: passwordSchema }).strict(),
    response: accountSummarySchema,
  }),
  'users.update': channel({
    access: ['admin'],
    userActivity: true,
    request: z
      .object({
        userId: z.string().min(1),
        displayName: displayNameSchema.optional(),
        roles: rolesSchema.optional(),
        disabled: z.boolean().optional(),
      })
      .strict(),
    response: accountSummarySchema,
  }),

  'capture.devices': channel({ access: CAPTURE_ROLES, request: empty, response: z.array(deviceInfoSchema) }),
  'capture.capabilities': channel({
    access: CAPTURE_ROLES,
    request: z.object({ deviceId: z.string().min(1) }).strict(),
    response: deviceCapabilitiesSchema,
  }),
  'capture.start': channel({
    access: CAPTURE_ROLES,
    userActivity: true,
    request: scanOptionsSchema.strict(),
    response: z.object({ runId: z.string() }),
  }),
  'capture.next': channel({
    access: CAPTURE_ROLES,
    request: z.object({ runId: z.string(), confirmed: z.number().int().positive().nullable() }).strict(),
    response: captureStepSchema,
  }),
  'capture.cancel': channel({
    access: CAPTURE_ROLES,
    userActivity: true,
    request: z.object({ runId: z.string() }).strict(),
    response: ok,
  }),
  /** The runs this user may take items from: own scans and imports, and the hot folder's. */
  'capture.runs': channel({
    access: CAPTURE_ROLES,
    request: empty,
    response: z.array(captureRunSummarySchema),
  }),
  /** Uploads serve imports (clerks) and verification (anyone who reviews a file). */
  'capture.importBegin': channel({
    access: 'authenticated',
    userActivity: true,
    request: z
      .object({ name: z.string().trim().min(1).max(255), bytes: z.number().int().nonnegative() })
      .strict(),
    response: z.object({ uploadId: z.string() }),
  }),
  'capture.importChunk': channel({
    access: 'authenticated',
    request: z
      .object({
        uploadId: z.string(),
        offset: z.number().int().nonnegative(),
        data: chunkData,
      })
      .strict(),
    response: ok,
  }),
  'capture.importEnd': channel({
    access: CAPTURE_ROLES,
    request: z.object({ uploadId: z.string() }).strict(),
    response: z.object({ runId: z.string() }),
  }),
  'capture.hotFolderStatus': channel({
    access: CAPTURE_ROLES,
    request: empty,
    response: z.object({ folder: z.string(), watching: z.boolean(), error: appErrorDataSchema.nullable() }),
  }),

  /** Recognises one page image (indexing runs it in the background, page by page). */
  'ocr.page': channel({
    access: CAPTURE_ROLES,
    request: z.object({ image: pageImage }).strict(),
    response: ocrPageSchema,
  }),

  /** Finalize: the record's meta, then its pages, then build + sign, then read the signed file back. */
  'finalize.begin': channel({
    access: FINALIZE_ROLES,
    request: z
      .object({ meta: recordDocumentMetaSchema, pageCount: z.number().int().min(1).max(5000) })
      .strict(),
    response: z.object({ jobId: z.string() }),
  }),
  'finalize.page': channel({
    access: FINALIZE_ROLES,
    request: z
      .object({
        jobId: z.string(),
        index: z.number().int().nonnegative(),
        image: pageImage,
        mimeType: z.enum(['image/jpeg', 'image/png']),
        dpi: z.number().int().min(50).max(2400),
        rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
        ocr: ocrLayoutSchema.nullable(),
      })
      .strict(),
    response: ok,
  }),
  'finalize.end': channel({
    access: FINALIZE_ROLES,
    request: z.object({ jobId: z.string() }).strict(),
    response: z.object({
      bytes: z.number().int().positive(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      level: z.enum(['B-B', 'B-T']),
      signerName: z.string(),
      /** Main's word that this user signed this file: the review channel asks for it. */
      attestation: z.string(),
      warning: appErrorDataSchema.nullable(),
    }),
  }),
  'finalize.read': channel({
    access: FINALIZE_ROLES,
    request: z.object({ jobId: z.string(), offset: z.number().int().nonnegative() }).strict(),
    response: z.object({ data: bytesSchema, done: z.boolean() }),
  }),
  'finalize.discard': channel({
    access: FINALIZE_ROLES,
    request: z.object({ jobId: z.string() }).strict(),
    response: ok,
  }),

  'signing.status': channel({ access: 'authenticated', request: empty, response: signingStatusSchema }),
  /**
   * Opens the token with its PIN (or the PKCS#12 file with its password) for this session's
   * signing: records (clerks, admins) and revocations (supervisors sign those).
   */
  'signing.unlock': channel({
    access: ['clerk', 'supervisor', 'admin'],
    userActivity: true,
    request: z.object({ secret: z.string().min(1).max(256) }).strict(),
    response: signingStatusSchema,
  }),
  'signing.lock': channel({ access: 'authenticated', request: empty, response: ok }),
  'signing.tokens': channel({ access: ['admin'], request: empty, response: z.array(tokenSummarySchema) }),
  /** Verifies a PDF uploaded with capture.importBegin/importChunk (then discarded). */
  'signing.verify': channel({
    access: 'authenticated',
    request: z.object({ uploadId: z.string() }).strict(),
    response: documentVerificationSchema,
  }),

  /**
   * A supervisor's decision on records (all or none): approved ones may then be synced. Main
   * checks each record's file against the attestation finalize.end gave, and the four-eyes rule.
   */
  'review.decide': channel({
    access: ['supervisor'],
    userActivity: true,
    request: z
      .object({
        items: z.array(reviewItemSchema).min(1).max(500),
        decision: z.enum(['approve', 'reject']),
        reason: rejectReasonSchema.optional(),
      })
      .strict()
      .refine((request) => request.decision === 'approve' || request.reason, 'reason'),
    response: z.object({ decisions: z.array(z.string()) }),
  }),

  /**
   * A supervisor records that a result was revoked by its issuing agency: main attests it (who,
   * when, what), and the sync hands it on to SoHoa Central with that attestation only.
   */
  'review.revoke': channel({
    access: ['supervisor'],
    userActivity: true,
    request: z.object({ code: z.string().min(1).max(64), revocation: revocationSchema }).strict(),
    response: z.object({ attestation: z.string(), revocation: recordedRevocationSchema }),
  }),

  /** The audit trail's newest entry, kept by main as a witness (the trail itself is in IndexedDB). */
  'audit.anchor': channel({
    access: 'authenticated',
    request: z
      .object({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) })
      .strict(),
    response: ok,
  }),
  'audit.head': channel({
    access: 'authenticated',
    request: empty,
    response: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  }),
  /**
   * Changes main made (accounts, catalogue, profiles, settings, enrolment), journaled as they
   * were made, for the renderer to add to the trail; confirmed once the trail holds them.
   */
  'audit.journal': channel({
    access: 'authenticated',
    request: empty,
    response: z.array(journalEntrySchema),
  }),
  'audit.journalConfirm': channel({
    access: 'authenticated',
    request: z.object({ seq: z.number().int().positive() }).strict(),
    response: ok,
  }),

  /** SoHoa Central: the station's enrolment, Central's health, and a record's upload (approved ones only). */
  'sync.status': channel({ access: 'authenticated', request: empty, response: syncStatusSchema }),
  /** Central's TLS chain, for the admin to compare its fingerprint with Central's console before enrolling. */
  'sync.probeTls': channel({ access: ['admin'], request: empty, response: tlsProbeSchema }),
  'sync.enrol': channel({
    access: ['admin'],
    userActivity: true,
    request: z
      .object({
        code: z.string().trim().min(8).max(64),
        /** Over HTTPS: the fingerprint of the certificate the admin confirmed. */
        pin: z.string().max(200).optional(),
      })
      .strict(),
    response: syncStatusSchema,
  }),
  'sync.health': channel({
    access: 'authenticated',
    request: empty,
    response: z.object({ reachable: z.boolean(), ms: z.number(), error: appErrorDataSchema.nullable() }),
  }),
  'sync.begin': channel({
    access: 'authenticated',
    request: uploadBeginSchema.extend({ approval: z.string().min(1).max(4096) }).strict(),
    response: uploadStateSchema,
  }),
  'sync.chunk': channel({
    access: 'authenticated',
    request: z
      .object({
        uploadId: z.uuid(),
        offset: z.number().int().nonnegative(),
        data: chunkData,
        /** The file's last chunk: what was announced, so that it also completes the upload. */
        last: uploadBeginSchema.pick({ code: true, sha256: true, bytes: true }).strict().optional(),
      })
      .strict(),
    response: uploadReceivedSchema,
  }),
  'sync.complete': channel({
    access: 'authenticated',
    // What was announced, so main can check Central's receipt names exactly this record.
    request: uploadBeginSchema
      .pick({ code: true, sha256: true, bytes: true })
      .extend({ uploadId: z.uuid() })
      .strict(),
    response: completedSchema,
  }),
  'sync.audit': channel({ access: 'authenticated', request: auditUploadSchema, response: auditHeadSchema }),
  /** A revocation main attested (review.revoke), sent to Central; Central answers with the one it holds. */
  'sync.revoke': channel({
    access: 'authenticated',
    // The attestation carries the revocation's CMS signature, certificates included.
    request: z
      .object({
        attestation: z
          .string()
          .min(1)
          .max(64 * 1024),
      })
      .strict(),
    response: revocationResultSchema,
  }),
  'sync.lookup': channel({
    access: 'authenticated',
    request: lookupQuerySchema,
    response: lookupResultSchema,
  }),

  /** The Office's inventory file (XLSX or CSV, uploaded with capture.importBegin/importChunk), read into counts. */
  'inventory.read': channel({
    access: ['admin', 'supervisor'],
    request: z.object({ uploadId: z.string(), today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict(),
    response: z.object({
      counts: z.array(inventoryCountSchema),
      problems: z.array(z.object({ line: z.number().int(), message: z.string() })),
    }),
  }),
  /** The progress report the dashboard computed, as a file (XLSX, or a PDF in Vietnamese). */
  'reports.export': channel({
    access: 'authenticated',
    request: z.object({ format: z.enum(['xlsx', 'pdf']), report: progressReportDataSchema }).strict(),
    response: z.object({ data: bytesSchema }),
  }),
  /** A record's signed file from Central, in chunks (lookup: open it, or reuse it). */
  'sync.fileRead': channel({
    access: 'authenticated',
    request: z
      .object({
        code: z.string().min(1).max(64),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        offset: z.number().int().nonnegative(),
      })
      .strict(),
    response: z.object({ data: bytesSchema, done: z.boolean() }),
  }),
  /** This station's inventory counts, sent to Central (the denominator of progress across stations). */
  'sync.inventory': channel({
    access: 'authenticated',
    request: inventoryUploadSchema,
    response: inventoryReceivedSchema,
  }),
  /** Progress against the plan across stations, as Central computes it. */
  'sync.progress': channel({ access: 'authenticated', request: empty, response: centralProgressSchema }),
  /** Central's statistics across stations (records synced from every station). */
  'sync.stats': channel({ access: 'authenticated', request: statsQuerySchema, response: statsSchema }),

  'procedures.list': channel({ access: 'authenticated', request: empty, response: z.array(procedureSchema) }),
  'procedures.save': channel({
    access: ['admin'],
    userActivity: true,
    request: z.object({ procedure: procedureSchema, previousCode: z.string().optional() }).strict(),
    response: procedureSchema,
  }),
  'procedures.delete': channel({
    access: ['admin'],
    userActivity: true,
    request: z.object({ code: z.string() }).strict(),
    response: ok,
  }),
  'procedures.importCsv': channel({
    access: ['admin'],
    userActivity: true,
    request: z.object({ csv: z.string().max(5_000_000) }).strict(),
    response: z.object({
      imported: z.number().int().nonnegative(),
      problems: z.array(z.object({ line: z.number().int(), message: z.string() })),
    }),
  }),

  'profiles.list': channel({
    access: CAPTURE_ROLES,
    request: empty,
    response: z.array(captureProfileSchema),
  }),
  /** Profiles are set up by the IT admin; clerks pick them. Without an id, a new profile. */
  'profiles.save': channel({
    access: ['admin'],
    userActivity: true,
    request: captureProfileSchema.partial({ id: true }).strict(),
    response: captureProfileSchema,
  }),
  'profiles.delete': channel({
    access: ['admin'],
    userActivity: true,
    request: z.object({ id: z.string().min(1) }).strict(),
    response: ok,
  }),

  /**
   * Cover and separator sheets (issue 16): cover sheets for a list of dossiers, each a new
   * prepared record whose fields its sheet gives the record scanned after it; generic
   * separators after them. A sheet's QR code holds only its reference.
   */
  'sheets.print': channel({
    access: CAPTURE_ROLES,
    userActivity: true,
    request: z
      .object({
        entries: z.array(preparedFieldsSchema).max(MAX_LIST_ROWS),
        separators: z.number().int().min(0).max(500),
        departmentCode: z.string().max(20).optional(),
      })
      .strict()
      .refine((request) => request.entries.length + request.separators > 0, 'nothing to print'),
    response: z.object({ prepared: z.array(preparedRecordSchema), pdf: bytesSchema }),
  }),
  /** A list file (CSV or XLSX) read into the entries of `sheets.print`, with each bad line's reason. */
  'sheets.readList': channel({
    access: CAPTURE_ROLES,
    request: z
      .object({ data: bytesSchema.refine((data) => data.length <= 10_000_000, 'file too large') })
      .strict(),
    response: z.object({
      entries: z.array(preparedFieldsSchema),
      problems: z.array(listProblemSchema),
    }),
  }),
  /** The prepared record a cover sheet names; null for a sheet this station did not print. */
  'sheets.prepared': channel({
    access: CAPTURE_ROLES,
    request: z.object({ reference: z.string().regex(COVER_REFERENCE_PATTERN) }).strict(),
    response: preparedRecordSchema.nullable(),
  }),

  /**
   * Backups (issue 18). The renderer reads IndexedDB in one transaction and sends the pieces
   * the folder lacks; main writes its own documents and capture runs, encrypts everything and
   * closes the snapshot. Restore: main checks and stages, the renderer loads the tables.
   */
  'backup.status': channel({ access: 'authenticated', request: empty, response: backupStatusSchema }),
  'backup.setPassphrase': channel({
    access: ['admin'],
    userActivity: true,
    request: z.object({ passphrase: z.string().min(1).max(1000) }).strict(),
    response: backupStatusSchema,
  }),
  'backup.begin': channel({
    access: 'authenticated',
    request: z.object({ reason: backupReasonSchema }).strict(),
    response: z.object({ sessionId: z.uuid() }),
  }),
  'backup.missing': channel({
    access: 'authenticated',
    request: z.object({ sessionId: z.uuid(), sha256s: z.array(sha256Schema).max(5000) }).strict(),
    response: z.object({ missing: z.array(sha256Schema) }),
  }),
  'backup.put': channel({
    access: 'authenticated',
    request: z
      .object({
        sessionId: z.uuid(),
        sha256: sha256Schema,
        offset: z.number().int().nonnegative(),
        data: chunkData,
        last: z.boolean(),
      })
      .strict(),
    response: ok,
  }),
  'backup.commit': channel({
    access: 'authenticated',
    request: z.object({ sessionId: z.uuid(), database: databaseSnapshotSchema }).strict(),
    response: snapshotSummarySchema,
  }),
  'backup.abandon': channel({
    access: 'authenticated',
    request: z.object({ sessionId: z.uuid(), error: appErrorDataSchema }).strict(),
    response: ok,
  }),
  /** Like backup.restore: public while the station has no accounts, then the admin's (checked in main). */
  'backup.snapshots': channel({
    access: 'public',
    request: z.object(BACKUP_FOLDER).strict(),
    response: z.array(snapshotSummarySchema),
  }),
  /** Reads every piece of a snapshot (the newest unless named): whether it would restore. */
  'backup.verify': channel({
    access: 'public',
    request: z.object({ ...BACKUP_FOLDER, snapshotId: z.string().min(1).max(80).optional() }).strict(),
    response: z.object({
      snapshot: snapshotSummarySchema,
      pieces: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
    }),
  }),
  /** Public only while the station has no accounts (a new PC); afterwards the admin's (checked in main). */
  'backup.restore': channel({
    access: 'public',
    userActivity: true,
    request: z.object({ ...BACKUP_FOLDER, snapshotId: z.string().min(1).max(80).optional() }).strict(),
    response: snapshotSummarySchema,
  }),
  'backup.pending': channel({
    access: 'authenticated',
    request: empty,
    response: pendingRestoreSchema.nullable(),
  }),
  'backup.restoreRead': channel({
    access: 'authenticated',
    request: z.object({ sha256: sha256Schema, offset: z.number().int().nonnegative() }).strict(),
    response: z.object({ data: bytesSchema, done: z.boolean() }),
  }),
  'backup.restoreDone': channel({ access: 'authenticated', request: empty, response: ok }),

  /** Sneakernet (issue 18): approved records to removable media, and Central's receipts back. */
  'transfer.begin': channel({
    access: ['supervisor', 'admin'],
    userActivity: true,
    request: z.object({ folder: z.string().min(1).max(1000) }).strict(),
    response: z.object({ bundleId: z.uuid(), path: z.string() }),
  }),
  'transfer.file': channel({
    access: ['supervisor', 'admin'],
    request: z
      .object({
        bundleId: z.uuid(),
        sha256: sha256Schema,
        offset: z.number().int().nonnegative(),
        data: chunkData,
        last: z.boolean(),
      })
      .strict(),
    response: ok,
  }),
  'transfer.finish': channel({
    access: ['supervisor', 'admin'],
    request: z
      .object({
        bundleId: z.uuid(),
        records: z
          .array(uploadBeginSchema.extend({ approval: z.string().min(1).max(4096) }).strict())
          .min(1)
          .max(100_000),
      })
      .strict(),
    response: z.object({ path: z.string(), records: z.number().int(), bytes: z.number().int() }),
  }),
  'transfer.receipts': channel({
    access: ['supervisor', 'admin'],
    userActivity: true,
    request: z.object({ path: z.string().min(1).max(1000) }).strict(),
    response: z.object({
      bundleId: z.uuid(),
      receipts: z.array(receiptSchema),
      invalid: z.number().int().nonnegative(),
      refused: z.array(z.object({ code: z.string(), error: z.string(), message: z.string() })),
    }),
  }),

  'settings.get': channel({ access: 'authenticated', request: empty, response: stationSettingsSchema }),
  'settings.update': channel({
    access: ['admin'],
    userActivity: true,
    request: settingsPatchSchema.strict(),
    response: stationSettingsSchema,
  }),
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract & string;
export type RequestOf<N extends ChannelName> = z.input<Contract[N]['request']>;
export type ParsedRequestOf<N extends ChannelName> = z.output<Contract[N]['request']>;
export type ResponseOf<N extends ChannelName> = z.output<Contract[N]['response']>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && Object.hasOwn(contract, name);
