import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The little Central needs of a SQL database, so PostgreSQL and embedded PGlite are interchangeable. */
export interface Queryable {
  query<T extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `work` in one transaction: all of it is stored, or none. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A real PostgreSQL server (DATABASE_URL). */
export function postgresDatabase(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  return {
    kind: 'postgres',
    async query(sql, params) {
      return (await pool.query(sql, params)).rows;
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: async (sql, params) => (await client.query(sql, params)).rows });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Embedded PGlite (PostgreSQL in WebAssembly) in a folder: the default, nothing to set up. */
export async function pgliteDatabase(dir: string): Promise<Database> {
  const db = await PGlite.create(dir);
  return {
    kind: 'pglite',
    async query(sql, params) {
      return (await db.query(sql, params)).rows as never;
    },
    transaction: (work) =>
      db.transaction((tx) =>
        work({ query: async (sql, params) => (await tx.query(sql, params)).rows as never }),
      ),
    close: () => db.close(),
  };
}
