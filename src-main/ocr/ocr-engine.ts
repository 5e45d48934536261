import type { OcrWord } from '../../src-shared/ocr/ocr-page';
import type { Greymap } from './greymap';

/** What an engine read on a page: its text, mean word confidence (0–100), and words with boxes. */
export interface Reading {
  text: string;
  confidence: number;
  words: OcrWord[];
}

/**
 * A Tesseract that reads greymaps with Vietnamese and English, offline: the WebAssembly
 * build in worker threads, or the native binary in child processes where it is installed.
 */
export interface OcrEngine {
  readonly name: 'native' | 'wasm';
  /** Pages read at once. */
  readonly size: number;
  read(page: Greymap): Promise<Reading>;
  close(): Promise<void>;
}
