import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from '../encoding/canonical-json';

/** What the audit trail records (issue 6): every action that changes what the station holds. */
export const AUDIT_ACTIONS = [
  'login',
  'logout',
  'capture',
  'edit',
  'delete',
  'index',
  'finalize',
  'correct',
  'submit',
  'approve',
  'reject',
  'sync',
  'settings',
  'inventory',
  'reuse',
  'revoke',
  'restore',
  'transfer',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One entry of the trail; `hash` covers every other field, `prevHash` links it to the one before. */
export interface AuditEntry {
  seq: number;
  at: number;
  userId: string;
  /** The user's name when they acted: the trail reads without the account list. */
  userName?: string;
  station: string;
  action: AuditAction;
  recordId?: string;
  batchId?: string;
  before?: unknown;
  after?: unknown;
  prevHash: string;
  hash: string;
}

export type AuditFacts = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

/** The chain's start: the first entry's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 of the entry without its own hash (synchronous, so it fits in an IndexedDB transaction). */
export function auditHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, userId, station, action, recordId, batchId, before, after, prevHash } = entry;
  const text = canonicalJson({
    seq,
    at,
    userId,
    station,
    action,
    recordId,
    batchId,
    before,
    after,
    prevHash,
  });
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The entry that follows `previous` (or starts the chain). */
export function nextAuditEntry(
  previous: Pick<AuditEntry, 'seq' | 'hash'> | undefined,
  facts: AuditFacts,
): AuditEntry {
  const linked = { ...facts, seq: (previous?.seq ?? 0) + 1, prevHash: previous?.hash ?? GENESIS_HASH };
  return { ...linked, hash: auditHash(linked) };
}

export type AuditProblem = 'changed' | 'missing' | 'outOfOrder' | 'brokenLink';

export interface AuditVerification {
  ok: boolean;
  entries: number;
  problems: { seq: number; problem: AuditProblem }[];
}

/**
 * Checks a trail as stored, in its order: each entry's hash over its content (an edit),
 * its number one past the one before (a deletion leaves a gap; a move, numbers out of
 * order), and its link to the hash before it (an entry removed and the rest renumbered).
 * `head`, the last entry someone outside the trail saw (main keeps it), catches entries
 * cut from the end, which leave no gap.
 */
export function verifyAuditChain(
  entries: readonly AuditEntry[],
  head?: { seq: number; hash: string } | null,
): AuditVerification {
  const problems: AuditVerification['problems'] = [];
  let previous: AuditEntry | undefined;
  for (const entry of entries) {
    if (auditHash(entry) !== entry.hash) problems.push({ seq: entry.seq, problem: 'changed' });
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (entry.seq < expectedSeq) problems.push({ seq: entry.seq, problem: 'outOfOrder' });
    else if (entry.seq > expectedSeq) problems.push({ seq: expectedSeq, problem: 'missing' });
    else if (entry.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
      problems.push({ seq: entry.seq, problem: 'brokenLink' });
    }
    if (!previous || entry.seq > previous.seq) previous = entry;
  }
  if (head) {
    const last = entries.at(-1);
    if (!last || last.seq < head.seq) problems.push({ seq: (last?.seq ?? 0) + 1, problem: 'missing' });
    else {
      const seen = entries.find((entry) => entry.seq === head.seq);
      if (seen && seen.hash !== head.hash) problems.push({ seq: head.seq, problem: 'changed' });
    }
  }
  return { ok: problems.length === 0, entries: entries.length, problems };
}
