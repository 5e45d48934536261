import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { journalEntrySchema, type JournalEntry } from '../../src-shared/audit/journal-entry';
import type { Clock } from '../platform/clock';
import type { JsonStore } from '../services/store/json-store';

export const mainJournalDocumentSchema = z.object({
  /** Set when the first entry is written; see JournalEntry.journal. */
  id: z.string().optional(),
  next: z.number().int().positive().default(1),
  /** Entries the audit trail has not yet confirmed it holds. */
  entries: z.array(journalEntrySchema).default([]),
});

/** Who made a change: the signed-in user, or the one the CLI or first run names. */
export interface JournalAuthor {
  userId: string;
  displayName?: string;
}

/**
 * Main's side of the audit trail. The trail lives in the renderer's IndexedDB, but main's
 * own stores change without the renderer (the CLI, a window that closes before it writes):
 * each change is journaled here by the handler that makes it, before its caller is answered,
 * and the renderer drains the journal into the chain, confirming what it holds (as a capture
 * run's pages are). An entry leaves only once confirmed, so none is lost; the renderer
 * remembers the last seq it added, so none is doubled.
 */
export function createMainJournal(store: JsonStore<z.infer<typeof mainJournalDocumentSchema>>, clock: Clock) {
  return {
    record(
      author: JournalAuthor,
      action: JournalEntry['action'],
      change: { before?: unknown; after?: unknown },
    ): JournalEntry {
      const document = store.read();
      const id = document.id ?? randomUUID();
      const entry: JournalEntry = {
        journal: id,
        seq: document.next,
        at: clock(),
        userId: author.userId,
        ...(author.displayName ? { userName: author.displayName } : {}),
        action,
        ...(change.before !== undefined ? { before: change.before } : {}),
        ...(change.after !== undefined ? { after: change.after } : {}),
      };
      store.write({ id, next: document.next + 1, entries: [...document.entries, entry] });
      return entry;
    },
    /** What the trail does not hold yet, oldest first. */
    pending(): JournalEntry[] {
      return store.read().entries;
    },
    /** The trail holds every entry up to `seq`: they leave the journal. */
    confirm(seq: number): void {
      const document = store.read();
      store.write({ ...document, entries: document.entries.filter((entry) => entry.seq > seq) });
    },
  };
}
export type MainJournal = ReturnType<typeof createMainJournal>;
