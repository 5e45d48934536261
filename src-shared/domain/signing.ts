import { z } from 'zod';

/** The station's signing device as the UI sees it (the key never leaves main or the token). */
export const signingStatusSchema = z.object({
  method: z.enum(['none', 'pkcs11', 'pkcs12']),
  unlocked: z.boolean(),
  signer: z
    .object({ name: z.string(), organization: z.string(), issuer: z.string(), validTo: z.string() })
    .nullable(),
});
export type SigningStatus = z.infer<typeof signingStatusSchema>;

export const tokenSummarySchema = z.object({
  label: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  serial: z.string(),
  pin: z.object({ countLow: z.boolean(), finalTry: z.boolean(), locked: z.boolean() }),
  certificates: z.array(
    z.object({ id: z.string(), label: z.string(), commonName: z.string(), notAfter: z.string() }),
  ),
});

export const CHAIN_STATUSES = ['trusted', 'untrusted', 'expired', 'notYetValid', 'broken'] as const;

/** What verification says about one signature of a PDF (src-main/signing/verify-pdf.ts). */
export const signatureVerificationSchema = z.object({
  signer: z
    .object({
      name: z.string(),
      organization: z.string(),
      issuer: z.string(),
      serial: z.string(),
      validFrom: z.string(),
      validTo: z.string(),
    })
    .nullable(),
  claimedTime: z.string().nullable(),
  timestamp: z.object({ time: z.string(), valid: z.boolean(), authority: z.string() }).nullable(),
  subFilter: z.string(),
  intact: z.boolean(),
  coversWholeFile: z.boolean(),
  chain: z.object({ status: z.enum(CHAIN_STATUSES), path: z.array(z.string()) }),
  problem: z.string().optional(),
});

export const documentVerificationSchema = z.object({
  signatures: z.array(signatureVerificationSchema),
  changedAfterSigning: z.boolean(),
  valid: z.boolean(),
});
export type DocumentVerification = z.infer<typeof documentVerificationSchema>;
