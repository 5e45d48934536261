import { z } from 'zod';
import { AUDIT_ACTIONS } from '../audit/audit-chain';
import { recordFieldsSchema } from '../domain/record-fields';
import { departmentSchema } from '../domain/agency';
import { recordedRevocationSchema } from '../domain/revocation';
import { canonicalJson } from '../encoding/canonical-json';
import { inventoryCountSchema } from '../stats/inventory';

/**
 * SoHoa Central's HTTP API, declared once: the server validates requests and documents
 * itself (OpenAPI) from these schemas; the station's sync client checks every answer
 * against them.
 */

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
export const recordCode = z.string().trim().min(1).max(64);
const base64 = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64');
const departmentCodes = z.array(departmentSchema.shape.code).max(100);
/** A byte or row offset in decimal digits only (`1e1` and `0x10` are not offsets), as paths and queries carry it. */
export const decimalOffset = z
  .string()
  .regex(/^\d{1,15}$/, 'an offset in decimal digits')
  .transform(Number);

/**
 * What a station may read on Central: records it uploaded and those of its departments
 * (`department`, the default), or every record of the province (`province`), as Central's
 * administrator sets it per station.
 */
export const READ_SCOPES = ['department', 'province'] as const;
export const stationScopeSchema = z
  .object({ departments: departmentCodes, readScope: z.enum(READ_SCOPES) })
  .strict();
export type StationScope = z.infer<typeof stationScopeSchema>;

export const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  time: z.iso.datetime(),
});

export const enrolmentCreateSchema = z
  .object({
    note: z.string().trim().max(200).default(''),
    validHours: z.number().int().min(1).max(720).default(72),
    /** The departments the station works for, as Central's administrator decides (never the station). */
    departments: departmentCodes.min(1),
    readScope: z.enum(READ_SCOPES).default('department'),
  })
  .strict();
export const enrolmentSchema = z.object({ code: z.string(), expiresAt: z.iso.datetime() });

export const enrolRequestSchema = z
  .object({
    code: z.string().trim().min(8).max(64),
    stationNumber: z.string().regex(/^\d{3}$/),
    stationName: z.string().trim().max(120).default(''),
  })
  .strict();
export const enrolResponseSchema = z.object({
  stationId: z.uuid(),
  secret: z.string().min(32),
  /** Central's Ed25519 receipt key (SPKI DER, base64): the station pins it and checks every receipt. */
  receiptKey: base64(200),
  departments: departmentCodes,
});

export const stationSchema = z.object({
  stationId: z.uuid(),
  stationNumber: z.string(),
  stationName: z.string(),
  enrolledAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  records: z.number().int(),
  departments: departmentCodes,
  readScope: z.enum(READ_SCOPES),
});

/** What Central keeps of a record beside its file: its fields and how it was digitized. */
export const recordMetaSchema = z
  .object({
    fields: recordFieldsSchema.partial(),
    departmentCode: z.string().max(32).optional(),
    pages: z.number().int().min(1).max(5000),
    /** The code of the record this one corrects. */
    supersedes: recordCode.optional(),
    batchName: z.string().max(200).optional(),
    capturedBy: z.string().max(200),
    signedAt: z.number().int(),
    approvedBy: z.string().max(200),
    approvedAt: z.number().int(),
  })
  .strict();
export type RecordMeta = z.infer<typeof recordMetaSchema>;

/**
 * Central's word that it holds a record: the same receipt however often the record is sent,
 * signed by Central's receipt key (Ed25519 over `receiptStatement`), so that nobody on the
 * way can tell a station a record is stored when it is not.
 */
export const receiptSchema = z.object({
  serverId: z.uuid(),
  code: recordCode,
  sha256,
  bytes: z.number().int().positive(),
  storedAt: z.iso.datetime(),
  stationId: z.uuid(),
  signature: base64(120),
});
export type Receipt = z.infer<typeof receiptSchema>;
export type UnsignedReceipt = Omit<Receipt, 'signature'>;

/** The bytes a receipt's signature covers: its fields in canonical JSON, named as a receipt. */
export const receiptStatement = (receipt: UnsignedReceipt): string =>
  canonicalJson({
    kind: 'sohoa.receipt.v1',
    serverId: receipt.serverId,
    code: receipt.code,
    sha256: receipt.sha256,
    bytes: receipt.bytes,
    storedAt: receipt.storedAt,
    stationId: receipt.stationId,
  });

export const uploadBeginSchema = z
  .object({ code: recordCode, sha256, bytes: z.number().int().positive(), meta: recordMetaSchema })
  .strict();
export const uploadStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('stored'), receipt: receiptSchema }),
  z.object({ state: z.literal('uploading'), uploadId: z.uuid(), received: z.number().int().nonnegative() }),
]);
export type UploadState = z.infer<typeof uploadStateSchema>;
export const uploadReceivedSchema = z.object({
  received: z.number().int().nonnegative(),
  /** The chunk asked to complete the upload and made the file whole: the record is stored. */
  receipt: receiptSchema.optional(),
});
export const completedSchema = z.object({ receipt: receiptSchema });

export const auditEntrySchema = z
  .object({
    seq: z.number().int().positive(),
    at: z.number().int(),
    userId: z.string(),
    userName: z.string().optional(),
    station: z.string(),
    action: z.enum(AUDIT_ACTIONS),
    recordId: z.string().optional(),
    batchId: z.string().optional(),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    prevHash: sha256,
    hash: sha256,
  })
  .strict();
export const auditUploadSchema = z.object({ entries: z.array(auditEntrySchema).min(1).max(1000) }).strict();
export type AuditUpload = z.input<typeof auditUploadSchema>;
export const auditHeadSchema = z.object({ seq: z.number().int().nonnegative(), hash: z.string() });

/** A station's trail as Central's administrator reads it: a page, newest first, with `verify=1` checked whole. */
export const stationAuditQuerySchema = z
  .object({ offset: decimalOffset.optional(), verify: z.literal('1').optional() })
  .strict();
export const stationAuditSchema = z.object({
  /** Entries Central holds of the station. */
  total: z.number().int().nonnegative(),
  entries: z.array(auditEntrySchema),
  next: z.number().int().positive().nullable(),
  /** Restores from a backup older than what the station had sent: the entries set aside, kept. */
  forks: z.array(
    z.object({ at: z.iso.datetime(), fromSeq: z.number().int(), setAside: z.number().int().nonnegative() }),
  ),
  /** The whole trail checked link by link (asked with verify=1). */
  verification: z
    .object({
      ok: z.boolean(),
      entries: z.number().int(),
      problems: z.array(
        z.object({
          seq: z.number().int(),
          problem: z.enum(['changed', 'missing', 'outOfOrder', 'brokenLink']),
        }),
      ),
    })
    .nullable(),
});

export const lookupFields = {
  code: recordCode.optional(),
  ownerId: z.string().trim().min(9).max(20).optional(),
  documentNumber: z.string().trim().min(1).max(60).optional(),
  /** The one-stop system's dossier code the result was issued under. */
  dossierCode: z.string().trim().min(1).max(60).optional(),
};
/** The keys a lookup is asked by; exactly one is enough. */
export const LOOKUP_KEYS = ['code', 'ownerId', 'documentNumber', 'dossierCode'] as const;
const oneKey = (query: Partial<Record<(typeof LOOKUP_KEYS)[number], string>>) =>
  LOOKUP_KEYS.some((key) => Boolean(query[key]));
const ONE_KEY = `one of ${LOOKUP_KEYS.join(', ')}`;

/** What a clerk looks up: a record's code, its owner's ID number, its document number or its dossier code. */
export const lookupQuerySchema = z.object(lookupFields).strict().refine(oneKey, ONE_KEY);
export type LookupQuery = z.input<typeof lookupQuerySchema>;

/** Records a lookup answers at most at once; the next page is asked with `offset`. */
export const LOOKUP_PAGE_SIZE = 50;

/** The user a station names for a read of personal data: kept in Central's access log. */
export const readerSchema = z.string().trim().min(1).max(200);

/** The lookup as Central takes it: the query, who at the station asks, and the page. */
export const centralLookupQuerySchema = z
  .object({
    ...lookupFields,
    user: readerSchema.optional(),
    offset: decimalOffset.optional(),
  })
  .strict()
  .refine(oneKey, ONE_KEY);

/**
 * A revocation as Central holds it: the station's record of it, and who made it there: the
 * station (null: Central's administrator) and the signer whose certificate signed it ('' for
 * one recorded before revocations were signed).
 */
export const centralRevocationSchema = recordedRevocationSchema.extend({
  stationNumber: z.string().nullable(),
  signer: z.string(),
});
export type CentralRevocation = z.infer<typeof centralRevocationSchema>;

export const centralRecordSchema = z.object({
  receipt: receiptSchema,
  meta: recordMetaSchema,
  stationNumber: z.string(),
  /** The newer version that replaced this one, if any (both are kept). */
  supersededBy: recordCode.nullable(),
  /** Its issuing agency revoked it, as a station recorded it (the first one that stands holds). */
  revocation: centralRevocationSchema.nullable(),
});
export type CentralRecord = z.infer<typeof centralRecordSchema>;
export const lookupResultSchema = z.object({
  records: z.array(centralRecordSchema),
  /** The offset of the next page, when there is one. */
  next: z.number().int().positive().nullable(),
});

/**
 * A revocation as a station sends it: the supervisor's record of it and a detached CMS
 * signature (base64) over its `revocationStatement`, made by the supervisor's signing device.
 */
export const revocationUploadSchema = recordedRevocationSchema
  .extend({ signature: base64(32 * 1024) })
  .strict();
export type RevocationUpload = z.infer<typeof revocationUploadSchema>;
export const revocationResultSchema = z.object({ revocation: centralRevocationSchema });

/** Central's administrator annuls a revocation made in error: it stays in Central's journal. */
export const annulmentSchema = z.object({ reason: z.string().trim().min(1).max(500) }).strict();

/** One read of personal data on Central: who read which record (or searched which owner), when. */
export const accessLogEntrySchema = z.object({
  at: z.iso.datetime(),
  stationId: z.uuid().nullable(),
  stationNumber: z.string().nullable(),
  /** An API client of another system (the one-stop system), when it read. */
  clientId: z.uuid().nullable(),
  user: z.string(),
  /** Why, as the partner said it. */
  purpose: z.string().nullable(),
  action: z.enum(['lookup', 'file', 'changes']),
  query: z.record(z.string(), z.string()),
  code: z.string().nullable(),
  ownerId: z.string().nullable(),
});
export const accessLogQuerySchema = z
  .object({
    ownerId: z.string().trim().min(1).max(20).optional(),
    stationId: z.uuid().optional(),
    clientId: z.uuid().optional(),
    offset: decimalOffset.optional(),
  })
  .strict();
export const accessLogSchema = z.object({
  entries: z.array(accessLogEntrySchema),
  next: z.number().int().positive().nullable(),
});

/** What Central's administrator and Central itself did that stations did not: annulments, scope changes. */
export const journalEntrySchema = z.object({
  at: z.iso.datetime(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  detail: z.unknown(),
});
export const journalSchema = z.object({ entries: z.array(journalEntrySchema) });

/** An office's inventory count as a station sends it, numbered by the station (sent again: stored once). */
export const inventoryUploadSchema = z
  .object({
    counts: z
      .array(
        inventoryCountSchema.omit({ note: true }).extend({
          entryId: z.number().int().positive(),
          enteredBy: z.string().max(200),
          enteredAt: z.number().int(),
        }),
      )
      .min(1)
      .max(1000),
  })
  .strict();
export type InventoryUpload = z.input<typeof inventoryUploadSchema>;
export const inventoryReceivedSchema = z.object({ stored: z.number().int().nonnegative() });

const progressLineSchema = z.object({
  key: z.string(),
  inventory: z.number().int(),
  digitized: z.number().int(),
  share: z.number().nullable(),
});
/** Progress across stations: records on Central (still valid, corrections once) ÷ the latest counts. */
export const centralProgressSchema = z.object({
  today: z.string(),
  overall: progressLineSchema,
  byDepartment: z.array(progressLineSchema),
  byProcedure: z.array(progressLineSchema),
  target: z
    .object({
      milestone: z.object({ date: z.string(), share: z.number() }),
      met: z.boolean().nullable(),
    })
    .nullable(),
});
export type CentralProgress = z.infer<typeof centralProgressSchema>;

export const STATS_DIMENSIONS = ['department', 'procedure', 'month', 'station'] as const;
export const statsQuerySchema = z.object({ by: z.enum(STATS_DIMENSIONS) }).strict();
export type StatsQuery = z.input<typeof statsQuerySchema>;
export const statsSchema = z.object({
  by: z.enum(STATS_DIMENSIONS),
  rows: z.array(z.object({ key: z.string(), records: z.number().int(), pages: z.number().int() })),
});
