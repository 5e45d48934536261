import { useLiveQuery } from 'dexie-react-hooks';
import type { Procedure } from '../../src-shared/domain/procedure-catalogue';
import type { StationSettings } from '../../src-shared/domain/settings';
import {
  activity,
  progressReport,
  rejectionRate,
  validityStatus,
  type Bucket,
} from '../../src-shared/stats/progress';
import type { ProgressReportData } from '../../src-shared/stats/report';
import { db } from '../db/database';
import { vietnamDay } from '../../src-shared/domain/vietnam-day';

/**
 * Everything the dashboard shows, live from IndexedDB: progress against the plan (records ÷
 * the latest inventory), records and pages per period and clerk, the review rejection rate,
 * the sync backlog, results reused, results about to expire. Shaped as the report main
 * exports, so the screen and the files say the same.
 */
export function useProgress(
  settings: StationSettings | null,
  procedures: readonly Procedure[],
  bucket: Bucket,
  generatedBy: string,
): ProgressReportData | undefined {
  return useLiveQuery(async () => {
    if (!settings) return undefined;
    const today = vietnamDay();
    const [records, inventory, documents, outbox, reuse, batches, revocations] = await Promise.all([
      db.records.toArray(),
      db.inventory.toArray(),
      db.documents.toArray(),
      db.outbox.where('status').anyOf('pending', 'uploading', 'failed').toArray(),
      db.reuses.count(),
      db.batches.toArray(),
      db.revocations.toArray(),
    ]);
    const revoked = new Map(revocations.map((revocation) => [revocation.code, revocation]));
    const withRevocations = records.map((record) => ({
      ...record,
      revocation: record.code ? revoked.get(record.code) : undefined,
    }));
    const pages = new Map<string, number>();
    await db.pages.orderBy('recordId').eachKey((recordId) => {
      pages.set(String(recordId), (pages.get(String(recordId)) ?? 0) + 1);
    });
    const decisions: ('approve' | 'reject')[] = [];
    await db.audit.each((entry) => {
      if (entry.action === 'approve' || entry.action === 'reject') decisions.push(entry.action);
    });
    const report = progressReport({
      records: withRevocations,
      inventory,
      milestones: settings.plan.milestones,
      today,
    });
    const departmentName = new Map(
      settings.departments.map((department) => [department.code, department.name]),
    );
    const procedureName = new Map(procedures.map((procedure) => [procedure.code, procedure.name]));
    const byId = new Map(records.map((record) => [record.id, record]));
    const owners = new Map(batches.map((batch) => [batch.id, batch.ownerName]));
    const signed = documents.flatMap((document) => {
      const record = byId.get(document.recordId);
      if (!record || record.status === 'superseded') return [];
      const clerk = (record.batchId && owners.get(record.batchId)) || record.createdBy;
      return [{ at: document.signedAt, clerk, pages: pages.get(record.id) ?? 0 }];
    });
    const backlogBytes = new Map(documents.map((document) => [document.recordId, document.bytes]));
    return {
      agencyName: settings.agencyName,
      stationName: settings.stationName || `Trạm ${settings.stationNumber}`,
      today,
      generatedBy,
      overall: { ...report.overall, name: '' },
      target: report.target ? { ...report.target.milestone, met: report.target.met } : null,
      byDepartment: report.byDepartment.map((line) => ({
        ...line,
        name: departmentName.get(line.key) ?? '',
      })),
      byProcedure: report.byProcedure.map((line) => ({ ...line, name: procedureName.get(line.key) ?? '' })),
      bucket,
      activity: activity(signed, bucket),
      rejectionRate: rejectionRate(decisions),
      syncBacklog: {
        records: outbox.length,
        bytes: outbox.reduce((sum, row) => sum + (backlogBytes.get(row.recordId) ?? 0), 0),
      },
      reuse,
      expiringSoon: withRevocations
        .filter((record) => validityStatus(record, today, settings.plan.expiringDays) === 'expiringSoon')
        .map((record) => ({
          code: record.code ?? '',
          ownerName: record.ownerName ?? '',
          expiryDate: String(record.fields.expiryDate ?? ''),
        }))
        .sort((a, b) => (a.expiryDate < b.expiryDate ? -1 : 1)),
    };
  }, [settings, procedures, bucket, generatedBy]);
}
