import { createHash } from 'node:crypto';
import { PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { xmpPacket, type XmpFields } from '../../src-node/pdf/record-xmp';

/**
 * Makes a document PDF/A-2b as far as the document level goes: info dictionary and XMP
 * saying the same, the PDF/A identification, an sRGB OutputIntent, a file identifier.
 * (Embedded fonts, no transparency groups, no encryption and no JavaScript are the
 * builder's part: it uses nothing else.)
 */
export function declarePdfA(doc: PDFDocument, fields: XmpFields, iccProfile: Uint8Array): void {
  doc.setTitle(fields.title, { showInWindowTitleBar: true });
  if (fields.author) doc.setAuthor(fields.author);
  if (fields.subject) doc.setSubject(fields.subject);
  if (fields.keywords) doc.setKeywords([fields.keywords]);
  doc.setCreator(fields.creatorTool);
  doc.setProducer(fields.producer);
  doc.setCreationDate(fields.created);
  doc.setModificationDate(fields.created);

  const { context, catalog } = doc;
  // PDF/A forbids a filter on the metadata stream: XMP must stay readable by any tool.
  const metadata = context.stream(new TextEncoder().encode(xmpPacket(fields)), {
    Type: 'Metadata',
    Subtype: 'XML',
  });
  catalog.set(PDFName.of('Metadata'), context.register(metadata));

  const profile = context.flateStream(iccProfile, { N: 3 });
  const outputIntent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: context.register(profile),
  });
  catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(outputIntent)]));
  catalog.set(PDFName.of('Lang'), PDFString.of('vi-VN'));

  const id = PDFHexString.of(createHash('sha256').update(fields.documentId).digest('hex').slice(0, 32));
  context.trailerInfo.ID = context.obj([id, id]);
}
