import sharp from 'sharp';
import { AppError } from '../../src-shared/errors/app-error';
import { recordedDpi } from '../imaging/recorded-dpi';

/** A page as an 8-bit greymap (PGM) and the resolution its file recorded. */
export interface Greymap {
  pgm: Buffer;
  dpi: number | undefined;
  width: number;
  height: number;
  /** Its pixels per pixel of the image as given (turned as asked): below 1 when read smaller. */
  scale: number;
}

/**
 * The page as an 8-bit greymap (PGM), turned by `turn`, fitted into `maxSide` and brought down
 * to `maxDpi` if given (a page whose file records no resolution keeps its size):
 * decoded natively by libvips once, whichever engine reads it, and what Tesseract turns
 * every page into anyway. An unreadable image is `imaging.unreadable`.
 *
 * A colour page's grey is its red channel: cheap (libvips' colour-managed greyscale took 240 ms
 * of a 300 dpi A4 page's 280 ms decode, one channel 30 ms), and on it a red seal pressed over the
 * signer's name or the text is as light as the paper while black print and blue ink stay dark
 * (bench/ocr, the corpus's dev half: CER 3.50 % read on green, 2.17 % on red; the signer's name
 * found under its seal on 12.7 % of pages, then 74.7 %). CMYK takes the slow path.
 */
export async function greymap(
  image: Buffer,
  options: { turn?: number; maxSide?: number; maxDpi?: number } = {},
): Promise<Greymap> {
  try {
    let input = sharp(image);
    const metadata = await input.metadata();
    const recorded = recordedDpi(metadata.density);
    const smaller = recorded && options.maxDpi && recorded > options.maxDpi ? options.maxDpi / recorded : 1;
    if (options.maxSide) input = input.resize(options.maxSide, options.maxSide, { fit: 'inside' });
    else if (smaller < 1) input = input.resize(Math.round(metadata.width! * smaller));
    if (options.turn) input = input.rotate(options.turn);
    const grey =
      metadata.space === 'cmyk'
        ? input.greyscale()
        : input.extractChannel(metadata.channels >= 3 ? 'red' : 0);
    const { data, info } = await grey.raw().toBuffer({ resolveWithObject: true });
    const pgm = Buffer.concat([Buffer.from(`P5\n${info.width} ${info.height}\n255\n`), data]);
    const across = options.turn === 90 || options.turn === 270 ? metadata.height! : metadata.width!;
    const scale = info.width / across;
    return {
      pgm,
      dpi: recorded ? Math.round(recorded * scale) : undefined,
      width: info.width,
      height: info.height,
      scale,
    };
  } catch (error) {
    throw new AppError('imaging.unreadable', { detail: String(error) });
  }
}
