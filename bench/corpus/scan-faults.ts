/**
 * The faults of real scans, applied to a rendered page: what the SVG cannot draw (skew, noise,
 * blur, JPEG artefacts, low contrast, a bitonal fax-like page, a page fed upside down) is done
 * to the pixels with sharp; what sits on the paper (yellowed paper, a red seal over the
 * signer's name, a blue signature, punch holes) is drawn into the SVG before it is rendered.
 */
import sharp from 'sharp';
import type { SeededRandom as Random } from '../../src-shared/domain/seeded-random';

export type PaperFault = 'yellowed' | 'seal' | 'signature' | 'punchHoles';
export type PixelFault = 'skew' | 'noise' | 'blur' | 'jpeg' | 'lowContrast' | 'bitonal' | 'upsideDown';
export type Fault = PaperFault | PixelFault;

export interface Faults {
  paper: PaperFault[];
  pixels: PixelFault[];
  /** Degrees, when skewed. */
  skew: number;
}

/**
 * The faults of page `index`: half of the pages carry pixel faults (noise, blur, skew…), every
 * signed page a seal and most a signature, as in an office's archive; one page in 20 is upside down.
 */
export function faultsFor(r: Random): Faults {
  const paper: PaperFault[] = [];
  if (r.chance(0.85)) paper.push('seal');
  if (r.chance(0.7)) paper.push('signature');
  if (r.chance(0.3)) paper.push('yellowed');
  if (r.chance(0.15)) paper.push('punchHoles');
  const pixels: PixelFault[] = [];
  if (r.chance(0.5)) {
    if (r.chance(0.7)) pixels.push('skew');
    if (r.chance(0.5)) pixels.push('noise');
    if (r.chance(0.35)) pixels.push('blur');
    if (r.chance(0.35)) pixels.push('jpeg');
    if (r.chance(0.25)) pixels.push('lowContrast');
    if (r.chance(0.15)) pixels.push('bitonal');
  } else if (r.chance(0.3)) pixels.push('skew');
  // Drawn like the others, so that both halves get some (a rule on the page number put them all in one).
  if (r.chance(0.05)) pixels.push('upsideDown');
  const skew = pixels.includes('skew') ? (r.chance(0.5) ? -1 : 1) * (0.3 + r.next() * 2.7) : 0;
  return { paper, pixels, skew };
}

export const paperColour = (faults: Faults, r: Random) =>
  faults.paper.includes('yellowed')
    ? r.pick(['#f1e6c4', '#efe2b8', '#f4ebcf'])
    : r.pick(['#fdfdfb', '#fafaf6', '#ffffff']);

/** What the paper carries besides the text, as SVG (mm), over the signer's name at (x, y). */
export function paperMarks(
  faults: Faults,
  r: Random,
  signerAt: { x: number; y: number },
  agency: string,
): string[] {
  const marks: string[] = [];
  if (faults.paper.includes('signature')) {
    const x = signerAt.x - 18 + r.next() * 10;
    const y = signerAt.y - 12 + r.next() * 4;
    marks.push(
      `<path d="M${x} ${y} c6 -8 9 6 14 -2 s5 -7 9 1 s6 5 10 -4 c2 -3 4 4 7 1" fill="none" stroke="#1f3a9e" stroke-width="0.7" stroke-linecap="round" opacity="0.85"/>`,
    );
  }
  if (faults.paper.includes('seal')) {
    // A round red stamp over the left of the title and the signer's name, as it is pressed.
    const cx = signerAt.x - 16 + r.next() * 6;
    const cy = signerAt.y - 10 + r.next() * 6;
    const label = agency.slice(0, 42);
    marks.push(
      `<g opacity="0.72" style="mix-blend-mode:multiply"><circle cx="${cx}" cy="${cy}" r="17" fill="none" stroke="#d0202a" stroke-width="1.1"/>` +
        `<circle cx="${cx}" cy="${cy}" r="12.5" fill="none" stroke="#d0202a" stroke-width="0.5"/>` +
        `<path id="arc${Math.round(cx * 10)}" d="M${cx - 14.5} ${cy} a14.5 14.5 0 1 1 29 0" fill="none"/>` +
        `<text font-family="DejaVu Sans" font-size="2.6" fill="#d0202a"><textPath xlink:href="#arc${Math.round(cx * 10)}">${label.replace(/[<>&]/g, '')}</textPath></text>` +
        `<text x="${cx}" y="${cy + 1.5}" font-family="DejaVu Sans" font-size="4" fill="#d0202a" text-anchor="middle">★</text></g>`,
    );
  }
  if (faults.paper.includes('punchHoles')) {
    for (const y of [110, 190]) marks.push(`<circle cx="9" cy="${y}" r="3" fill="#3a3a3a"/>`);
  }
  return marks;
}

/** Renders the page at `dpi` and applies its pixel faults; a PNG, or a JPEG when so faulted. */
export async function scanOf(
  svg: string,
  faults: Faults,
  r: Random,
  dpi = 300,
): Promise<{ bytes: Buffer; type: 'png' | 'jpeg' }> {
  let image = sharp(Buffer.from(svg), { density: dpi }).flatten({ background: '#ffffff' });
  const has = (fault: PixelFault) => faults.pixels.includes(fault);
  if (has('skew')) image = image.rotate(faults.skew, { background: '#f4f4f0' });
  if (has('upsideDown')) image = image.rotate(180);
  const raw = await image.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const pixels = raw.data;
  const { width, height, channels } = raw.info;
  if (has('lowContrast'))
    for (let i = 0; i < pixels.length; i++) pixels[i] = 90 + Math.round(pixels[i]! * 0.6);
  if (has('noise')) {
    // Speckle and grain: a scanner's dust and sensor noise.
    for (let i = 0; i < pixels.length; i += channels) {
      const grain = Math.round((r.next() - 0.5) * 40);
      const speck = r.next() < 0.002 ? -160 : 0;
      for (let c = 0; c < channels; c++)
        pixels[i + c] = Math.max(0, Math.min(255, pixels[i + c]! + grain + speck));
    }
  }
  let out = sharp(pixels, { raw: { width, height, channels } });
  if (has('blur')) out = out.blur(0.8 + r.next() * 0.7);
  if (has('bitonal')) out = out.greyscale().threshold(150 + r.int(-20, 20));
  out = out.withMetadata({ density: dpi });
  if (has('jpeg')) return { bytes: await out.jpeg({ quality: r.int(22, 45) }).toBuffer(), type: 'jpeg' };
  return { bytes: await out.png({ compressionLevel: 3 }).toBuffer(), type: 'png' };
}
