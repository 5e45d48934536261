import type { Change } from '../../src-shared/central/partner-api';
import type { Database, Queryable } from '../db/database';
import type { RecordRow } from './record-row';

/** Any number, the same in every process: the advisory lock that orders the feed. */
const FEED_LOCK = 160_017;
/** Changes given at most in one answer. */
export const CHANGES_PAGE = 500;

/**
 * The change feed partners pull (`GET /v1/changes?after=`): each result stored, revoked,
 * replaced by a correction or reinstated, in one sequence. A change is appended in the
 * transaction of what it records, under a transaction-scoped advisory lock, so changes commit
 * in the order of their numbers: a reader that saw number n can never later find a smaller
 * one it missed (two Central processes, one PostgreSQL). Read again from the same position,
 * the feed gives the same changes: a partner that keeps its position takes each change once.
 */
export function createChanges(db: Database) {
  return {
    async append(tx: Queryable, kind: Change['kind'], code: string, at: Date): Promise<void> {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
      await tx.query('INSERT INTO changes (at, kind, code) VALUES ($1, $2, $3)', [at, kind, code]);
    },

    async after(after: number, limit = CHANGES_PAGE) {
      const rows = await db.query<RecordRow & { seq: string; change_at: Date; kind: Change['kind'] }>(
        `SELECT c.seq, c.at AS change_at, c.kind, r.* FROM changes c JOIN records r ON r.code = c.code
          WHERE c.seq > $1 ORDER BY c.seq LIMIT $2`,
        [after, Math.min(limit, CHANGES_PAGE) + 1],
      );
      const page = rows.slice(0, Math.min(limit, CHANGES_PAGE));
      return {
        rows: page,
        changes: page.map((row): Change => ({
          seq: Number(row.seq),
          kind: row.kind,
          code: row.code,
          at: new Date(row.change_at).toISOString(),
          meta: row.meta,
          supersededBy: row.superseded_by,
          revoked: row.revocation !== null,
        })),
        next: page.length ? Number(page.at(-1)!.seq) : after,
        more: rows.length > page.length,
      };
    },
  };
}

export type Changes = ReturnType<typeof createChanges>;
