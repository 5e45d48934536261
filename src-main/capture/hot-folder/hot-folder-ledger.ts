import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * What the hot folder has already taken, by SHA-256 of the file's content. A file whose
 * content is in the ledger is never imported again, whatever its name and whenever it
 * reappears: after a restart, or after a crash between importing it and moving it away.
 */
const ledgerSchema = z.object({
  version: z.literal(1),
  taken: z.record(z.string(), z.object({ name: z.string(), at: z.string() })),
});
type Ledger = z.infer<typeof ledgerSchema>;

export const LEDGER_FILE = '.sohoa-hot-folder.json';

export async function openLedger(folder: string) {
  const path = join(folder, LEDGER_FILE);
  let ledger: Ledger;
  try {
    ledger = ledgerSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    ledger = { version: 1, taken: {} };
  }
  return {
    has: (sha256: string) => Object.hasOwn(ledger.taken, sha256),
    async record(sha256: string, name: string) {
      ledger.taken[sha256] = { name, at: new Date().toISOString() };
      await writeFile(`${path}.tmp`, JSON.stringify(ledger));
      await rename(`${path}.tmp`, path);
    },
  };
}
