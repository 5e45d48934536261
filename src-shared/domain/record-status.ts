/**
 * The one state machine of a record. Every status the renderer stores passes through its
 * gate (`src-renderer/db/record-transition.ts`), which checks it here.
 * draft → captured → indexed → finalized → submitted → approved | rejected → queued → synced;
 * any finalized-or-later record may be superseded by a correction.
 */
export const RECORD_STATUSES = [
  'draft',
  'captured',
  'indexed',
  'finalized',
  'submitted',
  'approved',
  'rejected',
  'queued',
  'synced',
  'superseded',
] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

const TRANSITIONS: Record<RecordStatus, readonly RecordStatus[]> = {
  draft: ['captured'],
  // A record whose pages are all removed (or moved away) is a draft again.
  captured: ['indexed', 'draft'],
  indexed: ['finalized', 'captured', 'draft'],
  finalized: ['submitted', 'superseded'],
  submitted: ['approved', 'rejected'],
  // A rejected record goes back to the clerk, who corrects it by a new version
  // (finalized records are immutable) or resubmits it unchanged.
  rejected: ['submitted', 'superseded'],
  approved: ['queued', 'superseded'],
  queued: ['synced'],
  synced: ['superseded'],
  superseded: [],
};

export const canTransition = (from: RecordStatus, to: RecordStatus): boolean =>
  TRANSITIONS[from].includes(to);

export const nextStatuses = (from: RecordStatus): readonly RecordStatus[] => TRANSITIONS[from];

/**
 * Pages and fields may change until the record is finalized; then it is immutable and a
 * change is a correction, a new version that supersedes it.
 */
export const isEditable = (status: RecordStatus): boolean =>
  status === 'draft' || status === 'captured' || status === 'indexed';
