import { z } from 'zod';
import { AUDIT_ACTIONS } from './audit-chain';

/**
 * One change main made (an account, the catalogue, a profile, the settings, the enrolment),
 * as main journals it and the renderer adds it to the audit trail.
 */
export const journalEntrySchema = z.object({
  /** The journal's own id: a journal started afresh (a new data folder) numbers from 1 again. */
  journal: z.string().min(1),
  seq: z.number().int().positive(),
  at: z.number().int(),
  userId: z.string(),
  userName: z.string().optional(),
  action: z.enum(AUDIT_ACTIONS),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;
