import { z } from 'zod';

/** Clerks capture and index, supervisors review, admins run the station. */
export const ROLES = ['clerk', 'supervisor', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const hasAnyRole = (userRoles: readonly Role[], required: readonly Role[]): boolean =>
  required.some((role) => userRoles.includes(role));
