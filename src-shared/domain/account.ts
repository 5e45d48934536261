import { z } from 'zod';
import { roleSchema } from './roles';

/** Lower-case ASCII so that a clerk types the same name on any keyboard layout. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, 'username');

export const displayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .transform((name) => name.normalize('NFC'));

export const passwordSchema = z.string().min(1).max(256);

export const accountSummarySchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema).min(1),
  disabled: z.boolean(),
  lockedUntil: z.number().nullable(),
  createdAt: z.number(),
  lastLoginAt: z.number().nullable(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const sessionInfoSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  idleTimeoutMinutes: z.number(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;
