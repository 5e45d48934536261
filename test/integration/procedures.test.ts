import { describe, expect, it } from 'vitest';
import type { Procedure } from '../../src-shared/domain/procedure-catalogue';
import { backendWithClerk, valueOf } from '../support/backend';

const value = valueOf;

describe('the procedure catalogue through the IPC registry', () => {
  it('starts from the seed, lets the admin edit and import it, and clerks read it', async () => {
    const backend = await backendWithClerk();
    try {
      const { call } = backend;
      const seed = value<Procedure[]>(await call('clerk', 'procedures.list', {}));
      expect(seed.map((procedure) => procedure.code)).toContain('1.000459');

      const procedure = {
        code: '2.000999',
        name: 'Thủ tục thử nghiệm',
        departmentCode: 'VP',
        resultType: 'other',
        validityMonths: 12,
      };
      expect(await call('clerk', 'procedures.save', { procedure })).toMatchObject({
        ok: false,
        error: { code: 'auth.forbidden' },
      });
      value(await call('admin', 'procedures.save', { procedure }));
      expect(
        await call('admin', 'procedures.save', {
          procedure: { ...procedure, code: '1.000459' },
          previousCode: '2.000999',
        }),
      ).toMatchObject({
        ok: false,
        error: { code: 'procedures.codeTaken' },
      });
      const imported = value<{ imported: number; problems: { line: number }[] }>(
        await call('admin', 'procedures.importCsv', {
          csv: 'code,name,department,resultType,validityMonths\n2.000999,Đổi tên,VP,khác,\n9.1,Sai,VP,other,\n',
        }),
      );
      expect(imported).toEqual({ imported: 1, problems: [expect.objectContaining({ line: 3 })] });
      const list = value<Procedure[]>(await call('clerk', 'procedures.list', {}));
      expect(list.find((each) => each.code === '2.000999')).toMatchObject({
        name: 'Đổi tên',
        validityMonths: null,
      });
      expect(list.length).toBe(seed.length + 1);
      value(await call('admin', 'procedures.delete', { code: '2.000999' }));
      expect(value<Procedure[]>(await call('clerk', 'procedures.list', {}))).toHaveLength(seed.length);
    } finally {
      backend.dir.remove();
    }
  });
});
