import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors/app-error';
import { createFileLogger } from '../../../src-main/platform/logger';
import { makeTempDir } from '../../support/temp-dir';

describe("the station's log", () => {
  const dir = makeTempDir('sohoa-logger-');
  afterEach(() => dir.remove());

  it('never holds an ID number, a tax code or a name, and keeps the technical detail', async () => {
    const log = createFileLogger(dir.path);
    const code = '000.00.12.H20.2026.007000001K';
    log.info('review.decide: review.selfApproval', {
      fields: { ownerName: 'Nguyễn Văn Ánh', ownerIdNumber: '087085001234', documentNumber: '49/QĐ-SLĐTBXH' },
      detail: `record ${code} of 087085001234 (tax code 0312345678-001, old ID 023456789)`,
      sha256: 'a'.repeat(64),
      at: 1764633600000,
    });
    log.error(
      'sync.begin',
      new AppError('sync.conflict', { detail: `owner 001190012345 of ${code}` }).toData(),
    );
    const read = () => {
      const [file] = readdirSync(join(dir.path, 'logs'));
      return file ? readFileSync(join(dir.path, 'logs', file), 'utf8') : '';
    };
    await expect.poll(() => read().split('\n').filter(Boolean).length).toBe(2);
    const text = read();
    for (const personal of ['Nguyễn Văn Ánh', '087085001234', '0312345678', '023456789', '001190012345']) {
      expect(text).not.toContain(personal);
    }
    // What the IT admin needs stays: the record's code, the document number, hashes, times, codes.
    for (const kept of [code, '49/QĐ-SLĐTBXH', 'a'.repeat(64), '1764633600000', 'sync.conflict']) {
      expect(text).toContain(kept);
    }
  });
});
