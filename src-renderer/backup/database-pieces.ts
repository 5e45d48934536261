import type { BlobRef, Piece } from '../../src-shared/backup/backup-manifest';
import type { StationDb } from '../db/station-db';

/**
 * IndexedDB as backup pieces. All tables are read in one read-only transaction: the backup
 * is the database at one moment, whatever is being scanned or signed meanwhile. Rows go
 * into chunks of JSON, their Blobs out into pieces of their own; chunk boundaries follow
 * the rows' keys (a row whose key hashes to 0 mod 16 ends a chunk), so a new or changed
 * row changes one chunk and the rest are already in the folder.
 */
export interface Chunk {
  table: string;
  sha256: string;
  bytes: Uint8Array<ArrayBuffer>;
}
export interface BlobPiece extends Piece {
  blob: Blob;
}
export interface DatabasePieces {
  schemaVersion: number;
  tables: Record<string, { rows: number; chunks: Chunk[] }>;
  blobs: BlobPiece[];
  counts: { records: number; pages: number };
}

/** Blobs whose SHA-256 their row already holds (computed by main when it made them). */
const KNOWN_SHA256: Record<string, Record<string, string>> = {
  pages: { image: 'sha256' },
  originals: { data: 'sha256' },
  documents: { pdf: 'sha256' },
};

const MAX_CHUNK_CHARS = 4 * 1024 * 1024;

export const hex = (buffer: ArrayBuffer) =>
  [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');

export const sha256Hex = async (bytes: BufferSource) => hex(await crypto.subtle.digest('SHA-256', bytes));

/** FNV-1a: a cheap, stable hash of a row's key, for chunk boundaries only. */
function keyHash(key: unknown): number {
  const text = JSON.stringify(key) ?? '';
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export async function readDatabase(db: StationDb): Promise<Map<string, unknown[]>> {
  const tables = new Map<string, unknown[]>();
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) tables.set(table.name, await table.toArray());
  });
  return tables;
}

export async function databasePieces(db: StationDb): Promise<DatabasePieces> {
  const read = await readDatabase(db);
  const blobs = new Map<string, BlobPiece>();
  const encoder = new TextEncoder();
  const tables: DatabasePieces['tables'] = {};

  for (const table of db.tables) {
    const rows = read.get(table.name) ?? [];
    const keyPath = table.schema.primKey.keyPath as string;
    const known = KNOWN_SHA256[table.name] ?? {};
    const chunks: Chunk[] = [];
    let current: string[] = [];
    let chars = 0;
    const close = async () => {
      if (current.length === 0) return;
      const bytes = encoder.encode(`[${current.join(',')}]`);
      chunks.push({ table: table.name, sha256: await sha256Hex(bytes), bytes });
      current = [];
      chars = 0;
    };
    for (const row of rows as Record<string, unknown>[]) {
      const refs = new Map<Blob, BlobRef>();
      for (const [field, value] of Object.entries(row)) {
        if (!(value instanceof Blob)) continue;
        const shaField = known[field];
        const sha256 =
          shaField && typeof row[shaField] === 'string'
            ? (row[shaField] as string)
            : await sha256Hex(await value.arrayBuffer());
        refs.set(value, { $blob: { sha256, type: value.type, size: value.size } });
        if (!blobs.has(sha256)) blobs.set(sha256, { sha256, bytes: value.size, blob: value });
      }
      const text = JSON.stringify(row, (key, value: unknown) => {
        if (!(value instanceof Blob)) return value;
        const ref = refs.get(value);
        // Blobs live in a row's own fields; one deeper would be lost, so it stops the backup.
        if (!ref) throw new Error(`${table.name}: a Blob in ${key} is not a field of its row`);
        return ref;
      });
      current.push(text);
      chars += text.length;
      if (keyHash(row[keyPath]) % 16 === 0 || chars > MAX_CHUNK_CHARS) await close();
    }
    await close();
    tables[table.name] = { rows: rows.length, chunks };
  }
  return {
    schemaVersion: db.verno,
    tables,
    blobs: [...blobs.values()],
    counts: { records: read.get('records')?.length ?? 0, pages: read.get('pages')?.length ?? 0 },
  };
}
