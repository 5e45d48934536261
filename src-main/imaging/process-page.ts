import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import type { ColorMode } from '../../src-shared/capture/scan-options';
import type { CaptureSettings } from '../../src-shared/domain/settings';
import { AppError } from '../../src-shared/errors/app-error';
import type { PageCode, SheetMark } from '../../src-shared/capture/sheet-code';
import { inkRatio } from './ink-ratio';
import { readingImage, readPageCodes } from './read-page-codes';
import { recordedDpi } from './recorded-dpi';

/** A page ready for the queue: archival image, thumbnail, the facts QC needs, its hash. */
export interface ProcessedPage {
  image: Buffer;
  mimeType: 'image/jpeg' | 'image/png';
  thumbnail: Buffer;
  widthPx: number;
  heightPx: number;
  dpi: number;
  /** Where the dpi came from: the file itself, the scanner's setting, or neither (assumed). */
  dpiSource: 'image' | 'scanner' | 'assumed';
  lowDpi: boolean;
  inkRatio: number;
  blank: boolean;
  sha256: string;
  /** The barcodes read on the page (its own, or a sheet's). */
  codes: PageCode[];
  /** The page is a cover or separator sheet. */
  sheet: SheetMark | null;
}

const ASSUMED_DPI = 72;

/**
 * Progressive: the same quantised coefficients as baseline (the same pixels once decoded),
 * entropy-coded about 10% smaller, and a scanned page's copy in the PDF deflates better still
 * (bench/finalize).
 */
const archivalJpeg = (settings: CaptureSettings) => ({ quality: settings.jpegQuality, progressive: true });

/**
 * Processes one scanned or imported page with sharp (libvips on its own threads, never the
 * main event loop): honours EXIF orientation, records the real dpi, flags low dpi and blank
 * pages (flags only: nothing is deleted), reads its barcodes and sheets, encodes JPEG for
 * colour and grey or lossless PNG
 * for bitonal, makes the thumbnail, and hashes the stored bytes.
 */
export async function processPage(
  input: Buffer | string,
  options: {
    mode?: ColorMode;
    scannerDpi?: number;
    settings: CaptureSettings;
    /** of a multi-page TIFF */ page?: number;
  },
): Promise<ProcessedPage> {
  const { settings } = options;
  const open = () =>
    sharp(input, {
      limitInputPixels: settings.maxMegapixels * 1_000_000,
      failOn: 'error',
      page: options.page ?? 0,
    }).autoOrient();
  let metadata: Metadata;
  try {
    // The header alone, without sharp's pixel limit: nothing is decoded yet, and a bomb
    // must be reported as too large rather than as unreadable.
    metadata = await sharp(input, { limitInputPixels: false, failOn: 'error', page: options.page ?? 0 })
      .autoOrient()
      .metadata();
  } catch (error) {
    throw new AppError('imaging.unreadable', { detail: String(error) });
  }
  if (!metadata.width || !metadata.height)
    throw new AppError('imaging.unreadable', { detail: 'no dimensions' });
  if (metadata.width * metadata.height > settings.maxMegapixels * 1_000_000) {
    throw new AppError('imaging.tooLarge', {
      params: { megapixels: Math.round((metadata.width * metadata.height) / 1_000_000) },
    });
  }

  const recorded = recordedDpi(metadata.density);
  const dpiSource = recorded ? 'image' : options.scannerDpi ? 'scanner' : 'assumed';
  const dpi = Math.round(recorded ?? (options.scannerDpi || ASSUMED_DPI));
  const bitonal = options.mode === 'bitonal' || (metadata.depth === 'uchar' && metadata.bitsPerSample === 1);
  const gray = options.mode === 'gray' || metadata.channels === 1 || metadata.space === 'b-w';

  try {
    const archival = open().withDensity(dpi);
    const { width, height } = metadata.autoOrient ?? metadata;
    const channels = metadata.channels ?? 3;
    // One small grey copy for everything that reads the page rather than keeps it, made
    // while the archival copy is encoded.
    const read = readingImage(open(), { width, channels }, dpi).then((reading) =>
      Promise.all([
        inkRatio(
          sharp(reading.data, { raw: { width: reading.width, height: reading.height, channels: 1 } }),
          settings.inkLevel,
        ),
        settings.readCodes ? readPageCodes(reading) : { codes: [], sheet: null },
      ]),
    );
    const [image, thumbnail, [ink, codes]] = await Promise.all([
      bitonal
        ? archival.toColourspace('b-w').png({ compressionLevel: 9, palette: true, colours: 2 }).toBuffer()
        : gray
          ? archival.toColourspace('b-w').jpeg(archivalJpeg(settings)).toBuffer()
          : archival.jpeg({ ...archivalJpeg(settings), chromaSubsampling: '4:2:0' }).toBuffer(),
      open()
        .resize({ width: settings.thumbnailWidth, withoutEnlargement: true })
        .jpeg({ quality: 70 })
        .toBuffer(),
      read,
    ]);
    return {
      image,
      mimeType: bitonal ? 'image/png' : 'image/jpeg',
      thumbnail,
      widthPx: width,
      heightPx: height,
      dpi,
      dpiSource,
      lowDpi: dpi < settings.minDpi,
      inkRatio: ink,
      blank: ink < settings.blankInkRatio,
      sha256: createHash('sha256').update(image).digest('hex'),
      codes: codes.codes,
      sheet: codes.sheet,
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('imaging.unreadable', { detail: String(error) });
  }
}
