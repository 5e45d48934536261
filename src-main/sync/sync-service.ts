import { createHash, X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { IMPORT_CHUNK_BYTES } from '../../src-shared/ipc/contract';
import type {
  AuditUpload,
  InventoryUpload,
  LookupQuery,
  Receipt,
  RecordMeta,
  StatsQuery,
} from '../../src-shared/central/central-api';
import { receiptSignatureValid } from '../../src-node/signing/receipt-signature';
import type { StationSettings } from '../../src-shared/domain/settings';
import { AppError } from '../../src-shared/errors/app-error';
import { revocationAttestationSchema } from '../../src-shared/domain/revocation';
import { decisionAttestationSchema } from '../../src-shared/review/review-decision';
import type { Attestor } from '../review/attestor';
import type { SecretBox } from '../services/secrets/secret-box';
import type { JsonStore } from '../services/store/json-store';
import { createCentralClient } from './central-client';
import { centralUrlProblem, type TlsProbe } from '../../src-shared/central/central-tls';
import { probeChain, proposedPin } from '../../src-node/tls/pinned-chain';
import { describeCertificate } from '../../src-node/tls/certificate-info';

export const centralCredentialsSchema = z.object({
  centralUrl: z.string().optional(),
  stationId: z.string().optional(),
  /** Sealed in the secret box: the station's secret never sits in a file in the clear. */
  secret: z.string().optional(),
  enrolledAt: z.number().optional(),
  /** Central's receipt key (SPKI DER, base64), pinned at enrolment: every receipt must check with it. */
  receiptKey: z.string().optional(),
  /** The certificate the admin confirmed at enrolment (PEM): Central's, or the CA that issued it. */
  tlsPin: z.string().optional(),
});

type Credentials = z.infer<typeof centralCredentialsSchema>;

/** A record as it leaves for Central, with main's attestation of its approval. */
export interface ApprovedRecord {
  code: string;
  sha256: string;
  bytes: number;
  meta: RecordMeta;
  approval: string;
}

/** Enrolled with the Central the settings name, with a receipt key to check its receipts by. */
const isEnrolled = (saved: Credentials, centralUrl: string | undefined) =>
  Boolean(
    centralUrl && saved.stationId && saved.secret && saved.receiptKey && saved.centralUrl === centralUrl,
  );

/**
 * The station's side of SoHoa Central: its credentials (from a one-time enrolment code,
 * with Central's receipt key pinned) and every call to Central. Main lets a record go only
 * with the supervisor's approval as main itself attested it, for exactly that file: the
 * renderer cannot sync what nobody approved. A receipt counts only when it carries Central's
 * signature and names exactly the record sent, so nothing on the way can say a record is
 * stored when it is not. Reads of personal data name the user who reads.
 */
export function createSyncService(deps: {
  settings: () => StationSettings;
  /** Where files fetched from Central wait while the renderer reads them in chunks. */
  cacheDir: string;
  store: JsonStore<Credentials>;
  secrets: SecretBox;
  attestor: Attestor;
}) {
  /** Central's address, if it may be used: HTTPS, or HTTP to this same computer only. */
  const centralAddress = () => {
    const { centralUrl, sync } = deps.settings();
    if (!centralUrl) throw new AppError('sync.notConfigured');
    if (centralUrlProblem(centralUrl)) throw new AppError('sync.insecureUrl', { detail: centralUrl });
    return { centralUrl, timeoutMs: sync.requestTimeoutMs, https: centralUrl.startsWith('https:') };
  };

  const client = (authenticated: boolean) => {
    const { centralUrl, timeoutMs, https } = centralAddress();
    const saved = deps.store.read();
    if (authenticated && !isEnrolled(saved, centralUrl)) throw new AppError('sync.notEnrolled');
    // Over HTTPS, only to the certificate the admin confirmed for this address.
    const pin = saved.centralUrl === centralUrl ? saved.tlsPin : undefined;
    if (https && !pin) throw new AppError('sync.tlsNotConfirmed', { detail: centralUrl });
    return createCentralClient({
      baseUrl: centralUrl,
      timeoutMs,
      ...(pin && https ? { pin } : {}),
      ...(authenticated ? { credential: `${saved.stationId}.${deps.secrets.open(saved.secret!)}` } : {}),
    });
  };

  /** Central's own receipt for exactly this record, or sync.receiptInvalid. */
  const checkedReceipt = (receipt: Receipt, expected: { code: string; sha256: string; bytes: number }) => {
    const { receiptKey } = deps.store.read();
    const signed = receiptKey !== undefined && receiptSignatureValid(receiptKey, receipt);
    const same =
      receipt.code === expected.code &&
      receipt.sha256 === expected.sha256 &&
      receipt.bytes === expected.bytes;
    if (!signed || !same) {
      throw new AppError('sync.receiptInvalid', {
        params: { code: expected.code },
        detail: signed ? `receipt for ${receipt.code} ${receipt.sha256} ${receipt.bytes}` : 'signature',
      });
    }
    return receipt;
  };

  /** What leaves for Central, without the approval it may leave with: only what a supervisor approved, through main. */
  const approved = (request: ApprovedRecord) => {
    const approval = deps.attestor.verify(request.approval, decisionAttestationSchema);
    if (
      approval.kind !== 'approved' ||
      approval.code !== request.code ||
      approval.sha256 !== request.sha256
    ) {
      throw new AppError('sync.notApproved', { params: { code: request.code } });
    }
    const { approval: _approval, ...announced } = request;
    return announced;
  };

  return {
    status() {
      const { centralUrl } = deps.settings();
      const saved = deps.store.read();
      const enrolled = isEnrolled(saved, centralUrl);
      return {
        centralUrl,
        enrolled,
        stationId: enrolled ? saved.stationId! : null,
        enrolledAt: enrolled ? (saved.enrolledAt ?? null) : null,
        tlsFingerprint: enrolled && saved.tlsPin ? new X509Certificate(saved.tlsPin).fingerprint256 : null,
      };
    },

    /**
     * Central's TLS chain as it presents it now, for the admin to compare with the fingerprint
     * Central's console shows before enrolling; nothing is sent over the connection.
     */
    async probeTls(): Promise<TlsProbe> {
      const { centralUrl, timeoutMs, https } = centralAddress();
      if (!https) return { tls: false, chain: [], proposed: null };
      const chain = await probeChain(centralUrl, timeoutMs).catch((error: unknown) => {
        throw new AppError('sync.unreachable', { detail: String(error) });
      });
      return {
        tls: true,
        chain: chain.map(describeCertificate),
        proposed: proposedPin(chain)?.fingerprint256 ?? null,
      };
    },

    /**
     * Enrols with a one-time code. Over HTTPS `pin` is the fingerprint the admin confirmed: the
     * certificate must still be in the chain Central presents, and from then on every
     * connection must lead to it.
     */
    async enrol(code: string, pin?: string) {
      const { stationNumber, stationName } = deps.settings();
      const { centralUrl, timeoutMs, https } = centralAddress();
      let tlsPin: string | undefined;
      if (https) {
        const presented = await probeChain(centralUrl, timeoutMs).catch((error: unknown) => {
          throw new AppError('sync.unreachable', { detail: String(error) });
        });
        const pinned = presented.find((certificate) => certificate.fingerprint256 === pin);
        if (!pinned)
          throw new AppError('sync.tlsNotConfirmed', { detail: `${centralUrl}: ${pin ?? 'no pin'}` });
        tlsPin = pinned.toString();
      }
      const credentials = await createCentralClient({
        baseUrl: centralUrl,
        timeoutMs,
        ...(tlsPin ? { pin: tlsPin } : {}),
      }).call('enrol', { body: { code: code.trim().toUpperCase(), stationNumber, stationName } });
      deps.store.write({
        centralUrl,
        stationId: credentials.stationId,
        secret: deps.secrets.seal(credentials.secret),
        enrolledAt: Date.now(),
        receiptKey: credentials.receiptKey,
        ...(tlsPin ? { tlsPin } : {}),
      });
      return this.status();
    },

    /** Whether Central answers now (its health endpoint, not merely the network being up). */
    async health(): Promise<{ reachable: boolean; ms: number; error: AppError | null }> {
      const started = Date.now();
      try {
        await client(false).call('health');
        return { reachable: true, ms: Date.now() - started, error: null };
      } catch (error) {
        const failure =
          error instanceof AppError ? error : new AppError('sync.unreachable', { detail: String(error) });
        return { reachable: false, ms: Date.now() - started, error: failure };
      }
    },

    approved,

    /** Whose records these are, as Central enrolled this station (a transfer bundle names it). */
    stationId(): string {
      const saved = deps.store.read();
      if (!saved.stationId || !saved.receiptKey) throw new AppError('sync.notEnrolled');
      return saved.stationId;
    },

    /** A receipt that came by other means (a transfer bundle's receipts file): Central's own, for this station. */
    receiptValid(receipt: Receipt): boolean {
      const { receiptKey, stationId } = deps.store.read();
      return (
        receiptKey !== undefined &&
        receipt.stationId === stationId &&
        receiptSignatureValid(receiptKey, receipt)
      );
    },

    async begin(request: ApprovedRecord) {
      const announced = approved(request);
      const state = await client(true).call('beginUpload', { body: announced });
      return state.state === 'stored'
        ? { ...state, receipt: checkedReceipt(state.receipt, announced) }
        : state;
    },
    /**
     * A chunk of an upload; `last` (what was announced) makes the chunk that ends the file
     * complete the upload too, and its receipt is checked as `complete`'s is.
     */
    async chunk(
      uploadId: string,
      offset: number,
      bytes: Buffer,
      last?: { code: string; sha256: string; bytes: number },
    ) {
      const answer = await client(true).call('appendChunk', {
        params: { uploadId },
        query: { offset: String(offset), ...(last ? { complete: '1' as const } : {}) },
        body: bytes,
      });
      return answer.receipt && last ? { ...answer, receipt: checkedReceipt(answer.receipt, last) } : answer;
    },
    async complete(request: { uploadId: string; code: string; sha256: string; bytes: number }) {
      const { receipt } = await client(true).call('completeUpload', {
        params: { uploadId: request.uploadId },
      });
      return { receipt: checkedReceipt(receipt, request) };
    },
    audit: (entries: AuditUpload['entries']) => client(true).call('appendAudit', { body: { entries } }),
    /** Only a revocation main attested (review.revoke: a supervisor's) leaves the station. */
    revoke(attestation: string) {
      const {
        kind: _kind,
        code,
        ...revocation
      } = deps.attestor.verify(attestation, revocationAttestationSchema);
      return client(true).call('revoke', { params: { code }, body: revocation });
    },
    /** Central's records for a lookup by `user`, each receipt checked as Central's own. */
    async lookup(query: LookupQuery, user: string) {
      const found = await client(true).call('lookup', { query: { ...query, user } });
      for (const record of found.records) checkedReceipt(record.receipt, record.receipt);
      return found;
    },
    inventory: (upload: InventoryUpload) => client(true).call('appendInventory', { body: upload }),
    progress: () => client(true).call('progress'),
    stats: (by: StatsQuery['by']) => client(true).call('stats', { query: { by } }),

    /**
     * A piece of a record's file from Central, for a lookup that opens or reuses it: fetched
     * once into the cache (checked against the SHA-256 Central's receipt gives), then read
     * in chunks as imports are sent.
     */
    async fileRead(code: string, sha256: string, offset: number, user: string) {
      const path = join(deps.cacheDir, `${sha256}.pdf`);
      let file: Buffer | null = await readFile(path).catch(() => null);
      if (!file) {
        file = Buffer.from(await client(true).call('file', { params: { code }, query: { user } }));
        if (createHash('sha256').update(file).digest('hex') !== sha256) {
          throw new AppError('sync.hashMismatch', { detail: `file ${code} from Central` });
        }
        await mkdir(deps.cacheDir, { recursive: true });
        await writeFile(path, file);
      }
      const data = file.subarray(offset, offset + IMPORT_CHUNK_BYTES);
      return { data, done: offset + data.length >= file.length };
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
