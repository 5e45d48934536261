import type { OcrWord } from '../../src-shared/ocr/ocr-page';
import type { Reading } from './ocr-engine';

/**
 * Tesseract's TSV output (one row per page, block, paragraph, line and word) as one reading
 * per page, in order. The text is laid out as Tesseract's own text output lays it: words
 * joined by a space, a newline after each line and another after each paragraph; each word
 * keeps its offsets in that text, which is how a suggestion's span finds its boxes.
 */
export function readingsFromTsv(tsv: string, pages: number): Reading[] {
  const readings = Array.from({ length: pages }, () => ({
    text: '',
    words: [] as OcrWord[],
    confidences: [] as number[],
  }));
  let lineKey = '';
  let paragraphKey = '';
  let current: (typeof readings)[number] | undefined;
  const endLine = () => {
    if (current && lineKey) current.text += '\n';
  };
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells.length < 12 || cells[0] !== '5') continue;
    const [, page, block, paragraph, line, , left, top, width, height, conf] = cells.map(Number) as number[];
    const text = cells.slice(11).join('\t').trim();
    const reading = readings[page! - 1];
    if (!reading || !text) continue;
    const nextParagraph = `${page}|${block}|${paragraph}`;
    const nextLine = `${nextParagraph}|${line}`;
    if (reading !== current) {
      endLine();
      if (current && paragraphKey) current.text += '\n';
      current = reading;
      lineKey = '';
      paragraphKey = '';
    }
    if (nextLine !== lineKey) {
      endLine();
      if (paragraphKey && nextParagraph !== paragraphKey) reading.text += '\n';
      lineKey = nextLine;
      paragraphKey = nextParagraph;
    } else {
      reading.text += ' ';
    }
    const start = reading.text.length;
    reading.text += text;
    const confidence = Math.max(0, Math.min(100, conf!));
    reading.words.push({
      text,
      confidence,
      bbox: { x0: left!, y0: top!, x1: left! + width!, y1: top! + height! },
      start,
      end: reading.text.length,
    });
    if (conf! >= 0) reading.confidences.push(confidence);
  }
  endLine();
  if (current && paragraphKey) current.text += '\n';
  return readings.map(({ text, words, confidences }) => ({
    text,
    words,
    // As Tesseract's mean text confidence: the words' mean, whole numbers; 0 for an empty page.
    confidence: confidences.length
      ? Math.round(confidences.reduce((sum, each) => sum + each, 0) / confidences.length)
      : 0,
  }));
}
