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
import { OCR_LANGUAGES } from './tessdata';

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
  /** The folder with `vie.traineddata.gz`. */
  langPath: () => Promise<string>;
  log: Logger;
}): OcrEngine {
  let scheduler: Promise<Scheduler> | null = null;

  async function start(): Promise<Scheduler> {
    const started = Date.now();
    const langPath = await deps.langPath();
    const created = createScheduler();
    const workers = await Promise.all(
      Array.from({ length: deps.size }, async () => {
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
    deps.log.info('ocr: WebAssembly workers ready', { workers: deps.size, ms: Date.now() - started });
    return created;
  }

  const pool = () => {
    scheduler ??= start().catch((error: unknown) => {
      scheduler = null;
      throw new AppError('ocr.unavailable', { detail: String(error) });
    });
    return scheduler;
  };

  return {
    name: 'wasm',
    size: deps.size,
    async read({ pgm, dpi }): Promise<Reading> {
      // A greymap carries no resolution: say it, or Tesseract guesses (and reads worse).
      // tesseract.js passes options it does not know on to Tesseract as parameters.
      const options = (dpi ? { user_defined_dpi: String(dpi) } : {}) as Partial<RecognizeOptions>;
      const { data } = await (await pool()).addJob('recognize', pgm, options, { text: true, blocks: true });
      return { text: data.text, confidence: data.confidence, words: wordsOf(data) };
    },
    async close() {
      if (!scheduler) return;
      const running = scheduler;
      scheduler = null;
      await (await running).terminate();
    },
  };
}
