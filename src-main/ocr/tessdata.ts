import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

/** The OCR languages: Vietnamese first, English for the foreign names and words on permits. */
export const OCR_LANGUAGES = ['vie', 'eng'] as const;
const MODEL = '4.0.0_best_int';

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * A folder holding `vie.traineddata.gz` and `eng.traineddata.gz`, all OCR ever reads:
 * nothing is fetched at run time. The packaged app ships them in `resources/tessdata`;
 * elsewhere they are copied once from the `@tesseract.js-data` packages into the cache.
 */
export async function tessdataDir(cacheDir: string): Promise<string> {
  if (process.env.SOHOA_TESSDATA) return process.env.SOHOA_TESSDATA;
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources && (await exists(join(resources, 'tessdata', 'vie.traineddata.gz')))) {
    return join(resources, 'tessdata');
  }
  const target = join(cacheDir, 'tessdata', MODEL);
  await mkdir(target, { recursive: true });
  const require = createRequire(import.meta.url);
  for (const language of OCR_LANGUAGES) {
    const file = `${language}.traineddata.gz`;
    if (await exists(join(target, file))) continue;
    const packageDir = dirname(require.resolve(`@tesseract.js-data/${language}/package.json`));
    // Copied under a temporary name of its own first: a half-copied model must never be read,
    // and another process copying at the same time must not trip over this one.
    const part = join(target, `${file}.${process.pid}-${randomUUID()}.part`);
    await copyFile(join(packageDir, MODEL, file), part);
    await rename(part, join(target, file));
  }
  return target;
}

/**
 * The same models unpacked (`vie.traineddata`, `eng.traineddata`), for the native Tesseract,
 * which does not read gzip: unpacked once into the cache from the packaged `.gz` files, so
 * both engines read the very same models.
 */
export async function plainTessdataDir(cacheDir: string): Promise<string> {
  const source = await tessdataDir(cacheDir);
  const target = join(cacheDir, 'tessdata', `${MODEL}-plain`);
  await mkdir(target, { recursive: true });
  for (const language of OCR_LANGUAGES) {
    const file = join(target, `${language}.traineddata`);
    if (await exists(file)) continue;
    const part = `${file}.${process.pid}-${randomUUID()}.part`;
    await pipeline(
      createReadStream(join(source, `${language}.traineddata.gz`)),
      createGunzip(),
      createWriteStream(part),
    );
    await rename(part, file);
  }
  return target;
}
