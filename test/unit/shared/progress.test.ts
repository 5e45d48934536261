import { describe, expect, it } from 'vitest';
import { DEFAULT_MILESTONES } from '../../../src-shared/domain/plan-milestones';
import {
  activity,
  bucketOf,
  latestInventory,
  progressReport,
  rejectionRate,
  validityStatus,
  type InventoryCount,
  type ProgressRecord,
} from '../../../src-shared/stats/progress';

const TODAY = '2024-06-15';
const rec = (
  status: ProgressRecord['status'],
  departmentCode: string,
  procedureCode: string,
  fields: ProgressRecord['fields'] = { indefinite: true },
): ProgressRecord => ({ status, departmentCode, procedureCode, fields });

/** A known data set: 10 NCC decisions counted, 4 digitized (one via a correction), plus noise. */
const RECORDS: ProgressRecord[] = [
  rec('synced', 'NCC', '1.001257'),
  rec('synced', 'NCC', '1.001257'),
  rec('queued', 'NCC', '1.001257'),
  // The original a correction replaced: counted once, through the correction above.
  rec('superseded', 'NCC', '1.001257'),
  rec('approved', 'NCC', '1.001257'),
  // Not digitized for the plan: not yet through review.
  rec('submitted', 'NCC', '1.001257'),
  rec('finalized', 'NCC', '1.001257'),
  rec('rejected', 'NCC', '1.001257'),
  // Work permits: one valid, one expired (not still valid: not counted), one expiring soon.
  rec('synced', 'VLATLD', '1.000459', { expiryDate: '2025-03-01' }),
  rec('synced', 'VLATLD', '1.000459', { expiryDate: '2024-01-31' }),
  rec('synced', 'VLATLD', '1.000459', { expiryDate: '2024-07-01' }),
  // Digitized in a department that has not counted its inventory.
  rec('synced', 'BTXH', '2.000286'),
];
const INVENTORY: InventoryCount[] = [
  { departmentCode: 'NCC', procedureCode: '1.001257', count: 8, countedAt: '2022-02-01' },
  // Recounted: the latest count holds.
  { departmentCode: 'NCC', procedureCode: '1.001257', count: 10, countedAt: '2023-01-15' },
  { departmentCode: 'VLATLD', procedureCode: '1.000459', count: 4, countedAt: '2023-01-15' },
  { departmentCode: 'GDNN', procedureCode: '1.000479', count: 0, countedAt: '2023-01-15' },
];

describe('progress against the plan', () => {
  it('tells valid, expiring, expired and superseded results apart', () => {
    expect(validityStatus(rec('synced', 'A', 'B'), TODAY)).toBe('valid');
    expect(validityStatus(rec('synced', 'A', 'B', { expiryDate: '2024-06-14' }), TODAY)).toBe('expired');
    expect(validityStatus(rec('synced', 'A', 'B', { expiryDate: '2024-06-15' }), TODAY)).toBe('expiringSoon');
    expect(validityStatus(rec('synced', 'A', 'B', { expiryDate: '2024-07-15' }), TODAY)).toBe('expiringSoon');
    expect(validityStatus(rec('synced', 'A', 'B', { expiryDate: '2024-07-16' }), TODAY)).toBe('valid');
    expect(validityStatus(rec('superseded', 'A', 'B'), TODAY)).toBe('superseded');
  });

  it('reads a revoked result as revoked from the day of its revocation, whatever its expiry', () => {
    const permit = rec('synced', 'VLATLD', '1.000459', { expiryDate: '2025-03-01' });
    expect(validityStatus({ ...permit, revocation: { date: TODAY } }, TODAY)).toBe('revoked');
    expect(validityStatus({ ...permit, revocation: { date: '2024-06-16' } }, TODAY)).toBe('valid');
    // Revoked, then it would have expired anyway: it ended by decision.
    expect(validityStatus({ ...permit, revocation: { date: '2024-01-01' } }, '2025-06-01')).toBe('revoked');
    // A version a correction replaced stays "superseded": the correction carries the revocation.
    expect(validityStatus({ ...rec('superseded', 'A', 'B'), revocation: { date: TODAY } }, TODAY)).toBe(
      'superseded',
    );
    const report = (records: ProgressRecord[]) =>
      progressReport({ records, inventory: INVENTORY, milestones: DEFAULT_MILESTONES, today: TODAY });
    const revokedOne = RECORDS.map((record, index) =>
      index === 8 ? { ...record, revocation: { date: '2024-05-01' } } : record,
    );
    // The valid work permit revoked: VLATLD 1 of 4, overall 6 of 14.
    expect(report(revokedOne).byDepartment.find((line) => line.key === 'VLATLD')?.digitized).toBe(1);
    expect(report(revokedOne).overall.digitized).toBe(6);
  });

  it('takes the latest inventory count of each department and procedure', () => {
    expect(latestInventory(INVENTORY).find((each) => each.departmentCode === 'NCC')?.count).toBe(10);
    expect(latestInventory(INVENTORY)).toHaveLength(3);
  });

  it('divides digitized by inventory per department, per procedure and overall', () => {
    const report = progressReport({
      records: RECORDS,
      inventory: INVENTORY,
      milestones: DEFAULT_MILESTONES,
      today: TODAY,
    });
    // NCC 4 of 10; VLATLD 2 of 4 (the expired permit does not count); BTXH 1 with no inventory; GDNN 0 of 0.
    expect(report.overall).toEqual({ key: '', inventory: 14, digitized: 7, share: 0.5 });
    expect(report.byDepartment).toEqual([
      { key: 'BTXH', inventory: 0, digitized: 1, share: null },
      { key: 'GDNN', inventory: 0, digitized: 0, share: null },
      { key: 'NCC', inventory: 10, digitized: 4, share: 0.4 },
      { key: 'VLATLD', inventory: 4, digitized: 2, share: 0.5 },
    ]);
    expect(report.byProcedure.map((line) => [line.key, line.share])).toEqual([
      ['1.000459', 0.5],
      ['1.000479', null],
      ['1.001257', 0.4],
      ['2.000286', null],
    ]);
    // In force in June 2024: 90 % by the end of 2024; at 50 % the office is behind.
    expect(report.target).toEqual({ milestone: { date: '2024-12-31', share: 0.9 }, met: false });
  });

  it('has no share at all with no inventory, and keeps the last milestone once all have passed', () => {
    const report = progressReport({
      records: RECORDS,
      inventory: [],
      milestones: DEFAULT_MILESTONES,
      today: '2026-12-01',
    });
    expect(report.overall.share).toBeNull();
    expect(report.target).toEqual({ milestone: { date: '2025-12-31', share: 1 }, met: null });
  });

  it('counts records and pages per day, week and month for each clerk, in Viet Nam’s time', () => {
    // 2024-06-09 20:00 UTC is Monday 10 June 03:00 in Viet Nam.
    const sundayEveningUtc = Date.UTC(2024, 5, 9, 20);
    expect(bucketOf(sundayEveningUtc, 'day')).toBe('2024-06-10');
    expect(bucketOf(sundayEveningUtc, 'week')).toBe('2024-06-10');
    expect(bucketOf(Date.UTC(2024, 5, 16, 10), 'week')).toBe('2024-06-10');
    expect(bucketOf(Date.UTC(2024, 5, 30, 18), 'month')).toBe('2024-07');
    const items = [
      { at: Date.UTC(2024, 5, 10, 2), clerk: 'Thư', pages: 3 },
      { at: Date.UTC(2024, 5, 10, 5), clerk: 'Thư', pages: 2 },
      { at: Date.UTC(2024, 5, 11, 5), clerk: 'Thư', pages: 1 },
      { at: Date.UTC(2024, 5, 10, 5), clerk: 'Hà', pages: 10 },
    ];
    expect(activity(items, 'day')).toEqual([
      { bucket: '2024-06-10', clerk: 'Hà', records: 1, pages: 10 },
      { bucket: '2024-06-10', clerk: 'Thư', records: 2, pages: 5 },
      { bucket: '2024-06-11', clerk: 'Thư', records: 1, pages: 1 },
    ]);
    expect(activity(items, 'week')).toEqual([
      { bucket: '2024-06-10', clerk: 'Hà', records: 1, pages: 10 },
      { bucket: '2024-06-10', clerk: 'Thư', records: 3, pages: 6 },
    ]);
  });

  it('rates rejections over every decision, and has none before the first', () => {
    expect(rejectionRate([])).toBeNull();
    expect(rejectionRate(['approve', 'reject', 'approve', 'approve'])).toBe(0.25);
  });
});
