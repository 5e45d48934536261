import type { Database, Queryable } from './db/database';

/**
 * Central's own journal: what its administrator did and what Central decided that no
 * station's trail shows (enrolment codes made, scopes changed, stations revoked,
 * revocations recorded and annulled). Appended in the transaction of the change it records.
 */
export function createJournal(db: Database, clock: () => Date) {
  return {
    async append(
      tx: Queryable,
      entry: { actor: string; action: string; subject: string; detail: unknown },
    ): Promise<void> {
      await tx.query('INSERT INTO journal (at, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5)', [
        clock(),
        entry.actor,
        entry.action,
        entry.subject,
        JSON.stringify(entry.detail),
      ]);
    },

    /** The newest entries first. */
    async list(limit = 500) {
      const rows = await db.query<{
        at: Date;
        actor: string;
        action: string;
        subject: string;
        detail: unknown;
      }>('SELECT at, actor, action, subject, detail FROM journal ORDER BY id DESC LIMIT $1', [limit]);
      return rows.map((row) => ({ ...row, at: new Date(row.at).toISOString() }));
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;
