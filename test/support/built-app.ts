import { existsSync } from 'node:fs';
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
