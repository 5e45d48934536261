import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  deleteEmptyRecord,
  deletePage,
  mergeRecords,
  movePage,
  rotatePage,
  splitBefore,
} from '../../../src-renderer/capture/page-edits';
import { db } from '../../../src-renderer/db/database';
import type { RecordRow } from '../../../src-renderer/db/rows';
import { pageRow } from '../../support/page-rows';

const record = (id: string, status: RecordRow['status'] = 'captured'): RecordRow => ({
  id,
  status,
  fields: {},
  createdBy: 'clerk',
  createdAt: 1,
  updatedAt: 1,
});

const page = pageRow;

/** Page ids of a record in their order, checking the indexes run 0…n−1. */
async function order(recordId: string): Promise<string[]> {
  const pages = await db.pages.where('recordId').equals(recordId).sortBy('index');
  expect(pages.map((each) => each.index)).toEqual(pages.map((_, index) => index));
  return pages.map((each) => each.id);
}

describe('page edits on the capture screen', () => {
  beforeEach(async () => {
    await Promise.all([db.records.clear(), db.pages.clear(), db.originals.clear()]);
    await db.records.bulkAdd([record('A'), record('B'), record('F', 'finalized')]);
    await db.pages.bulkAdd([
      page('a1', 'A', 0),
      page('a2', 'A', 1),
      page('a3', 'A', 2),
      page('a4', 'A', 3),
      page('b1', 'B', 0),
      page('f1', 'F', 0),
    ]);
  });

  it('turns a page a quarter at a time, both ways, without touching the image', async () => {
    await rotatePage('a1', 1);
    expect((await db.pages.get('a1'))?.rotation).toBe(90);
    await rotatePage('a1', -1);
    await rotatePage('a1', -1);
    expect((await db.pages.get('a1'))?.rotation).toBe(270);
    expect(await (await db.pages.get('a1'))!.image.text()).toBe('a1');
  });

  it('removes a page and closes the gap; the last page gone, the record is a draft again', async () => {
    await deletePage('a2');
    expect(await order('A')).toEqual(['a1', 'a3', 'a4']);
    await deletePage('b1');
    expect(await order('B')).toEqual([]);
    expect((await db.records.get('B'))?.status).toBe('draft');
  });

  it('moves a page forwards and backwards', async () => {
    await movePage('a1', 2);
    expect(await order('A')).toEqual(['a2', 'a3', 'a1', 'a4']);
    await movePage('a4', 0);
    expect(await order('A')).toEqual(['a4', 'a2', 'a3', 'a1']);
  });

  it('splits a record before a page: that page and the rest become a new record', async () => {
    const created = await splitBefore('a3', 'clerk');
    expect(created).not.toBeNull();
    expect(await order('A')).toEqual(['a1', 'a2']);
    expect(await order(created!)).toEqual(['a3', 'a4']);
    expect(await db.records.get(created!)).toMatchObject({ status: 'captured', createdBy: 'clerk' });
    expect(await splitBefore('a1', 'clerk')).toBeNull();
  });

  it('merges a record into another, after its pages, and removes the emptied one', async () => {
    await mergeRecords('B', 'A');
    expect(await order('B')).toEqual(['b1', 'a1', 'a2', 'a3', 'a4']);
    expect(await db.records.get('A')).toBeUndefined();
  });

  it('keeps the fields through a split and a merge: a cover sheet’s fields are never lost', async () => {
    const cover = { ownerName: 'Trần Văn Bình', box: 'H-0007' };
    await db.records.update('A', { fields: cover, coverReference: '7K3M9QX2PA' });
    const created = await splitBefore('a3', 'clerk');
    expect(await db.records.get('A')).toMatchObject({ fields: cover, coverReference: '7K3M9QX2PA' });
    expect((await db.records.get(created!))?.fields).toEqual({});
    // Merged into a record that knows less: the target gains what the source knew, keeps its own.
    await db.records.update('B', { fields: { box: 'H-0009' } });
    await mergeRecords('B', 'A');
    expect(await db.records.get('B')).toMatchObject({
      fields: { ownerName: 'Trần Văn Bình', box: 'H-0009' },
      coverReference: '7K3M9QX2PA',
    });
  });

  it('moves a born-digital original with its pages, and never deletes one of its pages alone', async () => {
    await db.pages.bulkAdd([
      page('p1', 'A', 4, { originalId: 'pdf', originalPage: 1 }),
      page('p2', 'A', 5, { originalId: 'pdf', originalPage: 2 }),
    ]);
    await db.originals.add({
      id: 'pdf',
      recordId: 'A',
      name: 'giay-phep.pdf',
      mimeType: 'application/pdf',
      data: new Blob(['%PDF-']),
      sha256: 'f'.repeat(64),
      bytes: 5,
      pages: 2,
      createdAt: 1,
    });
    const created = await splitBefore('p1', 'clerk');
    expect((await db.originals.get('pdf'))?.recordId).toBe(created);
    await expect(deletePage('p1')).rejects.toMatchObject({ code: 'records.notEditable' });
  });

  it('refuses to change the pages of a finalized record', async () => {
    await expect(rotatePage('f1', 1)).rejects.toMatchObject({ code: 'records.notEditable' });
    await expect(deletePage('f1')).rejects.toMatchObject({ code: 'records.notEditable' });
    await expect(mergeRecords('A', 'F')).rejects.toMatchObject({ code: 'records.notEditable' });
    expect(await order('F')).toEqual(['f1']);
  });

  it('deletes a record only once it has no pages', async () => {
    await deleteEmptyRecord('A');
    expect(await db.records.get('A')).toBeDefined();
    await deletePage('b1');
    await deleteEmptyRecord('B');
    expect(await db.records.get('B')).toBeUndefined();
  });
});
