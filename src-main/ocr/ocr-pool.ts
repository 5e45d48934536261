import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { PAGE_ORIENTATIONS, type OcrPage, type OcrWord } from '../../src-shared/ocr/ocr-page';
import type { OcrSettings } from '../../src-shared/domain/settings';
import { AppError } from '../../src-shared/errors/app-error';
import type { Logger } from '../platform/logger';
import { straighten } from './deskew';
import { greymap, type Greymap } from './greymap';
import { createNativeEngine, findNativeTesseract } from './native-engine';
import type { OcrEngine, Reading } from './ocr-engine';
import { plainTessdataDir, tessdataDir } from './tessdata';
import { createWasmEngine } from './wasm-engine';

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
 * The OCR service: Vietnamese, fully offline, on the engine the settings ask
 * for. "auto" takes the native Tesseract where one is installed (it reads about 1.3× as
 * fast as WebAssembly on the same cores) and the tesseract.js workers everywhere else;
 * both read the same packaged models. The engine starts on first use; pages queue, so OCR
 * never holds up main's event loop.
 */
export function createOcrPool(deps: { settings: () => OcrSettings; cacheDir: string; log: Logger }) {
  let engine: Promise<OcrEngine> | null = null;
  const decoding = limited(1);
  const decode = (image: Buffer, options?: Parameters<typeof greymap>[1]) =>
    decoding(() => greymap(image, options));
  // A page askew is read levelled (bench/ocr); levelling waits its turn like a decode.
  const level = (grey: Greymap) => decoding(() => straighten(grey));

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
      langPath: () => tessdataDir(deps.cacheDir),
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
      let grey = await decode(image);
      let levelled = await level(grey);
      let page = await (await current()).read(levelled.grey);
      let orientation: OcrPage['orientation'] = 0;
      if (!readsUpright(page) && page.text.trim().length > 0) {
        orientation = await bestTurn(image);
        if (orientation !== 0) {
          grey = await decode(image, { turn: orientation });
          levelled = await level(grey);
          page = await (await current()).read(levelled.grey);
        }
      }
      return {
        text: page.text,
        confidence: page.confidence,
        orientation,
        words: levelled.unturn(page.words),
        // The boxes' space: the page as it was read, turned upright.
        widthPx: grey.width,
        heightPx: grey.height,
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
