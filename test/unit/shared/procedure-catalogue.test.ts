import { describe, expect, it } from 'vitest';
import {
  parseProcedureCsv,
  SEED_PROCEDURES,
  procedureSchema,
} from '../../../src-shared/domain/procedure-catalogue';

describe('procedure catalogue', () => {
  it('seeds valid entries with unique codes', () => {
    for (const procedure of SEED_PROCEDURES) expect(procedureSchema.parse(procedure)).toEqual(procedure);
    expect(new Set(SEED_PROCEDURES.map((procedure) => procedure.code)).size).toBe(SEED_PROCEDURES.length);
  });

  it('imports a CSV as Excel saves it: BOM, semicolons, quotes, Vietnamese result types, empty validity', () => {
    const csv =
      '\uFEFFcode;name;department;resultType;validityMonths\r\n' +
      '1.000459;"Cấp giấy phép lao động; người nước ngoài";vlatld;Giấy phép;24\r\n' +
      '1.000479;Cấp giấy chứng nhận đăng ký hoạt động GDNN;GDNN;certificate;\r\n' +
      '3.12;Mã sai;VP;decision;\r\n' +
      '1.000105;Xác nhận;VLATLD;không rõ;24\r\n';
    const { procedures, problems } = parseProcedureCsv(csv);
    expect(procedures).toEqual([
      {
        code: '1.000459',
        name: 'Cấp giấy phép lao động; người nước ngoài',
        departmentCode: 'VLATLD',
        resultType: 'licence',
        validityMonths: 24,
      },
      {
        code: '1.000479',
        name: 'Cấp giấy chứng nhận đăng ký hoạt động GDNN',
        departmentCode: 'GDNN',
        resultType: 'certificate',
        validityMonths: null,
      },
    ]);
    expect(problems.map((problem) => problem.line)).toEqual([4, 5]);
  });

  it('refuses a file without the needed columns', () => {
    expect(parseProcedureCsv('ma,ten\n1.000459,x').problems).toEqual([
      { line: 1, message: 'header: code, name, department, resultType, validityMonths' },
    ]);
  });
});
