import { z } from 'zod';
import { colorModeSchema, scanSourceSchema } from './scan-options';

import { PROCEDURE_CODE_PATTERN } from '../domain/procedure-code';
import { RECORD_FIELD_TABLE } from '../domain/record-fields';
import type { SeparationPolicy } from './stack-separation';

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
  /** Where the paper of this profile's stacks lies: its archive box and shelf (a cover sheet's own win). */
  box: RECORD_FIELD_TABLE.box.schema.default(''),
  shelf: RECORD_FIELD_TABLE.shelf.schema.default(''),
});
export type CaptureProfile = z.infer<typeof captureProfileSchema>;
export type BlankPolicy = CaptureProfile['blankPolicy'];

/** Filing targets a new record starts with (from the capture profile, or a cover sheet). */
export interface RecordTarget {
  departmentCode?: string;
  procedureCode?: string;
  /** Where the paper lies (the profile's box and shelf; a cover's own win). */
  box?: string;
  shelf?: string;
}

/** How a run is cut into records and where they are filed. */
export type RunPolicy = SeparationPolicy & { target?: RecordTarget };

/**
 * How a run with `profile` is cut and filed. Whether its pages come front and back: a scan's
 * source says; files (an import, the hot folder) were fed as the profile's source says.
 */
export function runPolicyOf(
  profile: CaptureProfile | null | undefined,
  options: { keepSheets: boolean; duplex?: boolean },
): RunPolicy {
  const target = Object.fromEntries(
    (['departmentCode', 'procedureCode', 'box', 'shelf'] as const)
      .map((name) => [name, profile?.[name] ?? ''] as const)
      .filter(([, value]) => value !== ''),
  ) as RecordTarget;
  return {
    separateOnBlank: profile?.blankPolicy === 'separator',
    duplex: options.duplex ?? profile?.source === 'duplex',
    keepSheets: options.keepSheets,
    ...(Object.keys(target).length > 0 ? { target } : {}),
  };
}
