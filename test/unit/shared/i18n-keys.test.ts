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
  for (const file of ['src-renderer', 'src-web', 'src-console', 'src-main'].flatMap((dir) =>
    sourceFiles(join(ROOT, dir)),
  )) {
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

describe('singulars in English', () => {
  const singulars = (node: object, path = ''): [string, string][] =>
    Object.entries(node).flatMap(([key, value]) =>
      typeof value === 'string'
        ? key.endsWith('_one')
          ? [[`${path}${key}`, value] as [string, string]]
          : []
        : singulars(value as object, `${path}${key}.`),
    );

  it('each stands beside its plural, with the count in it', () => {
    const found = singulars(en);
    expect(found.length).toBeGreaterThan(10);
    for (const [key, text] of found) {
      expect(typeof lookup(en, key.replace(/_one$/, '')), key).toBe('string');
      expect(text, key).toContain('{{count}}');
    }
  });

  it('says "1 page" and "2 pages"; Vietnamese says the same words for both', async () => {
    const i18next = (await import('i18next')).createInstance();
    await i18next.init({ resources: { en: { translation: en }, vi: { translation: vi } }, lng: 'en' });
    expect(i18next.t('scan.pages', { count: 1 })).toBe('1 page');
    expect(i18next.t('scan.pages', { count: 2 })).toBe('2 pages');
    expect(i18next.t('indexing.ocrFailed', { count: 1 })).toBe(
      '1 page could not be read: click to try again',
    );
    await i18next.changeLanguage('vi');
    expect(i18next.t('scan.pages', { count: 1 })).toBe(
      i18next.t('scan.pages', { count: 2 }).replace('2', '1'),
    );
  });
});
