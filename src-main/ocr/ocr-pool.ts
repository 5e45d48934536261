import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { PAGE_ORIENTATIONS, type OcrPage, type OcrWord } from '../../src-shared/ocr/ocr-page';
import type { OcrSettings } from '../../src-shared/domain/settings';
import { AppError } from '../../src-shared/errors/app-error';
import { looksEnglish } from '../../src-shared/ocr/page-language';
import { correctPage } from '../../src-shared/ocr/text-correction';
import type { Logger } from '../platform/logger';
import { straighten } from './deskew';
import { READING_DPI } from './reading-resolution';
import { greymap } from './greymap';
import { createNativeEngine, findNativeTesseract } from './native-engine';
import type { OcrEngine, Reading } from './ocr-engine';
import { plainTessdataDir, tessdataDir } from './tessdata';
import { createWasmEngine } from './wasm-engine';

/** Words' boxes multiplied by `factor`. */
const atScale = (words: OcrWord[], factor: number): OcrWord[] =>
  factor === 1
    ? words
    : words.map((word) => ({
        ...word,
        bbox: {
          x0: Math.round(word.bbox.x0 * factor),
          y0: Math.round(word.bbox.y0 * factor),
          x1: Math.round(word.bbox.x1 * factor),
          y1: Math.round(word.bbox.y1 * factor),
        },
      }));

/** Below this mean confidence a page may be sideways or upside down: other turns are tried. */
const UPRIGHT_CONFIDENCE = 60;
/** Side of the small copy used to try other turns, px: enough to read body text. */
const PROBE_SIZE = 1400;

/**
 * The share of words (of three letters or more) whose boxes lie flat. Tesseract reads a
 * page turned a quarter by finding its lines vertical, with a good confidence: only the
 * boxes, standing on end, tell that the page itself is not upright.
 */
function flatShare(words: readonly OcrWord[]): number {
  const long = words.filter((word) => word.text.length > 2);
  if (long.length === 0) return 1;
  return (
    long.filter((word) => word.bbox.x1 - word.bbox.x0 > word.bbox.y1 - word.bbox.y0).length / long.length
  );
}

/**
 * Runs at most `slots` tasks at a time, the others in order of arrival. Pages are decoded
 * one at a time: twenty decoded at once would all finish late, together, while the engine
 * waits for the first; one at a time, the engine starts on the first at once.
 */
function limited(slots: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // A finished task hands its slot straight to the next in line.
    if (active < slots) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}

const readsUpright = (page: Reading) => page.confidence >= UPRIGHT_CONFIDENCE && flatShare(page.words) >= 0.5;

/** WebAssembly workers to run: the setting, or one per core but one, at least one. */
export const poolSize = (setting: number) =>
  setting > 0 ? setting : Math.max(1, availableParallelism() - 1);

/**
 * Native processes to run: the setting, or one per core. They run at background priority,
 * so all cores can read while the screen stays responsive (bench/ocr measures the gain).
 */
export const nativeSize = (setting: number) => (setting > 0 ? setting : availableParallelism());

/**
 * The OCR service: Vietnamese, fully offline, on the engine the settings ask for, its text
 * post-corrected (`correctPage`); a page shown to be English is read in English. "auto"
 * takes the native Tesseract where one is installed (it reads about 1.3× as
 * fast as WebAssembly on the same cores) and the tesseract.js workers everywhere else;
 * both read the same packaged models. The engine starts on first use; pages queue, so OCR
 * never holds up main's event loop.
 */
export function createOcrPool(deps: {
  settings: () => Pick<OcrSettings, 'engine' | 'workers'>;
  cacheDir: string;
  log: Logger;
}) {
  let engine: Promise<OcrEngine> | null = null;
  const decoding = limited(1);
  const decode = (image: Buffer, options?: Parameters<typeof greymap>[1]) =>
    decoding(() => greymap(image, options));
  // A page is made ready for reading in one go, decoded at the reading resolution and levelled
  // if askew (bench/ocr): the first page of a batch reaches the engine before the next decodes.
  const prepare = (image: Buffer, turn = 0) =>
    decoding(async () => {
      const grey = await greymap(image, { turn, maxDpi: READING_DPI });
      return { grey, levelled: await straighten(grey) };
    });

  async function choose(): Promise<OcrEngine> {
    const { engine: wanted, workers } = deps.settings();
    if (wanted !== 'wasm') {
      const binary = await findNativeTesseract();
      if (binary) {
        return createNativeEngine({
          binary,
          size: nativeSize(workers),
          tessdata: () => plainTessdataDir(deps.cacheDir),
          workDir: join(deps.cacheDir, 'ocr-work'),
          log: deps.log,
        });
      }
      if (wanted === 'native') deps.log.warn('ocr: no native Tesseract found, using WebAssembly');
    }
    return createWasmEngine({
      size: poolSize(workers),
      langPath: async () => tessdataDir(),
      log: deps.log,
    });
  }

  const current = () => {
    engine ??= choose().catch((error: unknown) => {
      engine = null;
      throw new AppError('ocr.unavailable', { detail: String(error) });
    });
    return engine;
  };

  /** The turn (0/90/180/270) under which a small copy of the page reads best. */
  async function bestTurn(image: Buffer): Promise<(typeof PAGE_ORIENTATIONS)[number]> {
    const scores = await Promise.all(
      PAGE_ORIENTATIONS.map(async (turn) => {
        const page = await (await current()).read(await decode(image, { turn, maxSide: PROBE_SIZE }));
        // Confidence alone favours a page with three lucky words; weigh by what was read,
        // and by how much of it lies in flat lines (read at a quarter turn, lines stand up).
        const score = page.confidence * Math.min(1, page.text.trim().length / 200) * flatShare(page.words);
        return { turn, score };
      }),
    );
    return scores.reduce((best, each) => (each.score > best.score ? each : best)).turn;
  }

  return {
    /** Which engine reads, and how many pages at once (starting it if it is not yet). */
    async engine(): Promise<{ name: OcrEngine['name']; size: number }> {
      const { name, size } = await current();
      return { name, size };
    },

    /** Text, words with boxes and confidence, and orientation of one page image. */
    async recognize(image: Buffer): Promise<OcrPage> {
      const started = Date.now();
      const readTurned = async (turn: (typeof PAGE_ORIENTATIONS)[number]) => {
        const ready = await prepare(image, turn);
        return { turn, ready, page: await (await current()).read(ready.levelled.grey) };
      };
      let reading = await readTurned(0);
      if (!readsUpright(reading.page) && reading.page.text.trim().length > 0) {
        // Lines lying flat but read poorly: most often a sheet fed upside down, so that turn is
        // read first (dev half: half the time of trying four turns on small copies first).
        const over = flatShare(reading.page.words) >= 0.5 ? await readTurned(180) : null;
        if (over && readsUpright(over.page)) reading = over;
        else {
          const turn = await bestTurn(image);
          if (turn === 180 && over) reading = over;
          else if (turn !== 0) reading = await readTurned(turn);
        }
      }
      const { turn: orientation, ready } = reading;
      const { grey, levelled } = ready;
      let { page } = reading;
      let english = false;
      if (looksEnglish(page.text)) {
        // A page in English (a letter from an employer abroad): read again with English.
        const inEnglish = await (await current()).read(levelled.grey, 'eng');
        english = inEnglish.confidence >= page.confidence;
        if (english) page = inEnglish;
      }
      const read = { text: page.text, words: atScale(levelled.unturn(page.words), 1 / grey.scale) };
      const { text, words } = english ? read : correctPage(read.text, read.words);
      return {
        text,
        confidence: page.confidence,
        orientation,
        words,
        skew: levelled.skew,
        // The boxes' space: the page as given, turned upright.
        widthPx: Math.round(grey.width / grey.scale),
        heightPx: Math.round(grey.height / grey.scale),
        ms: Date.now() - started,
      };
    },

    async close(): Promise<void> {
      if (!engine) return;
      const running = engine;
      engine = null;
      await (await running.catch(() => null))?.close();
    },
  };
}

export type OcrPool = ReturnType<typeof createOcrPool>;
