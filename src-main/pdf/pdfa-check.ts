import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFStream,
  PDFArray,
  decodePDFRawStream,
} from 'pdf-lib';

const run = promisify(execFile);

/**
 * Our own PDF/A-2b check: what can be tested without a full validator (veraPDF is not a
 * Debian package). It reports problems, never fixes them. What it does not check is listed
 * in the README ("PDF/A: what our check does not cover").
 */
export async function checkPdfA(path: string, bytes: Uint8Array): Promise<string[]> {
  const problems: string[] = [];
  const header = Buffer.from(bytes.subarray(0, 32)).toString('latin1');
  if (!/^%PDF-1\.[4-7]\r?\n%[\x80-\xff]{4}/.test(header))
    problems.push('header: no binary comment after %PDF-1.x');

  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const { context, catalog } = doc;
  if (context.trailerInfo.Encrypt) problems.push('encrypted');
  if (!context.trailerInfo.ID) problems.push('trailer: no ID');

  const metadata = catalog.lookupMaybe(PDFName.of('Metadata'), PDFStream);
  if (!metadata) problems.push('catalog: no XMP metadata');
  else {
    if (metadata.dict.has(PDFName.of('Filter'))) problems.push('XMP: metadata stream is filtered');
    const xmp = Buffer.from(
      metadata instanceof PDFRawStream ? decodePDFRawStream(metadata).decode() : metadata.getContents(),
    ).toString('utf8');
    if (!/<pdfaid:part>2<\/pdfaid:part>/.test(xmp)) problems.push('XMP: pdfaid:part is not 2');
    if (!/<pdfaid:conformance>B<\/pdfaid:conformance>/.test(xmp))
      problems.push('XMP: pdfaid:conformance is not B');
    const title = doc.getTitle();
    if (title && !xmp.includes(title.replace(/&/g, '&amp;').replace(/</g, '&lt;'))) {
      problems.push('XMP: dc:title differs from the document info Title');
    }
    const producer = doc.getProducer();
    if (producer && !xmp.includes(`<pdf:Producer>${producer}</pdf:Producer>`)) {
      problems.push('XMP: pdf:Producer differs from the document info Producer');
    }
  }

  const intents = catalog.lookupMaybe(PDFName.of('OutputIntents'), PDFArray);
  const intent = intents?.size() ? intents.lookup(0, PDFDict) : undefined;
  if (!intent || intent.get(PDFName.of('S'))?.toString() !== '/GTS_PDFA1')
    problems.push('no GTS_PDFA1 OutputIntent');
  else if (!intent.lookupMaybe(PDFName.of('DestOutputProfile'), PDFStream))
    problems.push('OutputIntent: no ICC profile');

  const names = catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  if (names?.has(PDFName.of('JavaScript')) || catalog.has(PDFName.of('AA')))
    problems.push('JavaScript or actions');

  const fonts = await run('pdffonts', [path]);
  for (const line of fonts.stdout.split('\n').slice(2).filter(Boolean)) {
    // name type encoding emb sub uni object ID — `emb` is the 4th field from the end but three.
    const fields = line.trim().split(/\s+/);
    if (fields[fields.length - 5] !== 'yes') problems.push(`font not embedded: ${fields[0]}`);
  }
  const check = await run('qpdf', ['--check', path]).catch((error: { stdout?: string; stderr?: string }) => ({
    stdout: `${error.stdout ?? ''}${error.stderr ?? ''}`,
    failed: true,
  }));
  // qpdf exits 0 when clean, 3 with warnings, 2 with errors.
  if ('failed' in check || /WARNING/.test(check.stdout)) {
    problems.push(`qpdf --check: ${check.stdout.trim()}`);
  }
  return problems;
}
