import { z } from 'zod';
import { backupStatusSchema } from '../../src-shared/backup/backup-manifest';

/**
 * The station's own record of its backup set (`backup.json` in the data folder): which set,
 * its data key sealed in the secret box, the key wrapped under the recovery passphrase (so
 * a set folder made later gets the same header), and how the last backup went.
 */
export const backupDocumentSchema = z.object({
  setId: z.string().optional(),
  sealedKey: z.string().optional(),
  kdf: z
    .object({ name: z.literal('scrypt'), salt: z.string(), N: z.number(), r: z.number(), p: z.number() })
    .optional(),
  wrappedKey: z.string().optional(),
  last: backupStatusSchema.shape.last.default(null),
  lastSuccessAt: z.number().nullable().default(null),
});
export type BackupDocument = z.infer<typeof backupDocumentSchema>;
