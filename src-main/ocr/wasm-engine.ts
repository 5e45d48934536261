import {
  createScheduler,
  createWorker,
  OEM,
  PSM,
  type Page,
  type RecognizeOptions,
  type Scheduler,
} from 'tesseract.js';
import type { OcrWord } from '../../src-shared/ocr/ocr-page';
import { AppError } from '../../src-shared/errors/app-error';
import type { Logger } from '../platform/logger';
import type { OcrEngine, Reading } from './ocr-engine';
import type { OcrLanguage } from './tessdata';

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
 * tesseract.js workers (WebAssembly, each on its own thread), started on first use; pages
 * queue and go to whichever worker is free, so OCR never holds up main's event loop. The
 * engine everywhere: it needs nothing installed.
 */
export function createWasmEngine(deps: {
  size: number;
  /** The folder with `vie.traineddata.gz` and `eng.traineddata.gz`. */
  langPath: () => Promise<string>;
  log: Logger;
}): OcrEngine {
  const schedulers = new Map<OcrLanguage, Promise<Scheduler>>();

  /** Workers for a language: `deps.size` for Vietnamese, one for the odd English page. */
  async function start(language: OcrLanguage): Promise<Scheduler> {
    const started = Date.now();
    const langPath = await deps.langPath();
    const created = createScheduler();
    const size = language === 'vie' ? deps.size : 1;
    const workers = await Promise.all(
      Array.from({ length: size }, async () => {
        const worker = await createWorker(language, OEM.LSTM_ONLY, {
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
    deps.log.info('ocr: WebAssembly workers ready', { language, workers: size, ms: Date.now() - started });
    return created;
  }

  const pool = (language: OcrLanguage) => {
    let scheduler = schedulers.get(language);
    if (!scheduler) {
      scheduler = start(language).catch((error: unknown) => {
        schedulers.delete(language);
        throw new AppError('ocr.unavailable', { detail: String(error) });
      });
      schedulers.set(language, scheduler);
    }
    return scheduler;
  };

  return {
    name: 'wasm',
    size: deps.size,
    async read({ pgm, dpi }, language = 'vie'): Promise<Reading> {
      // A greymap carries no resolution: say it, or Tesseract guesses (and reads worse).
      // tesseract.js passes options it does not know on to Tesseract as parameters.
      const options = (dpi ? { user_defined_dpi: String(dpi) } : {}) as Partial<RecognizeOptions>;
      const { data } = await (
        await pool(language)
      ).addJob('recognize', pgm, options, {
        text: true,
        blocks: true,
      });
      return { text: data.text, confidence: data.confidence, words: wordsOf(data) };
    },
    async close() {
      const running = [...schedulers.values()];
      schedulers.clear();
      await Promise.all(running.map(async (scheduler) => (await scheduler.catch(() => null))?.terminate()));
    },
  };
}
