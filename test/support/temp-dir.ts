import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every folder made here and not yet removed: what a test file's end sweeps (cleanup-temp.ts). */
const made = new Set<string>();

/** A fresh data folder per test; removed afterwards, by the test or at the end of its file. */
export function makeTempDir(prefix = 'sohoa-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  made.add(path);
  return {
    path,
    remove: () => {
      rmSync(path, { recursive: true, force: true });
      made.delete(path);
    },
  };
}

/** Removes what a test made and left (a helper's backend, a folder of a skipped suite). */
export function removeLeftoverTempDirs(): void {
  for (const path of made) rmSync(path, { recursive: true, force: true });
  made.clear();
}
