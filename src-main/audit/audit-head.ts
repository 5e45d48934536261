import { z } from 'zod';
import type { JsonStore } from '../services/store/json-store';

export const auditHeadDocumentSchema = z.object({
  seq: z.number().int().nonnegative().default(0),
  hash: z.string().default(''),
});

/**
 * The newest audit entry main has been shown: a witness outside IndexedDB. The trail lives
 * in the renderer; a chain cut short at its end leaves no gap, but it no longer reaches the
 * head main remembers. Main only ever moves the head forward.
 */
export function createAuditHead(store: JsonStore<z.infer<typeof auditHeadDocumentSchema>>) {
  return {
    read(): { seq: number; hash: string } | null {
      const head = store.read();
      return head.seq > 0 ? { seq: head.seq, hash: head.hash } : null;
    },
    advance(seq: number, hash: string): void {
      if (seq > store.read().seq) store.write({ seq, hash });
    },
  };
}
