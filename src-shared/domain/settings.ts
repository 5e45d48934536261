import { DEFAULT_DOSSIER_CODE_PATTERN, dossierCodeRegExp } from './dossier-code';
import { z } from 'zod';
import { agencyIdSchema, departmentSchema } from './agency';
import { DEFAULT_CODE_TEMPLATE, parseCodeTemplate } from './record-code';
import { DEFAULT_MILESTONES } from './plan-milestones';

/**
 * The station's settings: one schema with defaults and units, validated wherever settings
 * are read or written (main, CLI, the settings screen). Later capabilities add their
 * sections here rather than keeping magic numbers in code.
 */
/** A full path on Linux, Windows (D:\\…) or a Windows share (\\\\server\\…). */
export const ABSOLUTE_PATH_PATTERN = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

/** A full path, or empty for none. */
const optionalPath = z
  .union([z.literal(''), z.string().trim().max(1000).regex(ABSOLUTE_PATH_PATTERN, 'absolutePath')])
  .default('');

export const securitySettingsSchema = z.object({
  /** Consecutive failed logins before the account is locked. */
  maxFailedLogins: z.number().int().min(3).max(20).default(5),
  /** How long a locked account stays locked, in minutes. */
  lockoutMinutes: z.number().int().min(1).max(1440).default(5),
  /** Minutes without user input after which the session ends. */
  idleTimeoutMinutes: z.number().int().min(1).max(480).default(15),
});

/** Page processing thresholds (DOMAIN.md: at least 200 dpi; blank pages flagged, never deleted). */
/** How long a scanner may be silent before its scan is stopped, seconds, unless set. */
export const DEFAULT_SCANNER_STALL_SECONDS = 120;

export const captureSettingsSchema = z.object({
  /** Pages below this resolution are flagged, dpi. */
  minDpi: z.number().int().min(72).max(1200).default(200),
  /** A pixel darker than this grey level (0–255) counts as ink. */
  inkLevel: z.number().int().min(1).max(254).default(160),
  /** A page with less ink than this fraction of its area (margins excluded) is flagged blank. */
  blankInkRatio: z.number().min(0).max(0.2).default(0.0005),
  /** JPEG quality of colour and grey pages, 1–100. */
  jpegQuality: z.number().int().min(50).max(100).default(85),
  /** Thumbnail width, px. */
  thumbnailWidth: z.number().int().min(64).max(800).default(240),
  /** Largest image accepted, megapixels: stops decompression bombs before decoding. */
  maxMegapixels: z.number().int().min(10).max(1000).default(200),
  /** Most pages accepted from one imported file (multi-page TIFF). */
  maxImportPages: z.number().int().min(1).max(5000).default(1000),
  /** Largest file accepted by import or the hot folder, MB (a PDF travels to the queue whole). */
  maxImportMegabytes: z.number().int().min(1).max(2000).default(200),
  /** Most memory rendering one PDF page may take, as a share of this computer's memory, %. */
  pdfRenderMemoryPercent: z.number().int().min(5).max(75).default(25),
  /** Longest rendering one PDF page may take, seconds. */
  pdfRenderSeconds: z.number().int().min(10).max(1800).default(120),
  /**
   * A scan that shows no progress, no page and no end for this long is stopped, seconds (the
   * scanner hung); only a lamp's warm-up is silent, and that is under a minute.
   */
  scannerStallSeconds: z.number().int().min(30).max(1800).default(DEFAULT_SCANNER_STALL_SECONDS),
  /** The folder a scan-to-folder scanner or copier writes into; empty: no hot folder. */
  hotFolder: optionalPath,
  /** A hot-folder file is taken once its size has not changed for this long, ms (copiers pause mid-write). */
  hotFolderStableMs: z.number().int().min(200).max(60_000).default(2000),
  /** The capture profile hot-folder files are cut and filed by (its blank policy, sides, targets, box); empty: none. */
  hotFolderProfileId: z.string().max(64).default(''),
  /** Cover and separator sheets are kept as the first page of the record they start (else left out). */
  keepSheetPages: z.boolean().default(false),
  /**
   * Every page's barcodes are read (cover and separator sheets, dossier codes); off, stacks are
   * cut only by blank pages and nothing is read from codes (bench/capture measures the cost).
   */
  readCodes: z.boolean().default(true),
});

/** Text recognition. */
export const ocrSettingsSchema = z.object({
  /**
   * Pages read at once; 0: automatic (native Tesseract: one per core, at background
   * priority; WebAssembly: one per core but one, at least one).
   */
  workers: z.number().int().min(0).max(16).default(0),
  /** auto: the native Tesseract where installed, else the WebAssembly one built in. */
  engine: z.enum(['auto', 'native', 'wasm']).default('auto'),
  /**
   * The PDF shows each page cleaned up as OCR reads it (turned level, the scanner's dark edges
   * and the paper's tint whitened, colours kept); off, the PDF keeps the scan as captured.
   */
  cleanUpPdf: z.boolean().default(false),
});
export type OcrSettings = z.infer<typeof ocrSettingsSchema>;

/** Review by a supervisor before anything leaves the station (issue 6). */
export const reviewSettingsSchema = z.object({
  /** Four eyes: a supervisor may not approve a record they captured or signed themselves. */
  fourEyes: z.boolean().default(true),
  /** A page read with a mean OCR confidence below this (0–100) is flagged for the supervisor. */
  lowOcrConfidence: z.number().min(0).max(100).default(60),
});

/** Sync to SoHoa Central (issue 7). */
export const syncSettingsSchema = z.object({
  /** How long one request to Central may take before it counts as failed (ms). */
  requestTimeoutMs: z.number().int().min(1_000).max(600_000).default(30_000),
  /** Days after Central's receipt when the local signed PDF may be deleted; 0 keeps it. */
  pruneAfterDays: z.number().int().min(0).max(3650).default(0),
});

/** Backups of the station's work (issue 18): where, how often, how many kept. */
export const backupSettingsSchema = z.object({
  /** The folder the admin picked (a USB drive, a network share); empty: no backups yet. */
  folder: optionalPath,
  /** Hours between scheduled backups; 0: only on demand and after signing. */
  intervalHours: z.number().int().min(0).max(168).default(24),
  /** A backup once the finalize queue has signed a batch of records. */
  afterSigning: z.boolean().default(true),
  /** Snapshots kept in the folder; older ones and the pieces only they use are removed. */
  keep: z.number().int().min(1).max(365).default(14),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

/** The plan's targets (DOMAIN.md): the share of still-valid results digitized by each date. */
export const planSettingsSchema = z.object({
  milestones: z
    .array(
      z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date'), share: z.number().min(0).max(1) }),
    )
    .max(20)
    .default([...DEFAULT_MILESTONES]),
  /** A result whose validity ends within this many days is listed as expiring soon. */
  expiringDays: z.number().int().min(1).max(365).default(30),
});

/** Finalize: how records are signed (DOMAIN.md "The digitized file"). */
export const signingSettingsSchema = z.object({
  /** A USB token through its vendor's PKCS#11 library, or a PKCS#12 file as the fallback. */
  method: z.enum(['none', 'pkcs11', 'pkcs12']).default('none'),
  /** The vendor's PKCS#11 library (e.g. C:\\Windows\\System32\\vnpt-ca_csp11.dll). */
  pkcs11Module: optionalPath,
  /** Which token (its label); empty: the first one plugged in. */
  tokenLabel: z.string().trim().max(64).default(''),
  /** Which certificate on the token (CKA_ID, hex); empty: the first with a private key. */
  certificateId: z
    .string()
    .trim()
    .regex(/^([0-9a-fA-F]{2})*$/, 'hex')
    .max(128)
    .default(''),
  pkcs12File: optionalPath,
  /** A visible signature stamp on the first or last page, or none. */
  stamp: z.enum(['none', 'first', 'last']).default('none'),
  /** RFC 3161 timestamp server; empty: signatures are PAdES B-B. */
  tsaUrl: z.union([z.url({ protocol: /^https?$/ }), z.literal('')]).default(''),
  /** Extra trusted CA certificates, beside those shipped in assets/trust. */
  trustDir: optionalPath,
  reason: z.string().trim().max(200).default('Số hóa kết quả giải quyết thủ tục hành chính'),
  location: z.string().trim().max(200).default(''),
});
export type SigningSettings = z.infer<typeof signingSettingsSchema>;

export const DEFAULT_DEPARTMENTS = [
  { code: 'VP', name: 'Văn phòng Sở' },
  { code: 'VLATLD', name: 'Phòng Việc làm – An toàn lao động' },
  { code: 'GDNN', name: 'Phòng Giáo dục nghề nghiệp' },
  { code: 'NCC', name: 'Phòng Người có công' },
  { code: 'BTXH', name: 'Phòng Bảo trợ xã hội' },
];

export const stationSettingsSchema = z.object({
  /** Station number: part of every record code, so unique per station in the province. */
  stationNumber: z
    .string()
    .trim()
    .regex(/^\d{3}$/, 'stationNumber')
    .default('001'),
  stationName: z.string().trim().max(120).default(''),
  /** Empty until the IT admin enters the identifier the province assigned. */
  agencyId: z.union([agencyIdSchema, z.literal('')]).default(''),
  agencyName: z.string().trim().max(200).default('Sở Lao động – Thương binh và Xã hội'),
  departments: z
    .array(departmentSchema)
    .min(1)
    .refine((list) => new Set(list.map((d) => d.code)).size === list.length, 'departmentCodesUnique')
    .default(DEFAULT_DEPARTMENTS),
  /** How record codes are made (DOMAIN.md): station and sequence make them unique by construction. */
  codeTemplate: z
    .string()
    .trim()
    .max(120)
    .refine((template) => parseCodeTemplate(template).problems.length === 0, 'codeTemplate')
    .default(DEFAULT_CODE_TEMPLATE),
  /** The one-stop system's dossier codes, as a regular expression (DOMAIN.md: not confirmed, so configurable). */
  dossierCodePattern: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((pattern) => dossierCodeRegExp(pattern) !== null, 'dossierCodePattern')
    .default(DEFAULT_DOSSIER_CODE_PATTERN),
  /** SoHoa Central base URL; empty means this station works offline only. */
  centralUrl: z.union([z.url({ protocol: /^https?$/ }), z.literal('')]).default(''),
  /** Allow the camera as a capture device (the only permission the renderer may get). */
  cameraEnabled: z.boolean().default(false),
  security: securitySettingsSchema.default(securitySettingsSchema.parse({})),
  capture: captureSettingsSchema.default(captureSettingsSchema.parse({})),
  ocr: ocrSettingsSchema.default(ocrSettingsSchema.parse({})),
  signing: signingSettingsSchema.default(signingSettingsSchema.parse({})),
  review: reviewSettingsSchema.default(reviewSettingsSchema.parse({})),
  sync: syncSettingsSchema.default(syncSettingsSchema.parse({})),
  plan: planSettingsSchema.default(planSettingsSchema.parse({})),
  backup: backupSettingsSchema.default(backupSettingsSchema.parse({})),
});

export type StationSettings = z.infer<typeof stationSettingsSchema>;
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;
export type CaptureSettings = z.infer<typeof captureSettingsSchema>;

export const defaultSettings = (): StationSettings => stationSettingsSchema.parse({});

/**
 * What the settings screen may send: any subset of the top-level sections, each whole.
 * Built without the defaults: zod's `.partial()` would fill every omitted section with its
 * default and so silently reset settings the admin did not touch.
 */
const shape = stationSettingsSchema.shape;
type SettingsShape = typeof shape;
export const settingsPatchSchema = z.object(
  Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [
      key,
      (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field).optional(),
    ]),
  ) as { [K in keyof SettingsShape]: z.ZodOptional<ReturnType<SettingsShape[K]['unwrap']>> },
);
export type SettingsPatch = z.input<typeof settingsPatchSchema>;
