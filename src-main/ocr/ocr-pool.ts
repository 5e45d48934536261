import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import {
  createScheduler,
  createWorker,
  OEM,
  PSM,
  type Page,
  type RecognizeOptions,
  type Scheduler,
} from 'tesseract.js';
import { PAGE_ORIENTATIONS, type OcrPage, type OcrWord } from '../../src-shared/ocr/ocr-page';
import { AppError } from '../../src-shared/errors/app-error';
import type { Logger } from '../platform/logger';
import { recordedDpi } from '../imaging/recorded-dpi';
import { OCR_LANGUAGES, tessdataDir } from './tessdata';

/** Below this mean confidence a page may be sideways or upside down: other turns are tried. */
const UPRIGHT_CONFIDENCE = 60;
/** Side of the small copy used to try other turns, px: enough to read body text. */
const PROBE_SIZE = 1400;

/** Workers to run: the setting, or one per core but one, at least one. */
export const poolSize = (setting: number) =>
  setting > 0 ? setting : Math.max(1, availableParallelism() - 1);

/**
 * The page as an 8-bit greymap (PGM): decoded natively by libvips here rather than by the
 * WebAssembly image decoders, and what Tesseract turns every page into anyway.
 */
interface Greymap {
  pgm: Buffer;
  dpi: number | undefined;
  width: number;
  height: number;
}

/**
 * The page as an 8-bit greymap (PGM), turned by `turn` and fitted into `maxSide` if given:
 * decoded natively by libvips here rather than by the WebAssembly image decoders, and what
 * Tesseract turns every page into anyway. An unreadable image is `imaging.unreadable`.
 */
async function greymap(image: Buffer, options: { turn?: number; maxSide?: number } = {}): Promise<Greymap> {
  try {
    let input = sharp(image);
    const recorded = recordedDpi((await input.metadata()).density);
    if (options.maxSide) input = input.resize(options.maxSide, options.maxSide, { fit: 'inside' });
    if (options.turn) input = input.rotate(options.turn);
    const { data, info } = await input.greyscale().raw().toBuffer({ resolveWithObject: true });
    const pgm = Buffer.concat([Buffer.from(`P5\n${info.width} ${info.height}\n255\n`), data]);
    return {
      pgm,
      dpi: recorded ? Math.round(recorded) : undefined,
      width: info.width,
      height: info.height,
    };
  } catch (error) {
    throw new AppError('imaging.unreadable', { detail: String(error) });
  }
}

/** Words in reading order with their offsets in the page text (tesseract joins them with spaces and newlines). */
function wordsOf(page: Page): OcrWord[] {
  const words: OcrWord[] = [];
  let cursor = 0;
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        for (const word of line.words) {
          const start = page.text.indexOf(word.text, cursor);
          if (start < 0) continue;
          cursor = start + word.text.length;
          words.push({ text: word.text, confidence: word.confidence, bbox: word.bbox, start, end: cursor });
        }
      }
    }
  }
  return words;
}

/**
 * The OCR service: a pool of tesseract.js workers (WebAssembly, each on its own thread) with
 * Vietnamese and English, fully offline. Workers start on first use; pages queue and go to
 * whichever worker is free, so OCR never holds up main's event loop.
 */
export function createOcrPool(deps: { size: () => number; cacheDir: string; log: Logger }) {
  let scheduler: Promise<Scheduler> | null = null;

  async function start(): Promise<Scheduler> {
    const started = Date.now();
    const langPath = await tessdataDir(deps.cacheDir);
    const created = createScheduler();
    const size = poolSize(deps.size());
    const workers = await Promise.all(
      Array.from({ length: size }, async () => {
        const worker = await createWorker([...OCR_LANGUAGES], OEM.LSTM_ONLY, {
          langPath,
          gzip: true,
          cacheMethod: 'none',
        });
        // The library's default is one uniform block (PSM 6); a page has columns, headings
        // and tables, which only automatic segmentation (the CLI's default) reads in order.
        await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
        return worker;
      }),
    );
    for (const worker of workers) created.addWorker(worker);
    deps.log.info('ocr: pool ready', { workers: size, ms: Date.now() - started });
    return created;
  }

  const pool = () => {
    scheduler ??= start().catch((error: unknown) => {
      scheduler = null;
      throw new AppError('ocr.unavailable', { detail: String(error) });
    });
    return scheduler;
  };

  async function read({ pgm, dpi }: Greymap, withBlocks: boolean): Promise<Page> {
    // A greymap carries no resolution: say it, or Tesseract guesses (and reads worse).
    // tesseract.js passes options it does not know on to Tesseract as parameters.
    const options = (dpi ? { user_defined_dpi: String(dpi) } : {}) as Partial<RecognizeOptions>;
    const result = await (await pool()).addJob('recognize', pgm, options, { text: true, blocks: withBlocks });
    return result.data;
  }

  /** The turn (0/90/180/270) under which a small copy of the page reads best. */
  async function bestTurn(image: Buffer): Promise<(typeof PAGE_ORIENTATIONS)[number]> {
    const scores = await Promise.all(
      PAGE_ORIENTATIONS.map(async (turn) => {
        const page = await read(await greymap(image, { turn, maxSide: PROBE_SIZE }), false);
        // Confidence alone favours a page with three lucky words; weigh by what was read.
        return { turn, score: page.confidence * Math.min(1, page.text.trim().length / 200) };
      }),
    );
    return scores.reduce((best, each) => (each.score > best.score ? each : best)).turn;
  }

  return {
    /** Text, words with boxes and confidence, and orientation of one page image. */
    async recognize(image: Buffer): Promise<OcrPage> {
      const started = Date.now();
      let grey = await greymap(image);
      let page = await read(grey, true);
      let orientation: OcrPage['orientation'] = 0;
      if (page.confidence < UPRIGHT_CONFIDENCE && page.text.trim().length > 0) {
        orientation = await bestTurn(image);
        if (orientation !== 0) {
          grey = await greymap(image, { turn: orientation });
          page = await read(grey, true);
        }
      }
      return {
        text: page.text,
        confidence: page.confidence,
        orientation,
        words: wordsOf(page),
        // The boxes' space: the page as it was read, turned upright.
        widthPx: grey.width,
        heightPx: grey.height,
        ms: Date.now() - started,
      };
    },

    async close(): Promise<void> {
      if (!scheduler) return;
      const running = scheduler;
      scheduler = null;
      await (await running).terminate();
    },
  };
}

export type OcrPool = ReturnType<typeof createOcrPool>;
