import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, afterAll, beforeEach, describe, expect, it } from 'vitest';
import type * as Batches from '../../../src-renderer/batches/batches';
import type * as Edits from '../../../src-renderer/capture/page-edits';
import type * as Store from '../../../src-renderer/capture/store-captured-item';
import type { db as Db } from '../../../src-renderer/db/database';
import type * as Gate from '../../../src-renderer/db/record-transition';
import type { RecordRow } from '../../../src-renderer/db/rows';
import type * as Correct from '../../../src-renderer/finalize/correct-record';
import type * as Finalize from '../../../src-renderer/finalize/finalize-record';
import type * as Save from '../../../src-renderer/indexing/save-indexed-record';
import type * as Decide from '../../../src-renderer/review/decide-records';
import type { CaptureStep } from '../../../src-shared/capture/capture-run';
import { batchStatusOf } from '../../../src-shared/domain/batch';
import { isEditable, RECORD_STATUSES, type RecordStatus } from '../../../src-shared/domain/record-status';
import { defaultSettings } from '../../../src-shared/domain/settings';
import type { ChannelName } from '../../../src-shared/ipc/contract';
import { buildStationBridge } from '../../../src-shared/ipc/station-api';
import { backendWithClerk } from '../../support/backend';
import { pageRow as storedPage } from '../../support/page-rows';

// The renderer's modules, loaded once `window.station` is main's real registry (in-process).
let db: typeof Db;
let gate: typeof Gate;
let edits: typeof Edits;
let storeCapturedItem: typeof Store.storeCapturedItem;
let submitBatch: typeof Batches.submitBatch;
let createCorrection: typeof Correct.createCorrection;
let finalizeRecord: typeof Finalize.finalizeRecord;
let saveIndexedRecord: typeof Save.saveIndexedRecord;
let decideRecords: typeof Decide.decideRecords;
let backend: Awaited<ReturnType<typeof backendWithClerk>>;

beforeAll(async () => {
  backend = await backendWithClerk();
  (globalThis as { window?: unknown }).window = {
    station: buildStationBridge((name: ChannelName, request) =>
      backend.registry.invoke(name, request, { sessionKey: 'clerk' }),
    ),
  };
  db = (await import('../../../src-renderer/db/database')).db;
  gate = await import('../../../src-renderer/db/record-transition');
  edits = await import('../../../src-renderer/capture/page-edits');
  ({ storeCapturedItem } = await import('../../../src-renderer/capture/store-captured-item'));
  ({ submitBatch } = await import('../../../src-renderer/batches/batches'));
  ({ createCorrection } = await import('../../../src-renderer/finalize/correct-record'));
  ({ finalizeRecord } = await import('../../../src-renderer/finalize/finalize-record'));
  ({ saveIndexedRecord } = await import('../../../src-renderer/indexing/save-indexed-record'));
  ({ decideRecords } = await import('../../../src-renderer/review/decide-records'));
}, 60_000);
afterAll(() => backend?.dir.remove());

const ROOT = join(import.meta.dirname, '../../..');

const pageRow = (id: string, recordId: string, index: number) =>
  storedPage(id, recordId, index, { ocrStatus: 'done' });

const capturedPage = (sequence: number): Exclude<CaptureStep, { kind: 'end' }> => ({
  kind: 'page',
  page: {
    sequence,
    image: new TextEncoder().encode('image'),
    thumbnail: new TextEncoder().encode('thumb'),
    mimeType: 'image/jpeg',
    widthPx: 1654,
    heightPx: 2339,
    dpi: 200,
    dpiSource: 'scanner',
    lowDpi: false,
    blank: false,
    inkRatio: 0.01,
    codes: [],
    sheet: null,
    sha256: 'a'.repeat(64),
  },
});

/** A record in `status` with two pages, a code and a batch of its own, as later steps leave it. */
async function recordIn(status: RecordStatus): Promise<RecordRow> {
  const record: RecordRow = {
    id: 'R',
    code: '000.00.12.H20.2026.001000001K',
    status,
    batchId: 'B',
    fields: { ownerName: 'Nguyễn Văn Ánh', documentNumber: '49/QĐ-SLĐTBXH' },
    createdBy: 'clerk',
    createdAt: 1,
    updatedAt: 1,
  };
  await db.records.add(record);
  await db.batches.add({
    id: 'B',
    name: 'Lô',
    status: 'open',
    ownerUserId: 'clerk',
    ownerName: 'Thư',
    createdAt: 1,
    updatedAt: 1,
  });
  await db.pages.bulkAdd([pageRow('R-1', 'R', 0), pageRow('R-2', 'R', 1)]);
  // An empty draft beside it, for the merges.
  await db.records.add({
    id: 'D',
    status: 'captured',
    fields: {},
    createdBy: 'clerk',
    createdAt: 1,
    updatedAt: 1,
  });
  await db.pages.add(pageRow('D-1', 'D', 0));
  return record;
}

const clearTables = () =>
  Promise.all([
    db.records.clear(),
    db.pages.clear(),
    db.originals.clear(),
    db.batches.clear(),
    db.audit.clear(),
  ]);

const snapshot = async () => ({
  records: await db.records.orderBy('id').toArray(),
  pages: await db.pages.orderBy('id').toArray(),
  originals: await db.originals.count(),
  audit: await db.audit.count(),
});

type Target = RecordStatus | 'edit';
/** Every path by which the renderer changes a record's status or its pages and fields. */
const ENTRY_POINTS: { name: string; target: Target; run: () => Promise<unknown> }[] = [
  {
    name: 'a captured page',
    target: 'captured',
    run: () => storeCapturedItem('R', 'run-1', capturedPage(1)),
  },
  {
    name: 'a captured original',
    target: 'edit',
    run: () =>
      storeCapturedItem('R', 'run-1', {
        kind: 'original',
        original: {
          sequence: 1,
          name: 'a.pdf',
          mimeType: 'application/pdf',
          sha256: 'b'.repeat(64),
          bytes: 3,
          pages: 1,
          data: new TextEncoder().encode('%PD'),
        },
      }),
  },
  { name: 'turning a page', target: 'edit', run: () => edits.rotatePage('R-1', 1) },
  { name: 'removing a page', target: 'edit', run: () => edits.deletePage('R-2') },
  { name: 'moving a page', target: 'edit', run: () => edits.movePage('R-2', 0) },
  { name: 'splitting the record', target: 'edit', run: () => edits.splitBefore('R-2', 'clerk') },
  { name: 'merging another record into it', target: 'edit', run: () => edits.mergeRecords('R', 'D') },
  { name: 'merging it into another record', target: 'edit', run: () => edits.mergeRecords('D', 'R') },
  {
    name: 'saving its index',
    target: 'indexed',
    run: () => saveIndexedRecord('R', { ownerName: 'Khác' } as never, defaultSettings()),
  },
  { name: 'signing it', target: 'finalized', run: () => finalizeRecord('R', { agencyName: 'Sở' }) },
  { name: 'submitting its batch', target: 'submitted', run: () => submitBatch('B') },
  {
    name: 'approving it',
    target: 'approved',
    run: () => decideRecords(['R'], 'approve', { userId: 'sup', displayName: 'Duyệt' }),
  },
  {
    name: 'rejecting it',
    target: 'rejected',
    run: () =>
      decideRecords(['R'], 'reject', { userId: 'sup', displayName: 'Duyệt' }, {
        code: 'other',
        text: 'x',
      } as never),
  },
  { name: 'correcting it', target: 'superseded', run: () => createCorrection('R', 'clerk') },
];

const allowed = (from: RecordStatus, target: Target) =>
  target === 'edit' ? isEditable(from) : gate.mayWrite(from, target);

describe('the record status gate', () => {
  beforeEach(async () => {
    await clearTables();
  });

  it('writes a status only where the state machine allows it, settling the batch and the audit trail with it', async () => {
    for (const from of RECORD_STATUSES) {
      for (const to of RECORD_STATUSES) {
        await clearTables();
        await recordIn(from);
        const write = gate.transitionRecord('R', to, {
          patch: { captureLabel: 'x' },
          audit: { action: 'edit', details: { after: { to } } },
        });
        if (!gate.mayWrite(from, to)) {
          await expect(write, `${from} → ${to}`).rejects.toMatchObject({
            code: expect.stringMatching(/^records\.(notEditable|wrongState)$/),
          });
          expect((await db.records.get('R'))?.status).toBe(from);
          expect(await db.audit.count()).toBe(0);
          continue;
        }
        await write;
        expect(await db.records.get('R'), `${from} → ${to}`).toMatchObject({ status: to, captureLabel: 'x' });
        expect((await db.batches.get('B'))?.status, `${from} → ${to}`).toBe(batchStatusOf([to]));
        expect(await db.audit.count()).toBe(1);
      }
    }
  });

  for (const entry of ENTRY_POINTS) {
    it(`refuses ${entry.name} wherever the state machine does not allow it, changing nothing`, async () => {
      for (const from of RECORD_STATUSES.filter((status) => !allowed(status, entry.target))) {
        await clearTables();
        await recordIn(from);
        const before = await snapshot();
        await expect(entry.run(), `${entry.name} on a ${from} record`).rejects.toMatchObject({
          code: expect.stringMatching(
            /^(records\.(notEditable|wrongState|notCorrectable)|batches\.notReady|review\.notWaiting)$/,
          ),
        });
        expect(await snapshot(), `${entry.name} on a ${from} record`).toEqual(before);
      }
    });
  }

  it('adds no page to a signed record (a page that arrives after signing is refused)', async () => {
    await recordIn('finalized');
    await expect(storeCapturedItem('R', 'run-1', capturedPage(7))).rejects.toMatchObject({
      code: 'records.notEditable',
    });
    expect(await db.pages.where('recordId').equals('R').count()).toBe(2);
    expect((await db.records.get('R'))?.status).toBe('finalized');
  });

  it('files the pages of a scan bound to a record signed meanwhile into a new record, losing none', async () => {
    await recordIn('finalized');
    const runs = await import('../../../src-renderer/capture/capture-runs');
    const binding = { recordId: 'R', separateOnBlank: false };
    const { runId } = await runs.beginScan(
      { deviceId: 'demo:standard', source: 'adf', dpi: 75, mode: 'color', maxPages: 3 },
      binding,
    );
    const end = await runs.drainRun(runId, binding);
    expect(end).toMatchObject({ pages: 3, failure: null });
    expect(await db.pages.where('recordId').equals('R').count()).toBe(2);
    const fresh = (await db.records.toArray()).filter((record) => !['R', 'D'].includes(record.id));
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toMatchObject({ status: 'captured' });
    expect(await db.pages.where('recordId').equals(fresh[0]!.id).count()).toBe(3);
    expect((await db.records.get('R'))?.status).toBe('finalized');
  });

  it('gives a correction of a synced record none of its Central receipt, review, code or file state', async () => {
    await recordIn('synced');
    await db.records.update('R', {
      ownerIdNumber: '087086000123',
      departmentCode: 'NCC',
      review: { decision: 'approved', by: 'sup', byName: 'Duyệt', at: 2, token: 't' },
      sync: {
        receipt: { serverId: 's', code: 'c', sha256: 'a'.repeat(64), bytes: 1, storedAt: 'x' } as never,
        at: 3,
      },
    });
    const id = await createCorrection('R', 'clerk');
    const correction = (await db.records.get(id))!;
    expect(correction).toMatchObject({
      status: 'captured',
      supersedes: 'R',
      ownerIdNumber: '087086000123',
      departmentCode: 'NCC',
      fields: { ownerName: 'Nguyễn Văn Ánh' },
    });
    for (const key of ['sync', 'review', 'code', 'finalize', 'supersededBy'] as const) {
      expect(correction[key], key).toBeUndefined();
    }
  });

  it('is the only place a record status is written (no other renderer file writes one)', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name)) files.push(path);
      }
    };
    walk(join(ROOT, 'src-renderer'));
    const write =
      /records(?:\.where\([^)]*\)[^;]*?)?\.(?:add|put|bulkAdd|bulkPut|update|modify|bulkUpdate)\(/g;
    const offenders: string[] = [];
    for (const path of files.filter((file) => !file.endsWith(join('db', 'record-transition.ts')))) {
      const text = readFileSync(path, 'utf8');
      for (const match of text.matchAll(write)) {
        // The call's arguments, up to its closing parenthesis.
        let depth = 1;
        let end = match.index + match[0].length;
        while (depth > 0 && end < text.length) {
          if (text[end] === '(') depth += 1;
          if (text[end] === ')') depth -= 1;
          end += 1;
        }
        const call = text.slice(match.index, end);
        if (/\bstatus\b/.test(call)) offenders.push(`${relative(ROOT, path)}: ${call.slice(0, 80)}`);
      }
    }
    expect(files.length).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });
});
