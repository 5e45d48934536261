import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The path of a file shipped in `assets/` (fonts, the ICC profile, the trust store).
 * The packaged app has them in `resources/` (electron-builder `extraResources`); a checkout
 * (the CLI, the harness, tests, whether running `out/main` or the sources) finds the
 * repository's `assets/` by walking up from this module.
 */
export function assetPath(relative: string): string {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources && existsSync(join(resources, relative))) return join(resources, relative);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'assets', relative);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`asset not found: ${relative}`);
    dir = parent;
  }
}

const cache = new Map<string, Promise<Buffer>>();

/** A shipped file's bytes, read once per process (a failed read is tried again next time). */
export function readAsset(relative: string): Promise<Buffer> {
  let bytes = cache.get(relative);
  if (!bytes) {
    bytes = readFile(assetPath(relative));
    bytes.catch(() => cache.delete(relative));
    cache.set(relative, bytes);
  }
  return bytes;
}
