import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { assetPath } from '../../src-node/platform/asset-path';

/**
 * The models OCR reads with, one at a time: Vietnamese for every page, English for a page the
 * Vietnamese reading shows to be English (`looksEnglish`). Never joined: with vie+eng, English
 * read unmarked capitals as English words and lost their marks ("ỦY BAN NHÂN DAN TINH"): on
 * the corpus's dev half, CER 10.6 % with vie+eng against 3.5 % with vie.
 */
export const OCR_LANGUAGES = ['vie', 'eng'] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];
/**
 * The model shipped in `assets/tessdata`: tessdata_fast 4.1.0, as Debian ships it. Chosen on
 * the corpus's dev half over the npm package's 4.0.0_best_int (bench/ocr, README design notes).
 * Its name keeps its unpacked copy in the cache apart from another model's.
 */
const MODEL = 'tessdata_fast-4.1.0';

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
 * The folder holding `vie.traineddata.gz` and `eng.traineddata.gz`, all OCR ever reads,
 * shipped with the app (`assets/tessdata`, the packaged app's `resources/tessdata`): nothing
 * is fetched at run time.
 */
export function tessdataDir(): string {
  return process.env.SOHOA_TESSDATA ?? dirname(assetPath('tessdata/vie.traineddata.gz'));
}

/**
 * The same models unpacked (`vie.traineddata`, `eng.traineddata`), for the native Tesseract,
 * which does not read gzip: unpacked once into the cache from the shipped `.gz` file, so
 * both engines read the very same model.
 */
export async function plainTessdataDir(cacheDir: string): Promise<string> {
  const source = tessdataDir();
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
