import { appendFileSync, copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHotFolder, type HotFolderOptions } from '../../../src-main/capture/hot-folder/hot-folder';
import { importFiles } from '../../../src-main/capture/import/import-files';
import { silentLogger } from '../../../src-main/platform/logger';
import { AppError } from '../../../src-shared/errors/app-error';
import { defaultSettings } from '../../../src-shared/domain/settings';
import { vi } from '../../../src-shared/i18n/vi';
import { vietnamesePage } from '../../support/page-images';
import { makeTempDir } from '../../support/temp-dir';

const settings = defaultSettings().capture;
const STABLE_MS = 400;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('hot folder', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let jpeg: Buffer;
  let close: (() => Promise<void>) | undefined;
  let taken: { name: string; bytes: number }[];
  let settled: { name: string; outcome: string }[];

  beforeAll(async () => {
    jpeg = await sharp(await vietnamesePage(150, ['QUYẾT ĐỊNH', 'Số: 49/QĐ-SLĐTBXH']))
      .withDensity(150)
      .jpeg()
      .toBuffer();
  });
  afterEach(async () => {
    await close?.();
    close = undefined;
    dir.remove();
  });

  /** The real importer as the hot folder's `take`: a bad file throws its typed error. */
  async function start(folder: string) {
    const options: HotFolderOptions = {
      folder,
      stableMs: STABLE_MS,
      log: silentLogger,
      describe: (error) =>
        error.code === 'import.unsupportedType' ? vi.errors.import.unsupportedType : error.code,
      take: async (path) => {
        taken.push({ name: path.split('/').pop()!, bytes: readFileSync(path).length });
        const [result] = await importFiles({ paths: [path], outDir: join(dir.path, 'queue'), settings });
        if (result!.error) throw AppError.fromData(result!.error);
      },
      onSettled: (event) => settled.push(event),
    };
    close = (await startHotFolder(options)).close;
  }
  const waitForSettled = async (count: number) => {
    for (let waited = 0; settled.length < count && waited < 15_000; waited += 50) await sleep(50);
    expect(settled.length).toBe(count);
  };

  it('takes a slowly written file once, only after it is complete', async () => {
    dir = makeTempDir('sohoa-hot-');
    taken = [];
    settled = [];
    const inbox = join(dir.path, 'inbox');
    await start(inbox);
    const target = join(inbox, 'scan-0001.jpg');
    const chunk = Math.ceil(jpeg.length / 5);
    for (let offset = 0; offset < jpeg.length; offset += chunk) {
      appendFileSync(target, jpeg.subarray(offset, offset + chunk));
      await sleep(STABLE_MS / 2);
    }
    await waitForSettled(1);
    expect(taken).toEqual([{ name: 'scan-0001.jpg', bytes: jpeg.length }]);
    expect(settled).toEqual([{ name: 'scan-0001.jpg', outcome: 'processed' }]);
    expect(readdirSync(join(inbox, 'processed'))).toEqual(['scan-0001.jpg']);
    expect(readdirSync(join(dir.path, 'queue'))).toEqual([
      expect.stringMatching(/^scan-0001-p0001-[0-9a-f]{8}\.jpg$/),
    ]);
  });

  it('does not import again after a restart, nor after a crash before the file was moved', async () => {
    dir = makeTempDir('sohoa-hot-');
    taken = [];
    settled = [];
    const inbox = join(dir.path, 'inbox');
    await start(inbox);
    writeFileSync(join(inbox, 'a.jpg'), jpeg);
    await waitForSettled(1);
    await close!();

    // A crash after the import but before the move leaves the file in the inbox: replay it.
    copyFileSync(join(inbox, 'processed', 'a.jpg'), join(inbox, 'a.jpg'));
    await start(inbox);
    await waitForSettled(2);
    // Nothing else is picked up: processed/ is not re-read after the restart.
    await sleep(STABLE_MS * 3);
    expect(settled).toHaveLength(2);
    expect(settled[1]).toEqual({ name: 'a.jpg', outcome: 'duplicate' });
    expect(taken).toHaveLength(1);
    expect(readdirSync(join(inbox, 'processed')).sort()).toEqual(['a (2).jpg', 'a.jpg']);
    expect(existsSync(join(inbox, 'a.jpg'))).toBe(false);
  });

  it('moves a bad file to failed/ with the reason beside it, and goes on with the next', async () => {
    dir = makeTempDir('sohoa-hot-');
    taken = [];
    settled = [];
    const inbox = join(dir.path, 'inbox');
    await start(inbox);
    writeFileSync(join(inbox, 'bien-ban.jpg'), 'not an image at all');
    await waitForSettled(1);
    writeFileSync(join(inbox, 'good.jpg'), jpeg);
    await waitForSettled(2);
    // Two files, each imported on its own, both kept: names never collide.
    writeFileSync(join(inbox, 'good2.jpg'), await sharp(jpeg).rotate(180).jpeg().toBuffer());
    await waitForSettled(3);
    expect(readdirSync(join(dir.path, 'queue'))).toHaveLength(2);
    expect(settled.slice(0, 2)).toEqual([
      { name: 'bien-ban.jpg', outcome: 'failed' },
      { name: 'good.jpg', outcome: 'processed' },
    ]);
    expect(readdirSync(join(inbox, 'failed')).sort()).toEqual(['bien-ban.jpg', 'bien-ban.jpg.reason.txt']);
    expect(readFileSync(join(inbox, 'failed', 'bien-ban.jpg.reason.txt'), 'utf8')).toMatch(
      /^Không nhận dạng được tệp.*\n\[import\.unsupportedType\]/,
    );
  });
});
