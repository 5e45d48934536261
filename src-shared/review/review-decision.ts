import { z } from 'zod';

/** Why a supervisor sends a record back (a list to pick from, then free text). */
export const REJECT_REASONS = [
  'pagesMissing',
  'imageQuality',
  'wrongFields',
  'wrongProcedure',
  'duplicate',
  'notValid',
  'signature',
  'other',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const rejectReasonSchema = z
  .object({ code: z.enum(REJECT_REASONS), text: z.string().trim().max(500).default('') })
  .strict()
  .refine((reason) => reason.code !== 'other' || reason.text.length > 0, 'reasonText');

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * What main attests when it hands back a signed file (finalize.end): this code, this
 * content, signed by this user at this time. The review channel trusts who finalized a
 * record only from such an attestation, never from the renderer's word.
 */
export const finalizeAttestationSchema = z
  .object({
    kind: z.literal('finalized'),
    code: z.string().min(1).max(64),
    sha256: sha256Schema,
    by: z.string().min(1),
    at: z.number().int(),
  })
  .strict();
export type FinalizeAttestation = z.infer<typeof finalizeAttestationSchema>;

/** A supervisor's decision on one record as main attests it; sync sends only approved ones. */
export const decisionAttestationSchema = z
  .object({
    kind: z.enum(['approved', 'rejected']),
    code: z.string().min(1).max(64),
    sha256: sha256Schema,
    by: z.string().min(1),
    at: z.number().int(),
    reason: z.object({ code: z.enum(REJECT_REASONS), text: z.string() }).optional(),
  })
  .strict();
export type DecisionAttestation = z.infer<typeof decisionAttestationSchema>;

/** One record put before main for a decision: its file and who the station says captured it. */
export const reviewItemSchema = z
  .object({
    code: z.string().min(1).max(64),
    sha256: sha256Schema,
    capturedBy: z.string().min(1),
    /** The token finalize.end gave for this file. */
    finalized: z.string().min(1).max(4096),
  })
  .strict();
export type ReviewItem = z.infer<typeof reviewItemSchema>;
