import { db } from '../db/database';
import { station } from '../station/station';
import { appendAudit } from './audit-log';

/** The journal and seq of the last of main's entries the trail holds. */
const DRAINED_KEY = 'audit.journalDrained';

interface Drained {
  journal: string;
  seq: number;
}

/** Drains run one after another: each call reads the journal after the previous drain. */
let tail: Promise<unknown> = Promise.resolve();

/**
 * Adds the changes main journaled (accounts, catalogue, profiles, settings, enrolment) to the
 * audit trail, each with its own author and time, then confirms them to main. Each entry and
 * the note of how far the trail goes are stored together, so an entry added before a crash
 * is not added again when the journal, unconfirmed, offers it once more. Returns how many
 * entries it added.
 */
export function drainJournal(): Promise<number> {
  const drain = tail.then(drainOnce, drainOnce);
  tail = drain.catch(() => undefined);
  return drain;
}

async function drainOnce(): Promise<number> {
  const entries = await station.audit.journal({});
  let added = 0;
  for (const entry of entries) {
    await db.transaction('rw', db.audit, db.meta, async () => {
      const drained = (await db.meta.get(DRAINED_KEY))?.value as Drained | undefined;
      if (drained?.journal === entry.journal && entry.seq <= drained.seq) return;
      await appendAudit(
        entry.action,
        { before: entry.before, after: entry.after },
        { userId: entry.userId, ...(entry.userName ? { userName: entry.userName } : {}), at: entry.at },
      );
      await db.meta.put({ key: DRAINED_KEY, value: { journal: entry.journal, seq: entry.seq } });
      added += 1;
    });
  }
  const last = entries.at(-1);
  if (last) await station.audit.journalConfirm({ seq: last.seq });
  return added;
}

/**
 * After a screen changed something in main: its journal entry joins the trail now. A
 * failure here is not the change's (main has made and journaled it); the session's
 * periodic drain tries again.
 */
export const afterMainChange = (): Promise<unknown> => drainJournal().catch(() => 0);
