import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type {
  CentralRecord,
  lookupQuerySchema,
  Receipt,
  RecordMeta,
  UploadState,
  uploadBeginSchema,
} from '../src-shared/central/central-api';
import type { RecordedRevocation } from '../src-shared/domain/revocation';
import type { Certificate } from '../src-node/signing/certificate';
import { verifyPdf } from '../src-node/signing/verify-pdf';
import { readRecordXmp } from '../src-node/pdf/record-xmp';
import type { BlobStore } from './blob-store';
import type { Database, Queryable } from './db/database';
import { CentralError } from './http/central-error';

interface RecordRow {
  server_id: string;
  code: string;
  sha256: string;
  bytes: string;
  station_id: string;
  meta: RecordMeta;
  stored_at: Date;
  superseded_by: string | null;
  revocation: RecordedRevocation | null;
  number?: string;
}

const receiptOf = (row: RecordRow): Receipt => ({
  serverId: row.server_id,
  code: row.code,
  sha256: row.sha256,
  bytes: Number(row.bytes),
  storedAt: new Date(row.stored_at).toISOString(),
  stationId: row.station_id,
});

async function sizeOf(path: string): Promise<number> {
  return stat(path).then(
    (info) => info.size,
    () => 0,
  );
}

/**
 * Records: resumable uploads (begin, chunks at the offset Central has, complete), each
 * checked whole (size, SHA-256, a PAdES signature intact and trusted, the code the file
 * itself carries) before it is stored once: the file by content, its row in one
 * transaction. The same record sent again gets the same receipt; the same code with other
 * content is a conflict, never an overwrite.
 */
export function createRecords(deps: {
  db: Database;
  blobs: BlobStore;
  uploadDir: string;
  maxRecordBytes: number;
  trust: () => Promise<readonly Certificate[]>;
  clock: () => Date;
}) {
  const { db } = deps;
  const partOf = (uploadId: string) => join(deps.uploadDir, `${uploadId}.part`);
  // Chunks of one upload are appended one at a time, whatever the network retries.
  const locks = new Map<string, Promise<unknown>>();
  const serially = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const run = (locks.get(key) ?? Promise.resolve()).catch(() => undefined).then(work);
    locks.set(key, run);
    void run.finally(() => locks.get(key) === run && locks.delete(key)).catch(() => undefined);
    return run;
  };

  const recordByCode = async (tx: Queryable, code: string) =>
    (await tx.query<RecordRow>('SELECT * FROM records WHERE code = $1', [code]))[0];

  async function uploadOf(stationId: string, uploadId: string) {
    const [upload] = await db.query<{
      id: string;
      code: string;
      sha256: string;
      bytes: string;
      meta: RecordMeta;
    }>('SELECT id, code, sha256, bytes, meta FROM uploads WHERE id = $1 AND station_id = $2', [
      uploadId,
      stationId,
    ]);
    if (!upload) throw new CentralError('notFound', 'no such upload for this station');
    return { ...upload, bytes: Number(upload.bytes) };
  }

  /** The file is what the station says it is: a PDF, signed, intact, trusted, carrying its code. */
  async function checkFile(file: Buffer, code: string) {
    if (file.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new CentralError('malformedPdf', 'the file is not a PDF');
    let report: ReturnType<typeof verifyPdf>;
    try {
      report = verifyPdf(file, await deps.trust());
    } catch (error) {
      throw new CentralError('malformedPdf', 'the PDF cannot be read', String(error));
    }
    if (report.signatures.length === 0)
      throw new CentralError('invalidSignature', 'the PDF carries no signature');
    const problem = report.signatures.find((each) => !each.intact || each.chain.status !== 'trusted');
    if (problem || report.changedAfterSigning) {
      throw new CentralError(
        'invalidSignature',
        'the signature is not intact and trusted, or the file changed after signing',
        {
          intact: problem?.intact,
          chain: problem?.chain.status,
          changedAfterSigning: report.changedAfterSigning,
          problem: problem?.problem,
        },
      );
    }
    const recorded = await readRecordXmp(file).catch(() => null);
    if (recorded?.recordCode !== code) {
      throw new CentralError('conflict', `the file is not the record ${code}`, {
        recordCode: recorded?.recordCode ?? null,
      });
    }
  }

  return {
    async begin(stationId: string, request: z.output<typeof uploadBeginSchema>): Promise<UploadState> {
      const existing = await recordByCode(db, request.code);
      if (existing) {
        if (existing.sha256 === request.sha256) return { state: 'stored', receipt: receiptOf(existing) };
        throw new CentralError('conflict', `record ${request.code} is already stored with other content`, {
          stored: existing.sha256,
        });
      }
      if (request.bytes > deps.maxRecordBytes) {
        throw new CentralError('tooLarge', `a record may be at most ${deps.maxRecordBytes} bytes`);
      }
      const [row] = await db.query<{ id: string }>(
        `INSERT INTO uploads (id, station_id, code, sha256, bytes, meta, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (station_id, code, sha256) DO UPDATE SET meta = EXCLUDED.meta
           RETURNING id`,
        [
          randomUUID(),
          stationId,
          request.code,
          request.sha256,
          request.bytes,
          JSON.stringify(request.meta),
          deps.clock(),
        ],
      );
      return { state: 'uploading', uploadId: row!.id, received: await sizeOf(partOf(row!.id)) };
    },

    chunk(stationId: string, uploadId: string, offset: number, data: Buffer): Promise<{ received: number }> {
      return serially(uploadId, async () => {
        const upload = await uploadOf(stationId, uploadId);
        const path = partOf(uploadId);
        const received = await sizeOf(path);
        if (offset !== received) {
          throw new CentralError('uploadOffset', `Central has ${received} bytes of this upload`, {
            received,
          });
        }
        if (received + data.length > upload.bytes) {
          throw new CentralError(
            'sizeMismatch',
            `the upload is ${upload.bytes} bytes, this chunk goes past it`,
          );
        }
        await mkdir(deps.uploadDir, { recursive: true });
        const handle = await open(path, 'a');
        try {
          await handle.write(data);
          await handle.sync();
        } finally {
          await handle.close();
        }
        return { received: received + data.length };
      });
    },

    complete(stationId: string, uploadId: string): Promise<Receipt> {
      return serially(uploadId, async () => {
        const upload = await uploadOf(stationId, uploadId);
        const path = partOf(uploadId);
        const received = await sizeOf(path);
        if (received !== upload.bytes) {
          throw new CentralError('sizeMismatch', `Central has ${received} of ${upload.bytes} bytes`, {
            received,
          });
        }
        // Read once: hashed, then its signature checked (verification needs it whole anyway).
        const file = await readFile(path);
        if (createHash('sha256').update(file).digest('hex') !== upload.sha256) {
          // A damaged upload starts again from nothing.
          await rm(path, { force: true });
          throw new CentralError('hashMismatch', 'the file received does not have the SHA-256 announced');
        }
        await checkFile(file, upload.code);
        await deps.blobs.adopt(upload.sha256, path);
        const row = await db.transaction(async (tx) => {
          const inserted = await tx.query<RecordRow>(
            `INSERT INTO records (server_id, code, sha256, bytes, station_id, meta, owner_id, document_number,
                                  procedure_code, department_code, pages, supersedes, stored_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
               ON CONFLICT (code) DO NOTHING RETURNING *`,
            [
              randomUUID(),
              upload.code,
              upload.sha256,
              upload.bytes,
              stationId,
              JSON.stringify(upload.meta),
              upload.meta.fields.ownerIdNumber || upload.meta.fields.ownerTaxCode || null,
              upload.meta.fields.documentNumber?.toUpperCase() ?? null,
              upload.meta.fields.procedureCode || null,
              upload.meta.departmentCode ?? null,
              upload.meta.pages,
              upload.meta.supersedes ?? null,
              deps.clock(),
            ],
          );
          await tx.query('DELETE FROM uploads WHERE id = $1', [uploadId]);
          const stored = inserted[0] ?? (await recordByCode(tx, upload.code))!;
          if (stored.sha256 !== upload.sha256) {
            throw new CentralError('conflict', `record ${upload.code} is already stored with other content`);
          }
          if (inserted[0] && upload.meta.supersedes) {
            await tx.query('UPDATE records SET superseded_by = $1 WHERE code = $2', [
              upload.code,
              upload.meta.supersedes,
            ]);
          }
          return stored;
        });
        return receiptOf(row);
      });
    },

    async lookup(query: z.output<typeof lookupQuerySchema>): Promise<CentralRecord[]> {
      const [column, value] = query.code
        ? ['r.code', query.code]
        : query.ownerId
          ? ['r.owner_id', query.ownerId.replace(/\s/g, '')]
          : ['r.document_number', query.documentNumber!.toUpperCase()];
      const rows = await db.query<RecordRow>(
        `SELECT r.*, s.number FROM records r JOIN stations s ON s.id = r.station_id
          WHERE ${column} = $1 ORDER BY r.stored_at LIMIT 500`,
        [value],
      );
      return rows.map((row) => ({
        receipt: receiptOf(row),
        meta: row.meta,
        stationNumber: row.number ?? '',
        supersededBy: row.superseded_by,
        revocation: row.revocation,
      }));
    },

    /**
     * Records that a result was revoked. The first revocation recorded holds (a result is
     * revoked once); sending it again, or another station's, gets that one back. Only the
     * version that stands can be revoked, and not before it was issued.
     */
    async revoke(code: string, revocation: RecordedRevocation): Promise<RecordedRevocation> {
      return db.transaction(async (tx) => {
        const row = (
          await tx.query<RecordRow>('SELECT * FROM records WHERE code = $1 FOR UPDATE', [code])
        )[0];
        if (!row) throw new CentralError('notFound', `no record ${code}`);
        if (row.revocation) return row.revocation;
        if (row.superseded_by) {
          throw new CentralError('conflict', `record ${code} was replaced by ${row.superseded_by}`, {
            supersededBy: row.superseded_by,
          });
        }
        const issued = row.meta.fields.issueDate;
        if (issued && revocation.date < issued) {
          throw new CentralError(
            'invalidRequest',
            `revoked on ${revocation.date}, before its issue on ${issued}`,
          );
        }
        await tx.query('UPDATE records SET revocation = $1 WHERE code = $2', [
          JSON.stringify(revocation),
          code,
        ]);
        return revocation;
      });
    },

    async file(code: string) {
      const row = await recordByCode(db, code);
      if (!row) throw new CentralError('notFound', `no record ${code}`);
      return deps.blobs.read(row.sha256);
    },
  };
}

export type Records = ReturnType<typeof createRecords>;
