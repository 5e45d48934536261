import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../../../src-shared/encoding/csv';
import { inventoryFromTable } from '../../../src-shared/stats/inventory';

describe('inventory import', () => {
  it('reads an office CSV with Vietnamese headers, semicolons and dd/mm/yyyy dates; bad lines keep their reason', () => {
    const csv = [
      '\uFEFFPhòng;Mã thủ tục;Số lượng;Ngày kiểm đếm;Ghi chú',
      'NCC;1.001257;1.250;15/01/2026;Kho tầng 2',
      'vlatld;1.000459;40;;',
      'NCC;1001257;3;15/01/2026;',
      'GDNN;1.000479;-2;15/01/2026;',
      'BTXH;2.000286;5;31/02/2026;',
    ].join('\r\n');
    const { counts, problems } = inventoryFromTable(readCsvTable(csv), '2026-12-01');
    expect(counts).toEqual([
      {
        departmentCode: 'NCC',
        procedureCode: '1.001257',
        count: 1250,
        countedAt: '2026-01-15',
        note: 'Kho tầng 2',
      },
      { departmentCode: 'VLATLD', procedureCode: '1.000459', count: 40, countedAt: '2026-12-01', note: '' },
    ]);
    expect(problems).toEqual([
      { line: 4, message: 'procedureCode' },
      { line: 5, message: 'count' },
      { line: 6, message: 'countedAt' },
    ]);
  });

  it('reads English headers, and says so when the needed columns are missing', () => {
    const english = readCsvTable('department,procedure,count\nNCC,1.001257,7');
    expect(inventoryFromTable(english, '2026-12-01').counts).toHaveLength(1);
    expect(inventoryFromTable(readCsvTable('name,total\nA,1'), '2026-12-01')).toEqual({
      counts: [],
      problems: [{ line: 1, message: 'header' }],
    });
  });
});
