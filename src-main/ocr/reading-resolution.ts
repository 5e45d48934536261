/**
 * Pages recorded finer are read at this resolution: Tesseract's work grows with the pixels. On
 * the corpus's dev half (bench/ocr, with the 4.0.0_best_int model then read) 225 dpi read better
 * than 300 (CER 1.01 % against 1.17 %, field F1 0.986 against 0.985) and 13 % faster; 200 dpi
 * was faster still but lost digits in typewriter ID numbers (F1 0.979, 2 % of records with a
 * field high and wrong).
 */
export const READING_DPI = 225;
