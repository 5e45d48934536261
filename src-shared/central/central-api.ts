import { z } from 'zod';
import { AUDIT_ACTIONS } from '../audit/audit-chain';
import { recordFieldsSchema } from '../domain/record-fields';
import { recordedRevocationSchema } from '../domain/revocation';
import { inventoryCountSchema } from '../stats/inventory';

/**
 * SoHoa Central's HTTP API, declared once: the server validates requests and documents
 * itself (OpenAPI) from these schemas; the station's sync client checks every answer
 * against them.
 */

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const recordCode = z.string().trim().min(1).max(64);

export const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  time: z.iso.datetime(),
});

export const enrolmentCreateSchema = z
  .object({
    note: z.string().trim().max(200).default(''),
    validHours: z.number().int().min(1).max(720).default(72),
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
export const enrolResponseSchema = z.object({ stationId: z.uuid(), secret: z.string().min(32) });

export const stationSchema = z.object({
  stationId: z.uuid(),
  stationNumber: z.string(),
  stationName: z.string(),
  enrolledAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  records: z.number().int(),
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

/** Central's word that it holds a record: the same receipt however often the record is sent. */
export const receiptSchema = z.object({
  serverId: z.uuid(),
  code: recordCode,
  sha256,
  bytes: z.number().int().positive(),
  storedAt: z.iso.datetime(),
  stationId: z.uuid(),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const uploadBeginSchema = z
  .object({ code: recordCode, sha256, bytes: z.number().int().positive(), meta: recordMetaSchema })
  .strict();
export const uploadStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('stored'), receipt: receiptSchema }),
  z.object({ state: z.literal('uploading'), uploadId: z.uuid(), received: z.number().int().nonnegative() }),
]);
export type UploadState = z.infer<typeof uploadStateSchema>;
export const uploadReceivedSchema = z.object({ received: z.number().int().nonnegative() });
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

export const lookupQuerySchema = z
  .object({
    code: recordCode.optional(),
    ownerId: z.string().trim().min(9).max(20).optional(),
    documentNumber: z.string().trim().min(1).max(60).optional(),
  })
  .strict()
  .refine(
    (query) => query.code || query.ownerId || query.documentNumber,
    'one of code, ownerId, documentNumber',
  );

export type LookupQuery = z.input<typeof lookupQuerySchema>;

export const centralRecordSchema = z.object({
  receipt: receiptSchema,
  meta: recordMetaSchema,
  stationNumber: z.string(),
  /** The newer version that replaced this one, if any (both are kept). */
  supersededBy: recordCode.nullable(),
  /** Its issuing agency revoked it, as a station recorded it (the first one recorded holds). */
  revocation: recordedRevocationSchema.nullable(),
});
export type CentralRecord = z.infer<typeof centralRecordSchema>;
export const lookupResultSchema = z.object({ records: z.array(centralRecordSchema) });

/** A revocation as a station sends it, and as Central holds it. */
export const revocationUploadSchema = recordedRevocationSchema.strict();
export const revocationResultSchema = z.object({ revocation: recordedRevocationSchema });

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
