import { z } from 'zod';
import { roleSchema } from '../../../src-shared/domain/roles';

/** accounts.json: the station's local users. Password hashes are salted scrypt, never reversible. */
export const storedAccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema).min(1),
  passwordHash: z.string(),
  disabled: z.boolean(),
  failedLogins: z.number().int().min(0),
  lockedUntil: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  lastLoginAt: z.number().nullable(),
  passwordChangedAt: z.number(),
});
export type StoredAccount = z.infer<typeof storedAccountSchema>;

export const accountsDocumentSchema = z.object({
  version: z.literal(1).default(1),
  accounts: z.array(storedAccountSchema).default([]),
});
export type AccountsDocument = z.infer<typeof accountsDocumentSchema>;
