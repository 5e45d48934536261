import { z } from 'zod';

export const PAGE_ORIENTATIONS = [0, 90, 180, 270] as const;

/** One recognised word: its box on the page image and where it sits in the page text. */
export const ocrWordSchema = z.object({
  text: z.string(),
  confidence: z.number().min(0).max(100),
  bbox: z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() }),
  /** Offsets in `text` of the page: a suggestion's span maps to its words' boxes. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type OcrWord = z.infer<typeof ocrWordSchema>;

/** What OCR gives for a page, as stored with the page in IndexedDB. */
export const ocrPageSchema = z.object({
  text: z.string(),
  /** Mean word confidence, 0–100. */
  confidence: z.number().min(0).max(100),
  /** Clockwise turn that made the page read upright; boxes are on the turned image. */
  orientation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  words: z.array(ocrWordSchema),
  /**
   * Degrees clockwise the upright page lay askew; OCR read it turned level, and its boxes were
   * turned back onto the page as given. Absent on pages read before it was kept.
   */
  skew: z.number().min(-45).max(45).optional(),
  widthPx: z.number().int().positive(),
  heightPx: z.number().int().positive(),
  ms: z.number().nonnegative(),
});
export type OcrPage = z.infer<typeof ocrPageSchema>;

/** What the PDF's text layer needs of a page's OCR: the words' boxes and the space they are in. */
export const ocrLayoutSchema = ocrPageSchema.pick({
  words: true,
  orientation: true,
  skew: true,
  widthPx: true,
  heightPx: true,
});
export type OcrLayout = z.infer<typeof ocrLayoutSchema>;
