import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSaneDriver } from '../../../src-main/capture/sane/sane-driver';
import type { ScanProgress } from '../../../src-shared/capture/capture-run';
import { ADF_COLOR, collect, requireSaneTestBackend, testDriver } from '../../support/sane';
import { makeTempDir } from '../../support/temp-dir';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('SANE driver against the real `test` backend', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeAll(requireSaneTestBackend);
  afterEach(() => dir?.remove());

  it('lists the test devices and reads their capabilities from scanimage -A', async () => {
    const driver = createSaneDriver();
    const devices = await driver.listDevices();
    expect(devices).toContainEqual({
      id: 'sane:test:0',
      backend: 'sane',
      vendor: 'Noname',
      model: 'frontend-tester',
      kind: 'virtual device',
    });
    expect(await driver.capabilities('sane:test:0')).toEqual({
      sources: ['flatbed', 'adf'],
      modes: ['color', 'gray'],
      resolutions: { kind: 'range', min: 1, max: 1200 },
    });
  });

  it('streams a 10-sheet ADF batch as 10 PNG pages, in order', async () => {
    dir = makeTempDir('sohoa-sane-');
    const { pages, failure } = await collect(testDriver().scan(ADF_COLOR, dir.path));
    expect(failure).toBeNull();
    expect(pages.map((page) => page.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(pages.map((page) => basename(page.path))).toEqual(
      Array.from({ length: 10 }, (_, index) => `page-${String(index + 1).padStart(4, '0')}.png`),
    );
    for (const page of pages) expect(readFileSync(page.path).subarray(0, 4)).toEqual(PNG_SIGNATURE);
  });

  it('yields each page while the feeder is still running', async () => {
    dir = makeTempDir('sohoa-sane-');
    const slow = testDriver(undefined, ['--read-delay=yes', '--read-delay-duration', '10000']);
    const arrivals: number[] = [];
    const started = Date.now();
    for await (const page of slow.scan({ ...ADF_COLOR, maxPages: 3 }, dir.path)) {
      arrivals.push(Date.now() - started);
      expect(existsSync(page.path)).toBe(true);
    }
    expect(arrivals).toHaveLength(3);
    // Page 1 arrived well before the batch ended, not all three at the end.
    expect(arrivals[2]! - arrivals[0]!).toBeGreaterThan(100);
  });

  it('tells how far it has read each page, page after page', async () => {
    dir = makeTempDir('sohoa-sane-');
    const slow = testDriver(undefined, ['--read-delay=yes', '--read-delay-duration', '10000']);
    const told: ScanProgress[] = [];
    const { pages, failure } = await collect(
      slow.scan({ ...ADF_COLOR, maxPages: 2 }, dir.path, undefined, (progress) => told.push(progress)),
    );
    expect(failure).toBeNull();
    expect(pages).toHaveLength(2);
    expect([...new Set(told.map((progress) => progress.page))]).toEqual([1, 2]);
    // Within a page the share only grows, and it is seen between its start and its end.
    for (const page of [1, 2]) {
      const shares = told.filter((progress) => progress.page === page).map((progress) => progress.percent);
      expect(shares).toEqual([...shares].sort((a, b) => a - b));
    }
    expect(told.some((progress) => progress.percent > 0 && progress.percent < 100)).toBe(true);
    expect(told.at(-1)).toEqual({ page: 2, percent: 100 });
  });

  it.each([
    ['SANE_STATUS_JAMMED', 'capture.paperJam'],
    ['SANE_STATUS_NO_DOCS', 'capture.feederEmpty'],
    ['SANE_STATUS_COVER_OPEN', 'capture.coverOpen'],
    ['SANE_STATUS_DEVICE_BUSY', 'capture.deviceBusy'],
    ['SANE_STATUS_IO_ERROR', 'capture.ioError'],
  ])('reports %s as %s, keeping the pages scanned before it', async (status, code) => {
    dir = makeTempDir('sohoa-sane-');
    // A batch is several scanner runs: three sheets go through, then the next run fails.
    const first = await collect(testDriver().scan({ ...ADF_COLOR, maxPages: 3 }, dir.path));
    expect(first).toMatchObject({ failure: null });
    const second = await collect(testDriver(status).scan(ADF_COLOR, dir.path));
    expect(second.pages).toEqual([]);
    expect(second.failure).toMatchObject({ name: 'AppError', code });
    for (const page of first.pages) expect(existsSync(page.path)).toBe(true);
  });

  it('ends the run when scanimage exits, though a process it forked still holds its output', async () => {
    dir = makeTempDir('sohoa-sane-');
    // Real scanimage, with a stray process left behind holding stdout and stderr, as a backend's
    // forked reader can after a sane_read error.
    const scanimage = join(dir.path, 'scanimage');
    const stray = join(dir.path, 'stray.pid');
    writeFileSync(
      scanimage,
      `#!/bin/sh\ncase "$*" in *--batch=*) sleep 60 & echo $! > '${stray}' ;; esac\nexec scanimage "$@"\n`,
      { mode: 0o755 },
    );
    const driver = (inject?: string) =>
      createSaneDriver({
        command: scanimage,
        extraArgs: () => [
          '--test-picture',
          'Color pattern',
          ...(inject ? ['--read-return-value', inject] : []),
        ],
      });
    try {
      const started = Date.now();
      const ended = await collect(driver().scan({ ...ADF_COLOR, maxPages: 3 }, dir.path));
      expect(ended).toMatchObject({ failure: null });
      expect(ended.pages.map((page) => page.sequence)).toEqual([1, 2, 3]);
      const jammed = await collect(driver('SANE_STATUS_JAMMED').scan(ADF_COLOR, dir.path));
      expect(jammed.failure).toMatchObject({ code: 'capture.paperJam' });
      // Both runs ended well before the stray process (60 s) let go of the output.
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      if (existsSync(stray)) execFileSync('pkill', ['-F', stray]);
    }
  }, 45_000);

  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  /** Real scanimage behind a shell wrapper whose `after` runs once a batch's scanimage is done. */
  const wrapped = (after: string, redirect = '') => {
    const scanimage = join(dir.path, 'scanimage');
    writeFileSync(
      scanimage,
      `#!/bin/sh\ncase "$*" in *--batch=*) scanimage "$@" ${redirect}; ${after} ;; esac\nexec scanimage "$@"\n`,
      { mode: 0o755 },
    );
    return scanimage;
  };

  it('stops a scanner that falls silent mid-batch, and says so, keeping the pages it gave', async () => {
    dir = makeTempDir('sohoa-sane-');
    // Two sheets come through, then nothing: no page, no progress, no end, as a hung device.
    const pidFile = join(dir.path, 'silent.pid');
    const command = wrapped(`echo $$ > '${pidFile}'; exec sleep 60`, '--batch-count=2 2>/dev/null');
    const driver = createSaneDriver({
      command,
      stallTimeoutMs: () => 1500,
      extraArgs: () => ['--test-picture', 'Color pattern'],
    });
    const started = Date.now();
    const { pages, failure } = await collect(driver.scan(ADF_COLOR, dir.path));
    expect(pages.map((page) => page.sequence)).toEqual([1, 2]);
    for (const page of pages) expect(existsSync(page.path)).toBe(true);
    expect(failure).toMatchObject({
      name: 'AppError',
      code: 'capture.scannerStalled',
      params: { seconds: 2 },
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    // The silent process was stopped, not left holding the device.
    const pid = Number(readFileSync(pidFile, 'utf8'));
    await expect.poll(() => alive(pid), { timeout: 5000 }).toBe(false);
  }, 30_000);

  it('ends the run on the status scanimage gave when it then hangs closing the device', async () => {
    dir = makeTempDir('sohoa-sane-');
    // scanimage reports the jam and "Batch terminated", then never exits; the long stall time
    // shows the run did not wait for it.
    const command = wrapped('exec sleep 60');
    const driver = createSaneDriver({
      command,
      stallTimeoutMs: () => 60_000,
      extraArgs: () => ['--test-picture', 'Color pattern', '--read-return-value', 'SANE_STATUS_JAMMED'],
    });
    const started = Date.now();
    const { failure } = await collect(driver.scan(ADF_COLOR, dir.path));
    expect(failure).toMatchObject({ code: 'capture.paperJam' });
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it('takes a slow page for a slow page, not a stall: the progress scanimage prints keeps it going', async () => {
    dir = makeTempDir('sohoa-sane-');
    // Each read waits 0.2 s: one page takes about 3 s, twice the stall time.
    const driver = createSaneDriver({
      stallTimeoutMs: () => 1500,
      extraArgs: () => [
        '--test-picture',
        'Color pattern',
        '--read-delay=yes',
        '--read-delay-duration',
        '200000',
      ],
    });
    const started = Date.now();
    const { pages, failure } = await collect(driver.scan({ ...ADF_COLOR, dpi: 50, maxPages: 1 }, dir.path));
    expect(failure).toBeNull();
    expect(pages).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThan(1500);
  }, 30_000);

  it('reports a device that is not there', async () => {
    dir = makeTempDir('sohoa-sane-');
    const { failure } = await collect(
      createSaneDriver().scan({ ...ADF_COLOR, deviceId: 'sane:nosuch:7' }, dir.path),
    );
    expect(failure).toMatchObject({ code: 'capture.deviceGone', params: { device: 'nosuch:7' } });
  });

  it('refuses a source the device does not have before starting', async () => {
    dir = makeTempDir('sohoa-sane-');
    const { failure } = await collect(createSaneDriver().scan({ ...ADF_COLOR, source: 'duplex' }, dir.path));
    expect(failure).toMatchObject({ code: 'capture.unsupportedOption', params: { option: 'duplex' } });
  });

  it('stops the scanimage process when cancelled mid-batch, keeping the pages received', async () => {
    dir = makeTempDir('sohoa-sane-');
    const slow = testDriver(undefined, ['--read-delay=yes', '--read-delay-duration', '20000']);
    const controller = new AbortController();
    const scan = collect(
      (async function* () {
        for await (const page of slow.scan(ADF_COLOR, dir.path, controller.signal)) {
          yield page;
          if (page.sequence === 2) controller.abort();
        }
      })(),
    );
    const { pages, failure } = await scan;
    expect(pages.map((page) => page.sequence)).toEqual([1, 2]);
    expect(failure).toMatchObject({ code: 'capture.cancelled' });
    const running = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.startsWith('scanimage') && line.includes(dir.path));
    expect(running).toEqual([]);
  });
});
