import type { z } from 'zod';
import { auditHash, GENESIS_HASH, verifyAuditChain } from '../src-shared/audit/audit-chain';
import type { auditEntrySchema } from '../src-shared/central/central-api';
import type { Database, Queryable } from './db/database';
import type { Journal } from './journal';
import { CentralError } from './http/central-error';

type Entry = z.output<typeof auditEntrySchema>;

/** Entries in a page of a station's trail as the administrator reads it. */
const AUDIT_PAGE = 100;

/**
 * Each station's audit trail, continued only where it left off: an entry is taken when its
 * hash is right and it links to the last one Central holds. Entries sent again are checked
 * against what is stored (the same, or the station's trail was rewritten) and skipped.
 */
export function createAuditStore(db: Database, journal: Journal) {
  /** A restore's entry links to an entry Central holds: the trail as the backup had it. */
  const forksHere = async (tx: Queryable, stationId: string, entry: Entry) => {
    if (entry.seq === 1) return entry.prevHash === GENESIS_HASH;
    const [before] = await tx.query<{ hash: string }>(
      'SELECT hash FROM audit_entries WHERE station_id = $1 AND seq = $2',
      [stationId, entry.seq - 1],
    );
    return before?.hash === entry.prevHash;
  };

  /**
   * The station was restored from a backup older than what its lost PC had sent: its trail
   * goes on from the backup. The entries after that point are moved aside (kept, journaled),
   * never deleted, and the restore's entry takes their place.
   */
  const fork = async (tx: Queryable, stationId: string, entry: Entry) => {
    const moved = await tx.query<{ entry: unknown }>(
      'SELECT entry FROM audit_entries WHERE station_id = $1 AND seq >= $2 ORDER BY seq',
      [stationId, entry.seq],
    );
    await tx.query('INSERT INTO audit_forks (station_id, at, from_seq, entries) VALUES ($1, now(), $2, $3)', [
      stationId,
      entry.seq,
      JSON.stringify(moved.map((row) => row.entry)),
    ]);
    await tx.query('DELETE FROM audit_entries WHERE station_id = $1 AND seq >= $2', [stationId, entry.seq]);
    await tx.query('INSERT INTO audit_entries (station_id, seq, hash, entry) VALUES ($1, $2, $3, $4)', [
      stationId,
      entry.seq,
      entry.hash,
      JSON.stringify(entry),
    ]);
    await journal.append(tx, {
      actor: `station:${stationId}`,
      action: 'audit.forked',
      subject: stationId,
      detail: { fromSeq: entry.seq, movedEntries: moved.length, restore: entry.after ?? null },
    });
  };

  const headOf = async (stationId: string) =>
    (
      await db.query<{ seq: number; hash: string }>(
        'SELECT seq, hash FROM audit_entries WHERE station_id = $1 ORDER BY seq DESC LIMIT 1',
        [stationId],
      )
    )[0] ?? { seq: 0, hash: GENESIS_HASH };

  return {
    /**
     * A page of a station's trail for Central's administrator, newest first; with `verify` the
     * whole trail as stored is checked again (a row edited in the database shows here).
     */
    async read(stationId: string, { offset = 0, verify = false }: { offset?: number; verify?: boolean }) {
      const [station] = await db.query<{ total: number }>(
        'SELECT (SELECT count(*)::int FROM audit_entries WHERE station_id = $1) AS total FROM stations WHERE id = $1',
        [stationId],
      );
      if (!station) throw new CentralError('notFound', 'no such station');
      const rows = await db.query<{ entry: Entry }>(
        `SELECT entry FROM audit_entries WHERE station_id = $1 ORDER BY seq DESC LIMIT ${AUDIT_PAGE + 1} OFFSET $2`,
        [stationId, offset],
      );
      const forks = await db.query<{ at: Date; from_seq: number; set_aside: number }>(
        `SELECT at, from_seq, jsonb_array_length(entries)::int AS set_aside
           FROM audit_forks WHERE station_id = $1 ORDER BY at DESC`,
        [stationId],
      );
      const all = verify
        ? await db.query<{ entry: Entry }>(
            'SELECT entry FROM audit_entries WHERE station_id = $1 ORDER BY seq',
            [stationId],
          )
        : null;
      return {
        total: station.total,
        entries: rows.slice(0, AUDIT_PAGE).map((row) => row.entry),
        next: rows.length > AUDIT_PAGE ? offset + AUDIT_PAGE : null,
        forks: forks.map((fork) => ({
          at: new Date(fork.at).toISOString(),
          fromSeq: fork.from_seq,
          setAside: fork.set_aside,
        })),
        verification: all ? verifyAuditChain(all.map((row) => row.entry)) : null,
      };
    },

    head: async (stationId: string) => {
      const head = await headOf(stationId);
      return { seq: head.seq, hash: head.seq ? head.hash : '' };
    },

    async append(stationId: string, entries: readonly Entry[]) {
      return db.transaction(async (tx) => {
        let head = (
          await tx.query<{ seq: number; hash: string }>(
            'SELECT seq, hash FROM audit_entries WHERE station_id = $1 ORDER BY seq DESC LIMIT 1 FOR UPDATE',
            [stationId],
          )
        )[0] ?? { seq: 0, hash: GENESIS_HASH };
        for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
          if (auditHash(entry) !== entry.hash) {
            throw new CentralError('auditBroken', `audit entry ${entry.seq} does not match its hash`, {
              seq: entry.seq,
            });
          }
          if (entry.seq <= head.seq) {
            const [stored] = await tx.query<{ hash: string }>(
              'SELECT hash FROM audit_entries WHERE station_id = $1 AND seq = $2',
              [stationId, entry.seq],
            );
            if (
              stored?.hash !== entry.hash &&
              entry.action === 'restore' &&
              (await forksHere(tx, stationId, entry))
            ) {
              await fork(tx, stationId, entry);
              head = { seq: entry.seq, hash: entry.hash };
              continue;
            }
            if (stored?.hash !== entry.hash) {
              throw new CentralError(
                'auditBroken',
                `audit entry ${entry.seq} differs from the one Central holds`,
                {
                  seq: entry.seq,
                },
              );
            }
            continue;
          }
          if (entry.seq !== head.seq + 1 || entry.prevHash !== head.hash) {
            throw new CentralError(
              'auditBroken',
              `audit entry ${entry.seq} does not follow entry ${head.seq}`,
              {
                expected: head.seq + 1,
              },
            );
          }
          await tx.query('INSERT INTO audit_entries (station_id, seq, hash, entry) VALUES ($1, $2, $3, $4)', [
            stationId,
            entry.seq,
            entry.hash,
            JSON.stringify(entry),
          ]);
          head = { seq: entry.seq, hash: entry.hash };
        }
        return { seq: head.seq, hash: head.seq ? head.hash : '' };
      });
    },
  };
}
