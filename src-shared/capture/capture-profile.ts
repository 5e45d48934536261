import { z } from 'zod';
import { colorModeSchema, scanSourceSchema } from './scan-options';

import { PROCEDURE_CODE_PATTERN } from '../domain/procedure-code';

/**
 * What a blank page means in a batch: `flag` keeps it, flagged for review; `separator`
 * treats it as a separator sheet the clerk put between documents: it is not kept, and the
 * pages after it go into a new record. In duplex only a blank front separates (its back goes
 * with it): a one-sided page's blank back never splits a dossier.
 */
export const BLANK_POLICIES = ['flag', 'separator'] as const;

/** A named set of scan settings and filing targets: the clerk picks one and presses Scan. */
export const captureProfileSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(80),
  deviceId: z.string().min(1),
  source: scanSourceSchema,
  dpi: z.number().int().min(75).max(1200),
  mode: colorModeSchema,
  blankPolicy: z.enum(BLANK_POLICIES).default('flag'),
  /** Where the records go: department and procedure (empty when the clerk chooses later). */
  departmentCode: z.string().trim().max(12).default(''),
  procedureCode: z
    .union([z.literal(''), z.string().trim().regex(PROCEDURE_CODE_PATTERN, 'procedureCode')])
    .default(''),
});
export type CaptureProfile = z.infer<typeof captureProfileSchema>;
export type BlankPolicy = CaptureProfile['blankPolicy'];
