import { createHash, randomUUID, type KeyObject } from 'node:crypto';
import type { z } from 'zod';
import type { Receipt, UploadState, uploadBeginSchema } from '../../src-shared/central/central-api';
import type { Certificate } from '../../src-node/signing/certificate';
import { verifyPdf } from '../../src-node/signing/verify-pdf';
import { readRecordXmp } from '../../src-node/pdf/record-xmp';
import type { BlobStore } from '../storage/blob-store';
import type { UploadStaging } from '../storage/upload-staging';
import type { Database } from '../db/database';
import type { Changes } from './changes';
import { CentralError } from '../http/central-error';
import { receiptOf, recordByCode, type RecordRow } from './record-row';
import type { RecordMeta } from '../../src-shared/central/central-api';

/** How much of Central's upload space one station may hold open at once, and for how long. */
export interface UploadLimits {
  maxRecordBytes: number;
  /** Uploads announced and not yet completed, per station. */
  maxOpenUploads: number;
  /** Their announced bytes together, per station. */
  maxOpenBytes: number;
  /** An upload no chunk has touched for this long is abandoned: its part file is swept. */
  expiryMs: number;
}

/**
 * Records' uploads: resumable (begin, chunks at the offset Central has, complete), each
 * checked whole (size, SHA-256, a PAdES signature intact and trusted, the code the file
 * itself carries) before it is stored once: the file by content, its row in one
 * transaction. The same record sent again gets the same receipt; the same code with other
 * content is a conflict, never an overwrite. A station holds at most so many uploads and
 * bytes open; a file that fails its check is dropped at once, an abandoned one after days.
 */
export function createRecordUploads(deps: {
  db: Database;
  changes: Changes;
  blobs: BlobStore;
  staging: UploadStaging;
  limits: UploadLimits;
  receiptKey: KeyObject;
  trust: () => Promise<readonly Certificate[]>;
  clock: () => Date;
}) {
  const { db, limits, staging } = deps;
  // Chunks of one upload are appended one at a time in this process, whatever the network
  // retries (across processes, the staging takes care of it).
  const locks = new Map<string, Promise<unknown>>();
  const serially = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const run = (locks.get(key) ?? Promise.resolve()).catch(() => undefined).then(work);
    locks.set(key, run);
    void run.finally(() => locks.get(key) === run && locks.delete(key)).catch(() => undefined);
    return run;
  };

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

  /** Drops an upload and what was staged of it: a file that failed its check is never kept. */
  async function discard(uploadId: string) {
    await staging.discard(uploadId);
    await db.query('DELETE FROM uploads WHERE id = $1', [uploadId]);
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

  /**
   * Sweeps uploads no chunk touched for `expiryMs` (one station's, or everyone's), and part
   * files no upload owns any more (a crash between the two deletes). Returns how many went.
   */
  async function sweep(stationId?: string): Promise<number> {
    const before = new Date(deps.clock().getTime() - limits.expiryMs);
    const expired = await db.query<{ id: string }>(
      `DELETE FROM uploads WHERE touched_at < $1 ${stationId ? 'AND station_id = $2' : ''} RETURNING id`,
      stationId ? [before, stationId] : [before],
    );
    await Promise.all(expired.map(({ id }) => staging.discard(id)));
    if (stationId) return expired.length;
    const open = new Set((await db.query<{ id: string }>('SELECT id FROM uploads')).map((row) => row.id));
    return expired.length + (await staging.sweepOrphans(open, before));
  }

  /** A station over its share of the upload space is told to wait: 429 (uploads) or 507 (bytes). */
  async function checkRoom(stationId: string, request: { code: string; sha256: string; bytes: number }) {
    const held = async () => {
      const [row] = await db.query<{ uploads: string; bytes: string | null }>(
        `SELECT count(*) AS uploads, sum(bytes) AS bytes FROM uploads
          WHERE station_id = $1 AND NOT (code = $2 AND sha256 = $3)`,
        [stationId, request.code, request.sha256],
      );
      return { uploads: Number(row?.uploads ?? 0), bytes: Number(row?.bytes ?? 0) };
    };
    const full = (open: { uploads: number; bytes: number }) =>
      open.uploads >= limits.maxOpenUploads || open.bytes + request.bytes > limits.maxOpenBytes;
    let open = await held();
    // Abandoned uploads are swept only when they stand in the way (not at every record).
    if (full(open) && (await sweep(stationId)) > 0) open = await held();
    if (open.uploads >= limits.maxOpenUploads) {
      throw new CentralError('tooManyUploads', `a station may hold ${limits.maxOpenUploads} uploads open`, {
        open: open.uploads,
        limit: limits.maxOpenUploads,
      });
    }
    if (open.bytes + request.bytes > limits.maxOpenBytes) {
      throw new CentralError(
        'uploadSpaceFull',
        `a station may hold ${limits.maxOpenBytes} bytes of uploads open`,
        {
          open: open.bytes,
          limit: limits.maxOpenBytes,
        },
      );
    }
  }

  /**
   * The whole file of an upload, checked (size, SHA-256, signature, the code it carries) and
   * stored once: the file by content, then its row in one transaction.
   */
  async function finish(
    stationId: string,
    uploadId: string,
    upload: Awaited<ReturnType<typeof uploadOf>>,
    file: Buffer,
  ): Promise<Receipt> {
    if (file.length !== upload.bytes) {
      throw new CentralError('sizeMismatch', `Central has ${file.length} of ${upload.bytes} bytes`, {
        received: file.length,
      });
    }
    if (createHash('sha256').update(file).digest('hex') !== upload.sha256) {
      // A damaged upload starts again from nothing.
      await staging.discard(uploadId);
      throw new CentralError('hashMismatch', 'the file received does not have the SHA-256 announced');
    }
    try {
      await checkFile(file, upload.code);
    } catch (error) {
      await discard(uploadId);
      throw error;
    }
    // The file first, whole, then its row: a crash between leaves an orphan blob, never a half record.
    await deps.blobs.put(upload.sha256, file);
    const row = await db.transaction(async (tx) => {
      const inserted = await tx.query<RecordRow>(
        `INSERT INTO records (server_id, code, sha256, bytes, station_id, meta, owner_id, document_number,
                              procedure_code, department_code, pages, supersedes, stored_at, dossier_code)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
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
          upload.meta.fields.dossierCode?.toUpperCase() || null,
        ],
      );
      await tx.query('DELETE FROM uploads WHERE id = $1', [uploadId]);
      const stored = inserted[0] ?? (await recordByCode(tx, upload.code))!;
      if (stored.sha256 !== upload.sha256) {
        throw new CentralError('conflict', `record ${upload.code} is already stored with other content`);
      }
      if (!inserted[0]) return stored;
      // A correction replaces the record it corrects, if Central holds it: the original may never
      // come (it was sent back at review and corrected before it left the station) or come later.
      const replaced = upload.meta.supersedes
        ? await tx.query<{ code: string }>(
            'UPDATE records SET superseded_by = $1 WHERE code = $2 AND superseded_by IS NULL RETURNING code',
            [upload.code, upload.meta.supersedes],
          )
        : [];
      // An original that arrives after its correction is replaced as it is stored.
      const [correction] = await tx.query<{ code: string }>(
        'SELECT code FROM records WHERE supersedes = $1 ORDER BY stored_at LIMIT 1',
        [upload.code],
      );
      if (correction) {
        await tx.query('UPDATE records SET superseded_by = $1 WHERE code = $2', [
          correction.code,
          upload.code,
        ]);
        stored.superseded_by = correction.code;
      }
      // The feed last: its lock is held from here to the commit only.
      await deps.changes.append(tx, 'stored', upload.code, stored.stored_at);
      for (const { code } of [...replaced, ...(correction ? [{ code: upload.code }] : [])]) {
        await deps.changes.append(tx, 'replaced', code, stored.stored_at);
      }
      return stored;
    });
    // What was staged goes once the record stands (chunk rows already went with their upload).
    await staging.discard(uploadId);
    return receiptOf(deps.receiptKey, row);
  }

  return {
    sweep,

    async begin(stationId: string, request: z.output<typeof uploadBeginSchema>): Promise<UploadState> {
      const existing = await recordByCode(db, request.code);
      if (existing) {
        if (existing.sha256 === request.sha256)
          return { state: 'stored', receipt: receiptOf(deps.receiptKey, existing) };
        throw new CentralError('conflict', `record ${request.code} is already stored with other content`, {
          stored: existing.sha256,
        });
      }
      if (request.bytes > limits.maxRecordBytes) {
        throw new CentralError('tooLarge', `a record may be at most ${limits.maxRecordBytes} bytes`);
      }
      await checkRoom(stationId, request);
      const now = deps.clock();
      const [row] = await db.query<{ id: string }>(
        `INSERT INTO uploads (id, station_id, code, sha256, bytes, meta, created_at, touched_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
           ON CONFLICT (station_id, code, sha256) DO UPDATE SET meta = EXCLUDED.meta, touched_at = EXCLUDED.touched_at
           RETURNING id`,
        [
          randomUUID(),
          stationId,
          request.code,
          request.sha256,
          request.bytes,
          JSON.stringify(request.meta),
          now,
        ],
      );
      return { state: 'uploading', uploadId: row!.id, received: await staging.size(row!.id) };
    },

    /**
     * Appends a chunk. With `complete`, a chunk that makes the file whole also completes the
     * upload, as `complete` would, in the same request: a record of one chunk (most are) is then
     * checked and stored from the bytes in hand, never staged.
     */
    chunk(
      stationId: string,
      uploadId: string,
      offset: number,
      data: Buffer,
      complete = false,
    ): Promise<{ received: number; receipt?: Receipt }> {
      return serially(uploadId, async () => {
        const upload = await uploadOf(stationId, uploadId);
        if (!complete || offset + data.length !== upload.bytes) {
          return { received: await staging.append(uploadId, offset, data, upload.bytes, deps.clock()) };
        }
        const staged = offset === 0 ? Buffer.alloc(0) : await staging.read(uploadId);
        const held = offset === 0 ? await staging.size(uploadId) : staged.length;
        if (held !== offset) {
          throw new CentralError('uploadOffset', `Central has ${held} bytes of this upload`, {
            received: held,
          });
        }
        const file = offset === 0 ? data : Buffer.concat([staged, data]);
        return { received: upload.bytes, receipt: await finish(stationId, uploadId, upload, file) };
      });
    },

    complete(stationId: string, uploadId: string): Promise<Receipt> {
      return serially(uploadId, async () => {
        const upload = await uploadOf(stationId, uploadId);
        // Read once: its size, its hash, then its signature (verification needs it whole anyway).
        return finish(stationId, uploadId, upload, await staging.read(uploadId));
      });
    },
  };
}

export type RecordUploads = ReturnType<typeof createRecordUploads>;
