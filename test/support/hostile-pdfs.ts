import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';

/**
 * An all-white bitonal image of `side`×`side` pixels coded CCITT G4: every row is the
 * reference row again (vertical mode V0, the one bit 1), then the end-of-block code. A few
 * kilobytes that a renderer must decode into `side`² pixels.
 */
function whiteG4(side: number): Buffer {
  const rows = Buffer.alloc(Math.ceil(side / 8), 0xff);
  const endOfBlock = Buffer.from([0x00, 0x10, 0x01]); // 000000000001 000000000001
  return Buffer.concat([rows, endOfBlock]);
}

/**
 * A one-page PDF of `pagePt`×`pagePt` points drawing a `side`×`side` CCITT image over the
 * whole page: 8400 pt and 35000 px make a 5 KB file that renders to 544 megapixels at
 * 200 dpi, and holds 1 225 megapixels of image.
 */
export async function ccittBombPdf(pagePt = 8400, side = 35_000): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([pagePt, pagePt]);
  const image = pdf.context.stream(whiteG4(side), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: side,
    Height: side,
    BitsPerComponent: 1,
    ColorSpace: 'DeviceGray',
    Filter: 'CCITTFaxDecode',
    DecodeParms: { K: -1, Columns: side, Rows: side },
  });
  page.node.setXObject(PDFName.of('Im0'), pdf.context.register(image));
  const content = pdf.context.stream(`q ${pagePt} 0 0 ${pagePt} 0 0 cm /Im0 Do Q`);
  page.node.set(PDFName.of('Contents'), pdf.context.register(content));
  return Buffer.from(await pdf.save());
}

/** A PDF of text pages, one per size given in points (A4 by default). */
export async function textPdf(sizes: [number, number][] = [[595, 842]]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  sizes.forEach((size, index) => {
    pdf
      .addPage(size)
      .drawText(`Quyet dinh 49/QD-SLDTBXH, trang ${index + 1}`, { x: 72, y: 760, size: 14, font });
  });
  return Buffer.from(await pdf.save());
}
