import { z } from 'zod';
import { appErrorDataSchema } from '../errors/app-error';

/**
 * A processed page as it crosses to the renderer. Images travel base64-encoded so that both
 * transports (Electron IPC and the harness's JSON WebSocket) carry them the same way.
 */
export const capturedPageSchema = z.object({
  sequence: z.number().int().positive(),
  imageBase64: z.string(),
  thumbnailBase64: z.string(),
  mimeType: z.enum(['image/jpeg', 'image/png']),
  widthPx: z.number().int().positive(),
  heightPx: z.number().int().positive(),
  dpi: z.number().int().positive(),
  dpiSource: z.enum(['image', 'scanner', 'assumed']),
  lowDpi: z.boolean(),
  blank: z.boolean(),
  inkRatio: z.number(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type CapturedPage = z.infer<typeof capturedPageSchema>;

/** The answer to `capture.next`: the next page, or the end of the run and why it ended. */
export const captureStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('page'), page: capturedPageSchema }),
  z.object({
    kind: z.literal('end'),
    pages: z.number().int().nonnegative(),
    failure: appErrorDataSchema.nullable(),
  }),
]);
export type CaptureStep = z.infer<typeof captureStepSchema>;
