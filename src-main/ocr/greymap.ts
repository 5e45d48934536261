import sharp, { type Metadata, type Sharp } from 'sharp';
import { AppError } from '../../src-shared/errors/app-error';
import { recordedDpi } from '../imaging/recorded-dpi';
import { dropColour } from './colour-dropout';

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
 * A colour page's grey drops its colours (`dropColour`): a red seal pressed over the signer's
 * name and a blue signature across it go to white, black print stays. CMYK takes the slow path.
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
    const { data, info } = await greyOf(input, metadata);
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

/** The page's pixels as one 8-bit grey band: a colour page's with its colours dropped. */
async function greyOf(input: Sharp, metadata: Metadata) {
  if (metadata.space === 'cmyk') return input.greyscale().raw().toBuffer({ resolveWithObject: true });
  if (metadata.channels < 3) return input.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  const { data, info } = await input.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: dropColour(data), info: { ...info, channels: 1 as const } };
}
