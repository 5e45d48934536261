import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

/**
 * The OCR language: Vietnamese alone. Joined to it, English read unmarked capitals as English
 * words and lost their marks ("ỦY BAN NHÂN DAN TINH"): on the corpus's dev half, CER 10.6 % with
 * vie+eng against 3.5 % with vie.
 */
export const OCR_LANGUAGES = ['vie'] as const;
const MODEL = '4.0.0_best_int';

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * Puts a model at `file` unless it is there: written under a temporary name of its own first,
 * so a half-written model is never read and another process writing it at the same time does
 * not trip over this one.
 */
async function placeModel(file: string, write: (part: string) => Promise<void>): Promise<void> {
  if (await exists(file)) return;
  const part = `${file}.${process.pid}-${randomUUID()}.part`;
  await write(part);
  await rename(part, file);
}

/**
 * A folder holding `vie.traineddata.gz`, all OCR ever reads:
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
    await placeModel(join(target, file), (part) => {
      const packageDir = dirname(require.resolve(`@tesseract.js-data/${language}/package.json`));
      return copyFile(join(packageDir, MODEL, file), part);
    });
  }
  return target;
}

/**
 * The same model unpacked (`vie.traineddata`), for the native Tesseract,
 * which does not read gzip: unpacked once into the cache from the packaged `.gz` files, so
 * both engines read the very same models.
 */
export async function plainTessdataDir(cacheDir: string): Promise<string> {
  const source = await tessdataDir(cacheDir);
  const target = join(cacheDir, 'tessdata', `${MODEL}-plain`);
  await mkdir(target, { recursive: true });
  for (const language of OCR_LANGUAGES) {
    await placeModel(join(target, `${language}.traineddata`), (part) =>
      pipeline(
        createReadStream(join(source, `${language}.traineddata.gz`)),
        createGunzip(),
        createWriteStream(part),
      ),
    );
  }
  return target;
}
