import type { RecordFields } from '../domain/record-fields';
import type { RecordStatus } from '../domain/record-status';
import { isRevokedOn, type Revocation } from '../domain/revocation';
import { VIETNAM_OFFSET_MS } from '../domain/vietnam-day';

import type { Milestone } from '../domain/plan-milestones';

/** A count of still-valid paper results an office holds for one department and procedure (kiểm đếm). */
export interface InventoryCount {
  departmentCode: string;
  procedureCode: string;
  count: number;
  /** yyyy-mm-dd: when it was counted; the latest count of a pair is the one that holds. */
  countedAt: string;
}

export interface ProgressRecord {
  status: RecordStatus;
  departmentCode?: string | undefined;
  procedureCode?: string | undefined;
  fields: Pick<RecordFields, 'expiryDate' | 'indefinite'>;
  /** Its issuing agency revoked it (thu hồi), from this date. */
  revocation?: Pick<Revocation, 'date'> | undefined;
}

export type ValidityStatus = 'valid' | 'expiringSoon' | 'expired' | 'revoked' | 'superseded';

/**
 * Whether a result still holds today (dates yyyy-mm-dd), or soon will not. A version a
 * correction replaced is superseded whatever else holds; a revocation in force outranks the
 * expiry date (the result ended early, by decision).
 */
export function validityStatus(record: ProgressRecord, today: string, expiringDays = 30): ValidityStatus {
  if (record.status === 'superseded') return 'superseded';
  if (isRevokedOn(record.revocation, today)) return 'revoked';
  const { expiryDate, indefinite } = record.fields;
  if (indefinite || !expiryDate) return 'valid';
  if (expiryDate < today) return 'expired';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + expiringDays);
  return expiryDate <= soon.toISOString().slice(0, 10) ? 'expiringSoon' : 'valid';
}

const STILL_VALID: readonly string[] = ['valid', 'expiringSoon'] satisfies ValidityStatus[];

/** Whether a result with this validity still holds: it counts for the plan and may be reused. */
export const isStillValid = (validity: string): boolean => STILL_VALID.includes(validity);

/** Digitized, for the plan: through review and on its way to (or in) the central store. */
const DIGITIZED: readonly RecordStatus[] = ['approved', 'queued', 'synced'];

/**
 * Whether a record counts towards the plan: digitized (approved by a supervisor), the version
 * that stands (a superseded one is counted through its correction, once), and still valid
 * (the inventory counts still-valid results only: not expired, not revoked).
 */
export const countsAsDigitized = (record: ProgressRecord, today: string): boolean =>
  DIGITIZED.includes(record.status) && isStillValid(validityStatus(record, today));

export interface ProgressLine {
  key: string;
  inventory: number;
  digitized: number;
  /** digitized ÷ inventory, or null when nothing was counted (no denominator). */
  share: number | null;
}

export interface ProgressReport {
  overall: ProgressLine;
  byDepartment: ProgressLine[];
  byProcedure: ProgressLine[];
  /** The milestone in force today (the next one not yet passed) and whether the overall share meets it. */
  target: { milestone: Milestone; met: boolean | null } | null;
}

/** The latest count of each department and procedure. */
export function latestInventory(counts: readonly InventoryCount[]): InventoryCount[] {
  const latest = new Map<string, InventoryCount>();
  for (const count of counts) {
    const key = `${count.departmentCode}|${count.procedureCode}`;
    const known = latest.get(key);
    if (!known || count.countedAt >= known.countedAt) latest.set(key, count);
  }
  return [...latest.values()];
}

function lines(
  inventory: readonly InventoryCount[],
  records: readonly ProgressRecord[],
  keyOf: (item: { departmentCode?: string | undefined; procedureCode?: string | undefined }) => string,
): ProgressLine[] {
  const totals = new Map<string, { inventory: number; digitized: number }>();
  const add = (key: string, field: 'inventory' | 'digitized', value: number) => {
    const line = totals.get(key) ?? { inventory: 0, digitized: 0 };
    line[field] += value;
    totals.set(key, line);
  };
  for (const count of inventory) add(keyOf(count), 'inventory', count.count);
  for (const record of records) add(keyOf(record), 'digitized', 1);
  return [...totals]
    .map(([key, line]) => ({
      key,
      ...line,
      share: line.inventory > 0 ? line.digitized / line.inventory : null,
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Progress against the plan: digitized ÷ inventory per department, per procedure and
 * overall, and the milestone in force. A department that digitized without counting its
 * inventory has no share (null), not an infinite one.
 */
export function progressReport(input: {
  records: readonly ProgressRecord[];
  inventory: readonly InventoryCount[];
  milestones: readonly Milestone[];
  today: string;
}): ProgressReport {
  const inventory = latestInventory(input.inventory);
  const digitized = input.records.filter((record) => countsAsDigitized(record, input.today));
  const totalInventory = inventory.reduce((sum, count) => sum + count.count, 0);
  const overall: ProgressLine = {
    key: '',
    inventory: totalInventory,
    digitized: digitized.length,
    share: totalInventory > 0 ? digitized.length / totalInventory : null,
  };
  const sorted = [...input.milestones].sort((a, b) => (a.date < b.date ? -1 : 1));
  const milestone = sorted.find((each) => each.date >= input.today) ?? sorted.at(-1);
  return {
    overall,
    byDepartment: lines(inventory, digitized, (item) => item.departmentCode ?? ''),
    byProcedure: lines(inventory, digitized, (item) => item.procedureCode ?? ''),
    target: milestone
      ? { milestone, met: overall.share === null ? null : overall.share >= milestone.share }
      : null,
  };
}

export type Bucket = 'day' | 'week' | 'month';

/** The bucket a moment falls in, in Viet Nam's time: yyyy-mm-dd, the ISO week's Monday, or yyyy-mm. */
export function bucketOf(epochMs: number, bucket: Bucket): string {
  const local = new Date(epochMs + VIETNAM_OFFSET_MS);
  if (bucket === 'month') return local.toISOString().slice(0, 7);
  if (bucket === 'week') local.setUTCDate(local.getUTCDate() - ((local.getUTCDay() + 6) % 7));
  return local.toISOString().slice(0, 10);
}

/** Records and pages digitized per bucket and per clerk. */
export function activity(
  items: readonly { at: number; clerk: string; pages: number }[],
  bucket: Bucket,
): { bucket: string; clerk: string; records: number; pages: number }[] {
  const rows = new Map<string, { bucket: string; clerk: string; records: number; pages: number }>();
  for (const item of items) {
    const key = `${bucketOf(item.at, bucket)}|${item.clerk}`;
    const row = rows.get(key) ?? {
      bucket: bucketOf(item.at, bucket),
      clerk: item.clerk,
      records: 0,
      pages: 0,
    };
    row.records += 1;
    row.pages += item.pages;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) =>
    a.bucket === b.bucket ? (a.clerk < b.clerk ? -1 : 1) : a.bucket < b.bucket ? -1 : 1,
  );
}

/** The share of review decisions that sent a record back (every decision counts, a resubmission's too). */
export function rejectionRate(decisions: readonly ('approve' | 'reject')[]): number | null {
  if (decisions.length === 0) return null;
  return decisions.filter((decision) => decision === 'reject').length / decisions.length;
}
