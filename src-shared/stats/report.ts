import { z } from 'zod';

const line = z.object({
  key: z.string(),
  name: z.string(),
  inventory: z.number().int().nonnegative(),
  digitized: z.number().int().nonnegative(),
  share: z.number().nonnegative().nullable(),
});

/**
 * The progress report as the dashboard computed it, for the Office's periodic report: main
 * formats it (XLSX, PDF in Vietnamese); the figures come from the station's database.
 */
export const progressReportDataSchema = z
  .object({
    agencyName: z.string().max(200),
    stationName: z.string().max(200),
    /** yyyy-mm-dd */
    today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    generatedBy: z.string().max(200),
    overall: line,
    target: z.object({ date: z.string(), share: z.number(), met: z.boolean().nullable() }).nullable(),
    byDepartment: z.array(line).max(500),
    byProcedure: z.array(line).max(2000),
    bucket: z.enum(['day', 'week', 'month']),
    activity: z
      .array(
        z.object({
          bucket: z.string(),
          clerk: z.string(),
          records: z.number().int(),
          pages: z.number().int(),
        }),
      )
      .max(5000),
    rejectionRate: z.number().min(0).max(1).nullable(),
    syncBacklog: z.object({ records: z.number().int(), bytes: z.number().int() }),
    reuse: z.number().int().nonnegative(),
    expiringSoon: z
      .array(z.object({ code: z.string(), ownerName: z.string(), expiryDate: z.string() }))
      .max(5000),
  })
  .strict();
export type ProgressReportData = z.infer<typeof progressReportDataSchema>;

/** A share as a progress bar's percent (0–100, one decimal; over 100 % shows full, none as 0). */
export const sharePercent = (share: number | null): number =>
  share === null ? 0 : Math.round(Math.min(1, share) * 1000) / 10;

/** "45,3 %", as the report writes shares; "—" where there is no inventory to divide by. */
export const formatShare = (share: number | null): string =>
  share === null ? '—' : `${(share * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
