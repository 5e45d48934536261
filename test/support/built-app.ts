import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const OUT = resolve(ROOT, 'out');

/** Integration tests run the built app; say so plainly when it is missing. */
export function requireBuild(): void {
  for (const file of [
    'main/index.js',
    'main/cli.js',
    'main/harness.js',
    'preload/index.cjs',
    'renderer/index.html',
  ]) {
    if (!existsSync(resolve(OUT, file))) {
      throw new Error(
        `out/${file} is missing: run \`npm run build\` before the integration tests (npm test does).`,
      );
    }
  }
}

/** The Electron binary, or null where its download was impossible (our build machines). */
export function electronBinary(): string | null {
  try {
    // The electron package's main export is the binary's path; it throws when the download was skipped.
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
