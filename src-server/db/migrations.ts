import type { Database, Queryable } from './database';

/**
 * The schema's history, appended to and never edited: each runs once, recorded in
 * schema_migrations; those pending run in one transaction (all or none), one process at a time.
 */
const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE stations (
        id uuid PRIMARY KEY,
        number text NOT NULL,
        name text NOT NULL,
        secret_hash text NOT NULL,
        enrolled_at timestamptz NOT NULL,
        revoked_at timestamptz
      );
      CREATE TABLE enrolments (
        code_hash text PRIMARY KEY,
        note text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        station_id uuid REFERENCES stations (id)
      );
      CREATE TABLE records (
        server_id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE,
        sha256 text NOT NULL,
        bytes bigint NOT NULL,
        station_id uuid NOT NULL REFERENCES stations (id),
        meta jsonb NOT NULL,
        owner_id text,
        document_number text,
        procedure_code text,
        department_code text,
        pages integer NOT NULL,
        supersedes text,
        superseded_by text,
        stored_at timestamptz NOT NULL
      );
      CREATE INDEX records_owner ON records (owner_id);
      CREATE INDEX records_document ON records (document_number);
      CREATE TABLE uploads (
        id uuid PRIMARY KEY,
        station_id uuid NOT NULL REFERENCES stations (id),
        code text NOT NULL,
        sha256 text NOT NULL,
        bytes bigint NOT NULL,
        meta jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (station_id, code, sha256)
      );
      CREATE TABLE audit_entries (
        station_id uuid NOT NULL REFERENCES stations (id),
        seq integer NOT NULL,
        hash text NOT NULL,
        entry jsonb NOT NULL,
        PRIMARY KEY (station_id, seq)
      );
    `,
  },
  {
    // v2: revocations beside the records they end (the file is never touched), and the
    // offices' inventory counts, the denominator of progress across stations.
    version: 2,
    sql: `
      ALTER TABLE records ADD COLUMN revocation jsonb;
      CREATE TABLE inventory_counts (
        station_id uuid NOT NULL REFERENCES stations (id),
        entry_id integer NOT NULL,
        department_code text NOT NULL,
        procedure_code text NOT NULL,
        count integer NOT NULL,
        counted_at text NOT NULL,
        entered_by text NOT NULL,
        entered_at timestamptz NOT NULL,
        PRIMARY KEY (station_id, entry_id)
      );
      CREATE INDEX inventory_counts_pair ON inventory_counts (department_code, procedure_code, counted_at);
    `,
  },
  {
    // v3 (trust no station more than it must): each station's departments and read scope,
    // set by the administrator at enrolment; signed revocations with who made them, and
    // annulments; the access log of personal-data reads; Central's own journal; uploads
    // touched when a chunk arrives, so the abandoned ones can be swept.
    version: 3,
    sql: `
      ALTER TABLE stations ADD COLUMN departments text[] NOT NULL DEFAULT '{}';
      ALTER TABLE stations ADD COLUMN read_scope text NOT NULL DEFAULT 'department';
      ALTER TABLE enrolments ADD COLUMN departments text[] NOT NULL DEFAULT '{}';
      ALTER TABLE enrolments ADD COLUMN read_scope text NOT NULL DEFAULT 'department';
      CREATE INDEX records_department ON records (department_code);
      ALTER TABLE uploads ADD COLUMN touched_at timestamptz;
      UPDATE uploads SET touched_at = created_at;
      ALTER TABLE uploads ALTER COLUMN touched_at SET NOT NULL;
      CREATE INDEX uploads_touched ON uploads (touched_at);
      CREATE TABLE revocations (
        id uuid PRIMARY KEY,
        code text NOT NULL REFERENCES records (code),
        revocation jsonb NOT NULL,
        station_id uuid REFERENCES stations (id),
        signer text NOT NULL,
        signature text NOT NULL,
        recorded_at timestamptz NOT NULL,
        annulled_at timestamptz,
        annul_reason text
      );
      CREATE UNIQUE INDEX revocations_standing ON revocations (code) WHERE annulled_at IS NULL;
      CREATE TABLE access_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        station_id uuid REFERENCES stations (id),
        user_name text NOT NULL,
        action text NOT NULL,
        query jsonb NOT NULL,
        code text,
        owner_id text
      );
      CREATE INDEX access_log_owner ON access_log (owner_id, at);
      CREATE INDEX access_log_station ON access_log (station_id, at);
      CREATE TABLE journal (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        subject text NOT NULL,
        detail jsonb NOT NULL
      );
    `,
  },
  {
    // v4: a station restored from a backup continues its trail from the backup's last entry;
    // the entries its lost PC had sent after that point are kept here, not dropped.
    version: 4,
    sql: `
      CREATE TABLE audit_forks (
        id bigserial PRIMARY KEY,
        station_id uuid NOT NULL,
        at timestamptz NOT NULL,
        from_seq integer NOT NULL,
        entries jsonb NOT NULL
      );
      CREATE INDEX audit_forks_station ON audit_forks (station_id, at)
    `,
  },
  {
    // The one-stop dossier code as a lookup key (issue 16), filled from the records' fields.
    version: 5,
    sql: `
      ALTER TABLE records ADD COLUMN dossier_code text;
      UPDATE records SET dossier_code = upper(meta->'fields'->>'dossierCode') WHERE meta->'fields' ? 'dossierCode';
      CREATE INDEX records_dossier ON records (dossier_code)
    `,
  },
  {
    // Issue 17: API clients of other systems (client credentials, scopes, their own rate), the
    // access log naming the client and its purpose, and the change feed partners pull, filled
    // with what happened before it existed (stored, replaced, revoked), in the order it happened.
    version: 6,
    sql: `
      CREATE TABLE api_clients (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        secret_hash text NOT NULL,
        scopes text[] NOT NULL,
        rate_per_minute integer NOT NULL,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz
      );
      ALTER TABLE access_log ADD COLUMN client_id uuid REFERENCES api_clients (id);
      ALTER TABLE access_log ADD COLUMN purpose text;
      CREATE INDEX access_log_client ON access_log (client_id, at);
      CREATE TABLE changes (
        seq bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        kind text NOT NULL,
        code text NOT NULL REFERENCES records (code)
      );
      INSERT INTO changes (at, kind, code)
        SELECT at, kind, code FROM (
          SELECT stored_at AS at, 'stored' AS kind, code, 0 AS step FROM records
          UNION ALL
          SELECT later.stored_at, 'replaced', earlier.code, 1 FROM records earlier
            JOIN records later ON later.code = earlier.superseded_by
          UNION ALL
          SELECT recorded_at, 'revoked', code, 2 FROM revocations WHERE annulled_at IS NULL
        ) history ORDER BY at, step, code
    `,
  },
  {
    // Uploads staged in the database (several Central processes over one PostgreSQL): each
    // chunk a row, gone with its upload.
    version: 7,
    sql: `
      CREATE TABLE upload_chunks (
        upload_id uuid NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
        position bigint NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (upload_id, position)
      )
    `,
  },
  {
    // A scanned record does not compress: PostgreSQL's attempt cost 14 of an upload chunk's
    // 21 ms a megabyte (bench/central), so chunks are stored as they are.
    version: 8,
    sql: `ALTER TABLE upload_chunks ALTER COLUMN data SET STORAGE EXTERNAL`,
  },
  {
    // A correction may arrive before the record it corrects: the original is then found by its
    // code among the corrections' (indexed), and one that arrived so before this was mended is
    // marked replaced now, the feed told.
    version: 9,
    sql: `
      CREATE INDEX records_supersedes ON records (supersedes) WHERE supersedes IS NOT NULL;
      WITH mended AS (
        UPDATE records original SET superseded_by = correction.code
          FROM records correction
         WHERE correction.supersedes = original.code AND original.superseded_by IS NULL
        RETURNING original.code
      )
      INSERT INTO changes (at, kind, code) SELECT now(), 'replaced', code FROM mended ORDER BY code
    `,
  },
];

/** Any number, the same in every process: Central processes starting together migrate one after the other. */
const MIGRATION_LOCK = 160_016;

export async function migrate(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    return migrateLocked(tx);
  });
}

async function migrateLocked(db: Queryable): Promise<number> {
  await db.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)',
  );
  const applied = new Set(
    (await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => row.version),
  );
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    for (const statement of migration.sql
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean))
      await db.query(statement);
    await db.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, now())', [
      migration.version,
    ]);
  }
  return MIGRATIONS.at(-1)!.version;
}
