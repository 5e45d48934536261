import type { OcrWord } from '../../src-shared/ocr/ocr-page';
import type { Greymap } from './greymap';
import type { OcrLanguage } from './tessdata';

/** What an engine read on a page: its text, mean word confidence (0–100), and words with boxes. */
export interface Reading {
  text: string;
  confidence: number;
  words: OcrWord[];
}

/**
 * A Tesseract that reads greymaps in Vietnamese, or English when asked, offline: the WebAssembly
 * build in worker threads, or the native binary in child processes where it is installed.
 */
export interface OcrEngine {
  readonly name: 'native' | 'wasm';
  /** Pages read at once. */
  readonly size: number;
  /** `language`: the model to read with, Vietnamese unless said. */
  read(page: Greymap, language?: OcrLanguage): Promise<Reading>;
  close(): Promise<void>;
}
