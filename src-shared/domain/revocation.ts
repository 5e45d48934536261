import { z } from 'zod';
import { canonicalJson } from '../encoding/canonical-json';

/**
 * A result revoked (thu hồi) by a later decision of its issuing agency. The signed file is
 * never touched: the revocation is a fact recorded beside it, from a date on, which makes
 * the result no longer valid (DOMAIN.md: valid, expired, revoked, replaced).
 */
export const revocationSchema = z
  .object({
    /** yyyy-mm-dd: from this day the result no longer holds. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date'),
    /** Number and symbol of the decision that revoked it, e.g. `12/QĐ-SLĐTBXH`. */
    documentNumber: z.string().trim().min(1).max(60),
    reason: z.string().trim().min(1).max(500),
  })
  .strict();
export type Revocation = z.infer<typeof revocationSchema>;

/** A revocation as recorded: who recorded it (a supervisor) and when. */
export const recordedRevocationSchema = revocationSchema.extend({
  by: z.string().min(1).max(200),
  at: z.number().int(),
});
export type RecordedRevocation = z.infer<typeof recordedRevocationSchema>;

/**
 * The bytes a revocation's signature covers: which result, from when, by which decision, why,
 * who recorded it and when, in canonical JSON named as a revocation. The supervisor's signing
 * device signs it at the station; SoHoa Central checks it against its trust store.
 */
export const revocationStatement = (code: string, revocation: RecordedRevocation): string =>
  canonicalJson({
    kind: 'sohoa.revocation.v1',
    code,
    date: revocation.date,
    documentNumber: revocation.documentNumber,
    reason: revocation.reason,
    by: revocation.by,
    at: revocation.at,
  });

/**
 * What main attests when a supervisor revokes a result: the sync sends a revocation to
 * SoHoa Central only with such a token, so a clerk's session cannot make one up.
 */
export const revocationAttestationSchema = recordedRevocationSchema
  .extend({
    kind: z.literal('revoked'),
    code: z.string().min(1).max(64),
    /** The detached CMS signature (base64) the supervisor's device made over its statement. */
    signature: z
      .string()
      .min(1)
      .max(32 * 1024),
  })
  .strict();
export type RevocationAttestation = z.infer<typeof revocationAttestationSchema>;

/** Whether a revocation holds on a day (yyyy-mm-dd): from its date on, not before. */
export const isRevokedOn = (revocation: Pick<Revocation, 'date'> | undefined, day: string): boolean =>
  revocation !== undefined && revocation.date <= day;
