import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanManifest } from '../../../src-main/capture/scan-to-folder';
import { requireBuild } from '../../support/built-app';
import { runSohoa } from '../../support/run-cli';
import { requireSaneTestBackend } from '../../support/sane';
import { makeTempDir } from '../../support/temp-dir';

const readManifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ScanManifest;

describe('sohoa devices and sohoa scan on the SANE test device', () => {
  const data = makeTempDir('sohoa-cli-scan-');
  beforeAll(() => {
    requireBuild();
    requireSaneTestBackend();
  });
  afterAll(() => data.remove());

  const scanTestDevice = (args: string[]) =>
    runSohoa(['scan', '--device', 'sane:test:0', ...args], { dataDir: data.path });

  it('lists the SANE test devices as JSON', async () => {
    const result = await runSohoa(['devices', '--json'], { dataDir: data.path });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toContainEqual(
      expect.objectContaining({ id: 'sane:test:0', backend: 'sane' }),
    );
  });

  it('scans a 10-sheet ADF batch into processed pages and a manifest', async () => {
    const out = join(data.path, 'batch');
    const result = await scanTestDevice([
      '--source',
      'adf',
      '--dpi',
      '200',
      '--mode',
      'gray',
      '--out',
      out,
      '--sane-arg=--test-picture=Grid',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(10);
    const manifest = readManifest(out);
    expect(manifest.failure).toBeNull();
    // A stack without sheets is one record.
    expect(manifest.pages.map((page) => page.file)).toEqual(
      Array.from({ length: 10 }, (_, index) => `record-001/page-${String(index + 1).padStart(4, '0')}.jpg`),
    );
    expect(manifest.records).toEqual([
      { folder: 'record-001', cover: null, fields: {}, pages: 10, originals: 0 },
    ]);
    for (const page of manifest.pages) {
      expect(page).toMatchObject({ dpi: 200, lowDpi: false, blank: false, mimeType: 'image/jpeg' });
      expect(
        createHash('sha256')
          .update(readFileSync(join(out, page.file)))
          .digest('hex'),
      ).toBe(page.sha256);
    }
    // No raw scanner files are left behind; the record's folder holds its pages and manifest.
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'record-001']);
    expect(readdirSync(join(out, 'record-001')).sort()).toEqual(
      ['manifest.json', ...manifest.pages.map((page) => page.file.slice('record-001/'.length))].sort(),
    );
    const record = JSON.parse(readFileSync(join(out, 'record-001', 'manifest.json'), 'utf8')) as {
      pages: { file: string }[];
    };
    expect(record.pages).toHaveLength(10);
  });

  it('flags white test pages as blank and coarse scans as low dpi', async () => {
    const out = join(data.path, 'white');
    const result = await scanTestDevice([
      '--dpi',
      '100',
      '--mode',
      'gray',
      '--out',
      out,
      '--max-pages',
      '2',
      '--sane-arg=--test-picture=Solid white',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const manifest = JSON.parse(result.stdout) as ScanManifest;
    expect(manifest.pages.map(({ blank, lowDpi }) => ({ blank, lowDpi }))).toEqual([
      { blank: true, lowDpi: true },
      { blank: true, lowDpi: true },
    ]);
  });

  it('reports a paper jam in Vietnamese with exit code 6 and records it in the manifest', async () => {
    const out = join(data.path, 'jam');
    const result = await scanTestDevice([
      '--out',
      out,
      '--dpi',
      '100',
      '--sane-arg=--read-return-value=SANE_STATUS_JAMMED',
    ]);
    expect(result.code).toBe(6);
    expect(result.stderr).toMatch(/^Kẹt giấy trong khay nạp\..* \[capture\.paperJam\]\n$/);
    expect(readManifest(out)).toMatchObject({ pages: [], failure: { code: 'capture.paperJam' } });
  });

  it('refuses bad options with a usage error before touching the scanner', async () => {
    const result = await scanTestDevice(['--out', data.path, '--source', 'tray']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/source/);
  });
});
