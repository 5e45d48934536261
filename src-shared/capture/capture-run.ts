import { z } from 'zod';
import { appErrorDataSchema } from '../errors/app-error';
import { bytesSchema } from '../encoding/bytes';
import { pageCodeSchema, sheetMarkSchema } from './sheet-code';

/** A processed page as it crosses to the renderer, its image and thumbnail as bytes. */
export const capturedPageSchema = z.object({
  sequence: z.number().int().positive(),
  image: bytesSchema,
  thumbnail: bytesSchema,
  mimeType: z.enum(['image/jpeg', 'image/png']),
  widthPx: z.number().int().positive(),
  heightPx: z.number().int().positive(),
  dpi: z.number().int().positive(),
  dpiSource: z.enum(['image', 'scanner', 'assumed']),
  lowDpi: z.boolean(),
  blank: z.boolean(),
  inkRatio: z.number(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Barcodes read on the page, and whether it is a cover or separator sheet. */
  codes: z.array(pageCodeSchema).max(16).default([]),
  sheet: sheetMarkSchema.nullable().default(null),
  /** Which side of its sheet, where the device knows (a duplex scan); else it follows from the page's place. */
  side: z.enum(['front', 'back']).optional(),
  /** A rendered page of a born-digital original: that original's sequence in the run, and its page. */
  originalSequence: z.number().int().positive().optional(),
  originalPage: z.number().int().positive().optional(),
});
export type CapturedPage = z.infer<typeof capturedPageSchema>;

/** A born-digital file (PDF) kept byte for byte; its rendered pages follow it in the run. */
export const capturedOriginalSchema = z.object({
  sequence: z.number().int().positive(),
  name: z.string(),
  mimeType: z.literal('application/pdf'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().positive(),
  pages: z.number().int().positive(),
  data: bytesSchema,
});
export type CapturedOriginal = z.infer<typeof capturedOriginalSchema>;

/** Where a run's pages come from: a scanner, files the clerk imported, or the hot folder. */
export const CAPTURE_RUN_KINDS = ['scan', 'import', 'hotFolder'] as const;
export const captureRunKindSchema = z.enum(CAPTURE_RUN_KINDS);
export type CaptureRunKind = z.infer<typeof captureRunKindSchema>;

/** The page a scanner is reading now, and how much of it has come in (scanimage's `--progress`). */
export const scanProgressSchema = z.object({
  /** 1-based, within the run. */
  page: z.number().int().positive(),
  percent: z.number().min(0).max(100),
});
export type ScanProgress = z.infer<typeof scanProgressSchema>;

/** A run main still holds items of, as `capture.runs` lists it. */
export const captureRunSummarySchema = z.object({
  runId: z.string(),
  kind: captureRunKindSchema,
  /** The device, or the file name. */
  label: z.string(),
  startedAt: z.number().int(),
  /** Items processed and waiting to be taken. */
  pending: z.number().int().nonnegative(),
  ended: z.boolean(),
  /** While a scanner reads: its page and how far, where the device says. */
  reading: scanProgressSchema.nullable().default(null),
});
export type CaptureRunSummary = z.infer<typeof captureRunSummarySchema>;

/** The answer to `capture.next`: the next item, or the end of the run and why it ended. */
export const captureStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('page'), page: capturedPageSchema }),
  z.object({ kind: z.literal('original'), original: capturedOriginalSchema }),
  z.object({
    kind: z.literal('end'),
    /** Items delivered (pages and originals). */
    pages: z.number().int().nonnegative(),
    failure: appErrorDataSchema.nullable(),
  }),
]);
export type CaptureStep = z.infer<typeof captureStepSchema>;
