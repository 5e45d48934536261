import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src-shared/i18n/en';
import { vi } from '../../../src-shared/i18n/vi';

const ROOT = resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const lookup = (messages: object, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);

// A missing key type-checks and then shows people the raw key: catch it here.
describe('i18n keys used in the code', () => {
  const used = new Set<string>();
  for (const file of [...sourceFiles(join(ROOT, 'src-renderer')), ...sourceFiles(join(ROOT, 'src-main'))]) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g))
      used.add(match[1]!);
  }

  it('finds the keys it checks', () => {
    expect(used.size).toBeGreaterThan(50);
  });

  it.each([
    ['vi', vi],
    ['en', en],
  ])('every literal key resolves to a sentence in %s', (_language, messages) => {
    const missing = [...used].filter((key) => typeof lookup(messages, key) !== 'string');
    expect(missing).toEqual([]);
  });
});
