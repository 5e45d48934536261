import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStack } from '../../../src-main/capture/demo/demo-documents';
import {
  checkCode,
  DEFAULT_CODE_TEMPLATE,
  parseCodeTemplate,
  renderCode,
} from '../../../src-shared/domain/record-code';
import { requireBuild } from '../../support/built-app';
import { runSohoa } from '../../support/run-cli';
import { makeTempDir } from '../../support/temp-dir';

describe('sohoa ocr and sohoa code check', () => {
  const dir = makeTempDir('sohoa-cli-ocr-');
  const [permit] = demoStack(1, 1);
  beforeAll(async () => {
    requireBuild();
    writeFileSync(
      join(dir.path, 'giay-phep.png'),
      await sharp(Buffer.from(permit!.svg), { density: 300 }).png().toBuffer(),
    );
    writeFileSync(join(dir.path, 'hong.png'), 'không phải ảnh');
  });
  afterAll(() => dir.remove());

  it('prints text, confidence and suggested fields with spans as JSON, and reports a bad image', async () => {
    const result = await runSohoa(
      ['ocr', join(dir.path, 'giay-phep.png'), join(dir.path, 'hong.png'), '--json'],
      {
        dataDir: dir.path,
      },
    );
    expect(result.code).toBe(5);
    const { pages } = JSON.parse(result.stdout) as {
      pages: {
        text?: string;
        confidence?: number;
        suggestions?: { field: string; value: string; span: { start: number; end: number } }[];
        error?: { code: string };
      }[];
    };
    const [page, bad] = pages;
    expect(page!.confidence).toBeGreaterThan(85);
    const name = page!.suggestions!.find((suggestion) => suggestion.field === 'ownerName')!;
    expect(name.value).toBe(permit!.data.foreignName);
    expect(page!.text!.slice(name.span.start, name.span.end)).toBe(permit!.data.foreignName);
    expect(bad!.error?.code).toBe('imaging.unreadable');
  }, 60_000);

  it('checks a record code and its check character, in Vietnamese', async () => {
    const { tokens } = parseCodeTemplate(DEFAULT_CODE_TEMPLATE);
    const code = renderCode(
      tokens,
      { agency: '000.00.12.H20', dept: '', procedure: '', station: '001', date: new Date(2026, 0, 5) },
      77,
    );
    expect(checkCode(tokens, code)).toEqual({ ok: true });
    const good = await runSohoa(['code', 'check', code], { dataDir: dir.path });
    expect(good).toMatchObject({ code: 0, stdout: 'Mã hợp lệ.\n' });
    const typo = `${code.slice(0, -3)}${code.at(-3) === '7' ? '1' : '7'}${code.slice(-2)}`;
    const bad = await runSohoa(['code', 'check', typo, '--json'], { dataDir: dir.path });
    expect(bad.code).toBe(5);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, problem: 'checkCharacter' });
    const shape = await runSohoa(['code', 'check', 'ABC'], { dataDir: dir.path });
    expect(shape).toMatchObject({ code: 5, stdout: 'Mã không đúng mẫu mã của trạm.\n' });
  });
});
