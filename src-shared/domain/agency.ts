import { z } from 'zod';

/** Agency electronic identifier (Decision 20/2020/QĐ-TTg), e.g. 000.00.12.H20. Data, never hard-coded. */
export const AGENCY_ID_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
export const agencyIdSchema = z.string().trim().toUpperCase().regex(AGENCY_ID_PATTERN, 'agencyId');

export const departmentSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{1,12}$/, 'departmentCode'),
  name: z.string().trim().min(1).max(160),
});
export type Department = z.infer<typeof departmentSchema>;
