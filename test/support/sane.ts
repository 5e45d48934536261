import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSaneDriver } from '../../src-main/capture/sane/sane-driver';
import type { ScanDriver, ScannedPage } from '../../src-main/capture/scan-driver';
import type { ScanOptions } from '../../src-shared/capture/scan-options';

/** The SANE `test` backend must be installed and enabled (.ci/run does both). */
export function requireSaneTestBackend(): void {
  const devices = execFileSync('scanimage', ['-L'], {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C' },
  });
  if (!devices.includes("device `test:0'")) {
    throw new Error(
      'SANE test backend not enabled: apt-get install sane-utils and uncomment `test` in /etc/sane.d/dll.conf',
    );
  }
}

/** A driver for the test device; `inject` is a SANE status the backend returns from sane_read. */
export const testDriver = (inject?: string, extra: string[] = []): ScanDriver =>
  createSaneDriver({
    extraArgs: () => [
      '--test-picture',
      'Color pattern',
      ...(inject ? ['--read-return-value', inject] : []),
      ...extra,
    ],
  });

export const ADF_COLOR: ScanOptions = { deviceId: 'sane:test:0', source: 'adf', dpi: 100, mode: 'color' };

/** Drains a scan, returning the pages it yielded and the failure it ended with. */
export async function collect(scan: AsyncIterable<ScannedPage>) {
  const pages: ScannedPage[] = [];
  try {
    for await (const page of scan) pages.push(page);
    return { pages, failure: null };
  } catch (failure) {
    return { pages, failure: failure as { code?: string } };
  }
}

/**
 * A SANE configuration in `dir` (for SANE_CONFIG_DIR) whose `test` device waits
 * `microseconds` before each read: a scanner slow enough to watch a page go through.
 */
export function slowSaneConfig(dir: string, microseconds: number): NodeJS.ProcessEnv {
  const defaults = readFileSync('/etc/sane.d/test.conf', 'utf8')
    .split('\n')
    .filter((line) => !/^\s*read-delay/.test(line));
  writeFileSync(join(dir, 'dll.conf'), 'test\n');
  writeFileSync(
    join(dir, 'test.conf'),
    [...defaults, 'read-delay true', `read-delay-duration ${microseconds}`, ''].join('\n'),
  );
  return { SANE_CONFIG_DIR: dir };
}
