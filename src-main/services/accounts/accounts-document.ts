import { z } from 'zod';
import { accountSummarySchema } from '../../../src-shared/domain/account';

/**
 * accounts.json: the station's local users — what the renderer may see, plus what only main
 * keeps. Password hashes are salted scrypt, never reversible.
 */
export const storedAccountSchema = accountSummarySchema.extend({
  passwordHash: z.string(),
  failedLogins: z.number().int().min(0),
  updatedAt: z.number(),
  passwordChangedAt: z.number(),
});
export type StoredAccount = z.infer<typeof storedAccountSchema>;

export const accountsDocumentSchema = z.object({
  version: z.literal(1).default(1),
  accounts: z.array(storedAccountSchema).default([]),
});
export type AccountsDocument = z.infer<typeof accountsDocumentSchema>;
