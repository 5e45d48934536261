import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skewOf } from '../../../src-main/ocr/deskew';
import { greymap } from '../../../src-main/ocr/greymap';
import { requireBuild } from '../../support/built-app';
import { vietnamesePage } from '../../support/page-images';
import { tool } from '../../support/poppler';
import { runSohoa } from '../../support/run-cli';
import { createSoftToken } from '../../support/softhsm';
import { makeTempDir } from '../../support/temp-dir';
import { createTestPki, P12_PASSWORD, type TestPki } from '../../support/test-pki';

describe('sohoa pdf, sohoa sign and sohoa verify', () => {
  const dir = makeTempDir('sohoa-cli-sign-');
  const file = (name: string) => join(dir.path, name);
  let pki: TestPki;
  let token: ReturnType<typeof createSoftToken>;
  const sohoa = (args: string[], env: Record<string, string> = {}) =>
    runSohoa(args, {
      dataDir: file('data'),
      env: { SOFTHSM2_CONF: process.env.SOFTHSM2_CONF ?? '', ...env },
    });

  beforeAll(async () => {
    requireBuild();
    pki = createTestPki(dir.path);
    token = createSoftToken(dir.path, pki.agency);
    writeFileSync(
      file('trang-1.png'),
      await sharp(await vietnamesePage(200, ['QUYẾT ĐỊNH', 'Về việc trợ cấp ưu đãi người có công']))
        .png()
        .toBuffer(),
    );
    writeFileSync(
      file('meta.json'),
      JSON.stringify({ code: '000.00.12.H20.2026.0010000017', fields: { documentNumber: '49/QĐ-SLĐTBXH' } }),
    );
  }, 60_000);
  afterAll(() => dir.remove());

  it('builds a searchable PDF/A from an image with --ocr and --meta', async () => {
    const result = await sohoa([
      'pdf',
      file('trang-1.png'),
      '--out',
      file('ho-so.pdf'),
      '--ocr',
      '--meta',
      file('meta.json'),
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ pages: 1 });
    expect((await tool('pdftotext', [file('ho-so.pdf'), '-'])).out).toContain('trợ cấp ưu đãi');
    expect((await tool('pdfinfo', [file('ho-so.pdf')])).out).toMatch(
      /Keywords:\s+000\.00\.12\.H20\.2026\.0010000017, 49\/QĐ-SLĐTBXH/,
    );
  }, 60_000);

  it('levels a page fed askew with --clean-up, the text still found', async () => {
    const page = await vietnamesePage(200, [
      'QUYẾT ĐỊNH',
      'Về việc trợ cấp ưu đãi người có công với cách mạng',
      'Điều 1. Trợ cấp hằng tháng đối với Ông/Bà: Nguyễn Thị Lan',
      'Nơi thường trú: Phường 1, thành phố Cao Lãnh, tỉnh Đồng Tháp',
    ]);
    const { width, height } = await sharp(page).metadata();
    const askew = await sharp(page).rotate(2, { background: 'white' }).png().toBuffer();
    writeFileSync(
      file('lech.png'),
      await sharp(askew)
        .extract({ left: 0, top: 0, width: width!, height: height! })
        .withMetadata({ density: 200 })
        .png()
        .toBuffer(),
    );
    const skewOfPdf = async (name: string) => {
      expect(
        (
          await sohoa([
            'pdf',
            file('lech.png'),
            '--out',
            file(name),
            '--ocr',
            ...(name === 'sach.pdf' ? ['--clean-up'] : []),
          ])
        ).code,
      ).toBe(0);
      expect((await tool('pdftotext', [file(name), '-'])).out).toContain('Nguyễn Thị Lan');
      await tool('pdftoppm', ['-r', '100', '-png', '-singlefile', file(name), file(name)]);
      return skewOf(await greymap(readFileSync(`${file(name)}.png`)));
    };
    expect(await skewOfPdf('lech.pdf')).toBeCloseTo(2, 0);
    expect(Math.abs(await skewOfPdf('sach.pdf'))).toBeLessThan(0.3);
  }, 60_000);

  it('signs with the token and with the PKCS#12 file; verify exits 0 only when trusted and intact', async () => {
    const withToken = await sohoa(
      [
        'sign',
        file('ho-so.pdf'),
        '--out',
        file('token.pdf'),
        '--pkcs11',
        token.module,
        '--token',
        token.label,
        '--pin-env',
        'PIN',
        '--stamp',
        'last',
      ],
      { PIN: token.pin },
    );
    expect(withToken.stderr).toBe('');
    expect(withToken.code).toBe(0);
    const withFile = await sohoa(
      [
        'sign',
        file('ho-so.pdf'),
        '--out',
        file('p12.pdf'),
        '--p12',
        pki.agency.p12Path,
        '--password-env',
        'P12',
        '--json',
      ],
      { P12: P12_PASSWORD },
    );
    expect(JSON.parse(withFile.stdout)).toMatchObject({ level: 'B-B' });
    for (const signed of ['token.pdf', 'p12.pdf']) {
      expect((await tool('pdfsig', [file(signed)])).out).toContain('Signature is Valid');
      const trusted = await sohoa(['verify', file(signed), '--trust', pki.trustDir, '--json']);
      expect(trusted.code).toBe(0);
      expect(JSON.parse(trusted.stdout)).toMatchObject({
        valid: true,
        signatures: [{ intact: true, chain: { status: 'trusted' } }],
      });
    }
    // Not trusted without the test CA: exit 1, the reason in Vietnamese.
    const untrusted = await sohoa(['verify', file('p12.pdf')]);
    expect(untrusted.code).toBe(1);
    expect(untrusted.stdout).toContain('không thuộc tổ chức cấp nào trong danh sách tin cậy');
    // One byte changed: exit 1, "changed".
    const bytes = readFileSync(file('p12.pdf'));
    bytes[2000]! ^= 0x20;
    writeFileSync(file('sua.pdf'), bytes);
    const changed = await sohoa(['verify', file('sua.pdf'), '--trust', pki.trustDir]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('Nội dung đã bị thay đổi');
  }, 60_000);

  it('says a wrong PIN and an expired certificate in Vietnamese, with their exit codes, writing nothing', async () => {
    const wrongPin = await sohoa(
      ['sign', file('ho-so.pdf'), '--out', file('khong.pdf'), '--pkcs11', token.module, '--pin-env', 'PIN'],
      { PIN: '111111' },
    );
    expect(wrongPin.code).toBe(3);
    expect(wrongPin.stderr).toContain('Sai mã PIN');
    const expired = await sohoa(
      [
        'sign',
        file('ho-so.pdf'),
        '--out',
        file('khong.pdf'),
        '--p12',
        pki.expired.p12Path,
        '--password-env',
        'P12',
      ],
      { P12: P12_PASSWORD },
    );
    expect(expired.code).toBe(5);
    expect(expired.stderr).toContain('đã hết hạn');
    expect(() => readFileSync(file('khong.pdf'))).toThrow();
  });
});
