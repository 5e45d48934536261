import { z } from 'zod';

/**
 * The sheets a clerk puts into a stack so the station splits it by itself: a cover sheet on
 * top of each dossier (its QR code names a record prepared from a list: a short random
 * reference, never personal data in clear) and a generic separator ("new record") for a
 * stack without a list, as a QR code or as the Kodak patch-T pattern many offices already own.
 *
 * Cover `SOHOA1:C:<reference>`, separator `SOHOA1:N`. The reference is 10 characters of
 * Crockford base32 (50 random bits): short enough for a QR code read at 150 dpi, and no
 * letters a clerk could confuse when typing it from the sheet's text.
 */
export const SHEET_CODE_PREFIX = 'SOHOA1';
export const COVER_REFERENCE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{10}$/;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const sheetMarkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cover'), reference: z.string().regex(COVER_REFERENCE_PATTERN) }),
  z.object({ kind: z.literal('separator'), by: z.enum(['qr', 'patchT']) }),
]);
/** What a sheet in the stack says: start a new record (from a prepared one, for a cover). */
export type SheetMark = z.infer<typeof sheetMarkSchema>;

export const coverSheetText = (reference: string) => `${SHEET_CODE_PREFIX}:C:${reference}`;
export const SEPARATOR_SHEET_TEXT = `${SHEET_CODE_PREFIX}:N`;

/** A new cover reference from `random` bytes (crypto.getRandomValues in both processes). */
export function newCoverReference(random: (bytes: Uint8Array) => Uint8Array): string {
  const bytes = random(new Uint8Array(10));
  return [...bytes].map((byte) => ALPHABET[byte & 31]).join('');
}

/** The sheet a decoded QR text names, or null for any other code (a document's own). */
export function parseSheetCode(text: string): SheetMark | null {
  const trimmed = text.trim().toUpperCase();
  if (trimmed === SEPARATOR_SHEET_TEXT) return { kind: 'separator', by: 'qr' };
  const cover = /^SOHOA1:C:([0-9A-Z]{10})$/.exec(trimmed);
  if (cover && COVER_REFERENCE_PATTERN.test(cover[1]!)) return { kind: 'cover', reference: cover[1]! };
  return null;
}

/** A code read on a page: its symbology, its text, and where it is (fractions of the page). */
export const pageCodeSchema = z.object({
  format: z.string().max(40),
  text: z.string().max(4000),
  box: z.object({
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1),
    width: z.number().min(0).max(1),
    height: z.number().min(0).max(1),
  }),
});
export type PageCode = z.infer<typeof pageCodeSchema>;
