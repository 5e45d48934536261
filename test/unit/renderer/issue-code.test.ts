import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src-renderer/db/database';
import { issueRecordCode } from '../../../src-renderer/indexing/issue-code';
import { checkCode, parseCodeTemplate } from '../../../src-shared/domain/record-code';
import { defaultSettings } from '../../../src-shared/domain/settings';

const settings = { ...defaultSettings(), agencyId: '000.00.12.H20', stationNumber: '007' };
const addRecord = (id: string) =>
  db.records.add({ id, status: 'captured', fields: {}, createdBy: 'u', createdAt: 1, updatedAt: 1 });

describe('issuing record codes in IndexedDB', () => {
  beforeEach(async () => {
    await Promise.all([db.records.clear(), db.meta.clear()]);
  });

  it('issues valid codes in sequence, keeps a record’s code, and never reuses one', async () => {
    const now = new Date(2026, 10, 24);
    await addRecord('a');
    await addRecord('b');
    const first = await issueRecordCode('a', settings, now);
    expect(first).toMatch(/^000\.00\.12\.H20\.2026\.007000001[0-9A-Z]$/);
    expect(checkCode(parseCodeTemplate(settings.codeTemplate).tokens, first)).toEqual({ ok: true });
    expect(await issueRecordCode('a', settings, now)).toBe(first);
    await db.records.delete('a');
    const second = await issueRecordCode('b', settings, now);
    expect(second).toMatch(/\.007000002[0-9A-Z]$/);
  });

  it('refuses to issue without the agency identifier the template needs', async () => {
    await addRecord('c');
    await expect(issueRecordCode('c', { ...settings, agencyId: '' })).rejects.toMatchObject({
      code: 'codes.agencyMissing',
    });
    expect((await db.records.get('c'))?.code).toBeUndefined();
  });
});
