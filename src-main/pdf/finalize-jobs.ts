import { createHash, randomUUID } from 'node:crypto';
import type { RecordDocumentMeta } from '../../src-shared/domain/record-document';
import type { FinalizeAttestation } from '../../src-shared/review/review-decision';
import { AppError } from '../../src-shared/errors/app-error';
import type { Clock } from '../platform/clock';
import type { SignedPdf } from '../signing/pades';
import type { RecordPdfPage } from './record-pdf';

/** Bytes of the finished file sent back per read: the same size as import chunks. */
export const FINALIZE_READ_BYTES = 2 * 1024 * 1024;
/** A job nobody touched for this long is dropped (the renderer restarts it from its queue). */
const JOB_TTL_MS = 15 * 60_000;

interface Job {
  userId: string;
  meta: RecordDocumentMeta;
  pages: (RecordPdfPage | undefined)[];
  result?: Buffer;
  touched: number;
}

export interface FinishedDocument {
  bytes: number;
  sha256: string;
  level: 'B-B' | 'B-T';
  signerName: string;
  /** Main's word that this user signed this file for this code (see review/attestor). */
  attestation: string;
  timestampError?: AppError;
}

/**
 * Finalize jobs in main: the renderer sends a record's meta, then its pages one by one (a
 * record can be tens of megabytes), main builds the PDF/A and signs it, and the renderer
 * reads the signed file back in chunks. Jobs live in memory only: the queue of records to
 * finalize is in IndexedDB, and a job lost to a restart is simply started again.
 */
export function createFinalizeJobs(deps: {
  clock: Clock;
  /** buildRecordPdf, in main's PDF worker. */
  build: (pages: readonly RecordPdfPage[], meta: RecordDocumentMeta) => Promise<Uint8Array>;
  sign: (pdf: Uint8Array) => Promise<SignedPdf>;
  attest: (facts: FinalizeAttestation) => string;
}) {
  const jobs = new Map<string, Job>();

  const jobOf = (jobId: string, userId: string): Job => {
    const now = deps.clock();
    for (const [id, job] of jobs) if (now - job.touched > JOB_TTL_MS) jobs.delete(id);
    const job = jobs.get(jobId);
    if (!job || job.userId !== userId)
      throw new AppError('records.notFound', { detail: `finalize job ${jobId}` });
    job.touched = now;
    return job;
  };

  return {
    begin(userId: string, meta: RecordDocumentMeta, pageCount: number): { jobId: string } {
      const jobId = randomUUID();
      jobs.set(jobId, { userId, meta, pages: new Array(pageCount).fill(undefined), touched: deps.clock() });
      return { jobId };
    },
    page(jobId: string, userId: string, index: number, page: RecordPdfPage): void {
      const job = jobOf(jobId, userId);
      if (index < 0 || index >= job.pages.length)
        throw new AppError('ipc.invalidRequest', { detail: `page ${index}` });
      job.pages[index] = page;
    },
    async finish(jobId: string, userId: string): Promise<FinishedDocument> {
      const job = jobOf(jobId, userId);
      const missing = job.pages.findIndex((page) => !page);
      if (missing >= 0) throw new AppError('pdf.pageUnreadable', { params: { page: missing + 1 } });
      const pdf = await deps.build(job.pages as RecordPdfPage[], job.meta);
      const signed = await deps.sign(pdf);
      job.result = signed.pdf;
      job.pages = [];
      const sha256 = createHash('sha256').update(signed.pdf).digest('hex');
      return {
        bytes: signed.pdf.length,
        sha256,
        level: signed.level,
        signerName: signed.signerName,
        attestation: deps.attest({
          kind: 'finalized',
          code: job.meta.code,
          sha256,
          by: userId,
          at: deps.clock(),
        }),
        ...(signed.timestampError ? { timestampError: signed.timestampError } : {}),
      };
    },
    read(jobId: string, userId: string, offset: number): { data: Buffer; done: boolean } {
      const { result } = jobOf(jobId, userId);
      if (!result) throw new AppError('records.notFound', { detail: `finalize job ${jobId} has no result` });
      const data = result.subarray(offset, offset + FINALIZE_READ_BYTES);
      return { data, done: offset + data.length >= result.length };
    },
    discard(jobId: string): void {
      jobs.delete(jobId);
    },
  };
}

export type FinalizeJobs = ReturnType<typeof createFinalizeJobs>;
