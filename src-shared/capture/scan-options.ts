import { z } from 'zod';

/** Where the paper is: on the glass, through the feeder one side, or both sides. */
export const SCAN_SOURCES = ['flatbed', 'adf', 'duplex'] as const;
export const scanSourceSchema = z.enum(SCAN_SOURCES);
export type ScanSource = z.infer<typeof scanSourceSchema>;

export const COLOR_MODES = ['color', 'gray', 'bitonal'] as const;
export const colorModeSchema = z.enum(COLOR_MODES);
export type ColorMode = z.infer<typeof colorModeSchema>;

export const deviceInfoSchema = z.object({
  /** Unique across backends, e.g. `sane:test:0`. */
  id: z.string(),
  backend: z.enum(['sane', 'demo']),
  vendor: z.string(),
  model: z.string(),
  kind: z.string(),
});
export type DeviceInfo = z.infer<typeof deviceInfoSchema>;

export const deviceCapabilitiesSchema = z.object({
  sources: z.array(scanSourceSchema),
  modes: z.array(colorModeSchema),
  /** Either a list of resolutions or a range; dpi. */
  resolutions: z.union([
    z.object({ kind: z.literal('list'), values: z.array(z.number().int().positive()) }),
    z.object({
      kind: z.literal('range'),
      min: z.number().int().positive(),
      max: z.number().int().positive(),
    }),
  ]),
});
export type DeviceCapabilities = z.infer<typeof deviceCapabilitiesSchema>;

export const scanOptionsSchema = z.object({
  deviceId: z.string().min(1),
  source: scanSourceSchema,
  dpi: z.number().int().min(50).max(1200),
  mode: colorModeSchema,
  /** At most this many sheets; absent means until the feeder is empty. */
  maxPages: z.number().int().positive().optional(),
});
export type ScanOptions = z.infer<typeof scanOptionsSchema>;

/** The dpi a device can do that is closest to the one asked for. */
export function nearestResolution(capabilities: DeviceCapabilities, dpi: number): number {
  const { resolutions } = capabilities;
  if (resolutions.kind === 'range') return Math.min(resolutions.max, Math.max(resolutions.min, dpi));
  return resolutions.values.reduce((best, value) =>
    Math.abs(value - dpi) < Math.abs(best - dpi) ? value : best,
  );
}
