import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeCodesWorker } from '../../../src-main/imaging/read-page-codes';
import { processPage } from '../../../src-main/imaging/process-page';
import { createStationServices } from '../../../src-main/services/station-services';
import { defaultSettings } from '../../../src-shared/domain/settings';
import { ADMIN } from '../../support/backend';
import { requireBuild } from '../../support/built-app';
import { tool } from '../../support/poppler';
import { runSohoa } from '../../support/run-cli';
import { scanOfPdfPage } from '../../support/sheet-scans';
import { makeTempDir } from '../../support/temp-dir';

describe('sohoa sheets', () => {
  const dir = makeTempDir('sohoa-cli-sheets-');
  const env = { PW: ADMIN.password };
  const asAdmin = ['--user', ADMIN.username, '--password-env', 'PW'];
  beforeAll(async () => {
    requireBuild();
    await createStationServices({ dataDir: dir.path }).accounts.setupAdmin(ADMIN);
  });
  afterAll(async () => {
    await closeCodesWorker();
    dir.remove();
  });

  it('prints a cover sheet per line of a list and the separators asked for; each QR holds only its reference', async () => {
    const list = join(dir.path, 'hop-07.csv');
    // As Excel saves it in a Vietnamese locale: semicolons, a BOM, dd/mm/yyyy.
    writeFileSync(
      list,
      '\uFEFFownerName;ownerIdNumber;documentNumber;procedureCode;box;issueDate\n' +
        'Trần Văn Bình;087 095 000 123;946/QĐ-SLĐTBXH;1.001257;H-0007;12/05/2023\n' +
        'Lê Thị Hoa;;12/QĐ-SLĐTBXH;;H-0007;\n',
    );
    const out = join(dir.path, 'bia.pdf');
    const printed = await runSohoa(
      ['sheets', list, '--out', out, '--separators', '1', '--json', ...asAdmin],
      {
        dataDir: dir.path,
        env,
      },
    );
    expect(printed).toMatchObject({ code: 0, stderr: '' });
    const summary = JSON.parse(printed.stdout) as {
      coverSheets: number;
      separatorSheets: number;
      prepared: { reference: string; fields: Record<string, string> }[];
    };
    expect(summary).toMatchObject({ coverSheets: 2, separatorSheets: 1 });
    expect(summary.prepared.map((record) => record.fields)).toEqual([
      {
        ownerName: 'Trần Văn Bình',
        ownerIdNumber: '087095000123',
        documentNumber: '946/QĐ-SLĐTBXH',
        procedureCode: '1.001257',
        box: 'H-0007',
        issueDate: '2023-05-12',
      },
      { ownerName: 'Lê Thị Hoa', documentNumber: '12/QĐ-SLĐTBXH', box: 'H-0007' },
    ]);

    const pdf = readFileSync(out);
    expect((await tool('pdfinfo', [out])).out).toMatch(/Pages:\s+3/);
    const text = (await tool('pdftotext', ['-layout', out, '-'])).out;
    expect(text).toContain('TỜ BÌA HỒ SƠ');
    expect(text).toContain('Trần Văn Bình');
    const reference = summary.prepared[0]!.reference;
    expect(text).toContain(`${reference.slice(0, 5)} ${reference.slice(5)}`);
    expect(text).toContain('TỜ PHÂN CÁCH');

    const scanned = await processPage(await scanOfPdfPage(pdf, 1, { dpi: 150, mode: 'gray' }), {
      settings: defaultSettings().capture,
    });
    expect(scanned.codes.map((code) => code.text)).toEqual([`SOHOA1:C:${reference}`]);
  });

  it('prints nothing for a list with bad lines, naming each, and refuses a wrong password', async () => {
    const list = join(dir.path, 'sai.csv');
    writeFileSync(list, 'ownerName,issueDate\nNguyễn Văn A,31-02-2020\n,\nTrần B,01/02/2020\n');
    const out = join(dir.path, 'khong-in.pdf');
    const refused = await runSohoa(['sheets', list, '--out', out, ...asAdmin], { dataDir: dir.path, env });
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain('sai.csv: Dòng 2: Ngày ban hành không hợp lệ');
    expect(refused.stderr).toContain('sai.csv: Dòng 3: dòng trống.');
    expect(existsSync(out)).toBe(false);

    const wrong = await runSohoa(['sheets', '--separators', '2', '--out', out, ...asAdmin], {
      dataDir: dir.path,
      env: { PW: 'not-the-password' },
    });
    expect(wrong.code).toBe(3);
    expect(existsSync(out)).toBe(false);
  });
});
