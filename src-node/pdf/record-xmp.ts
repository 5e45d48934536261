import { decodePDFRawStream, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { escapeXml, unescapeXml } from '../../src-shared/encoding/xml-text';

/**
 * The record's metadata in its PDF, written and read here only (the station writes it at
 * finalize, SoHoa Central reads it to check that a file is the record it claims to be).
 *
 * The XMP packet of a finalized record: PDF/A-2b identification, Dublin Core, the dates
 * and tools the document info dictionary repeats, and the record's own fields in the
 * SoHoa namespace, described by a PDF/A extension schema (PDF/A admits no undescribed
 * property).
 */
export interface XmpFields {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creatorTool: string;
  producer: string;
  created: Date;
  documentId: string;
  instanceId: string;
  /** The record's fields: name → value, written as sohoa:name. */
  record: Record<string, string>;
}

export const SOHOA_NAMESPACE = 'https://sohoa.gov.vn/ns/record/1.0/';

/** XMP dates are ISO 8601; seconds precision like the info dictionary's. */
const xmpDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

function extensionSchema(propertyNames: string[]): string {
  const properties = propertyNames
    .map(
      (name) => `<rdf:li rdf:parseType="Resource">
       <pdfaProperty:name>${name}</pdfaProperty:name>
       <pdfaProperty:valueType>Text</pdfaProperty:valueType>
       <pdfaProperty:category>external</pdfaProperty:category>
       <pdfaProperty:description>SoHoa record field ${name}</pdfaProperty:description>
      </rdf:li>`,
    )
    .join('\n      ');
  return `<rdf:Description rdf:about=""
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas><rdf:Bag>
    <rdf:li rdf:parseType="Resource">
     <pdfaSchema:schema>SoHoa digitized record</pdfaSchema:schema>
     <pdfaSchema:namespaceURI>${SOHOA_NAMESPACE}</pdfaSchema:namespaceURI>
     <pdfaSchema:prefix>sohoa</pdfaSchema:prefix>
     <pdfaSchema:property><rdf:Seq>
      ${properties}
     </rdf:Seq></pdfaSchema:property>
    </rdf:li>
   </rdf:Bag></pdfaExtension:schemas>
  </rdf:Description>`;
}

/**
 * A read-only packet without the usual padding: the file is signed, so no tool may rewrite
 * the packet in place (an edit would break the signature), and padding is dead weight. The
 * indentation between elements goes too (RDF ignores it); values keep their spaces.
 */
export function xmpPacket(fields: XmpFields): string {
  const date = xmpDate(fields.created);
  const record = Object.entries(fields.record).filter(([, value]) => value !== '');
  const optional = [
    fields.author &&
      `<dc:creator><rdf:Seq><rdf:li>${escapeXml(fields.author)}</rdf:li></rdf:Seq></dc:creator>`,
    fields.subject &&
      `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(fields.subject)}</rdf:li></rdf:Alt></dc:description>`,
    fields.keywords && `<pdf:Keywords>${escapeXml(fields.keywords)}</pdf:Keywords>`,
  ].filter(Boolean);
  const packet = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:sohoa="${SOHOA_NAMESPACE}">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(fields.title)}</rdf:li></rdf:Alt></dc:title>
   ${optional.join('\n   ')}
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
   <xmp:MetadataDate>${date}</xmp:MetadataDate>
   <xmp:CreatorTool>${escapeXml(fields.creatorTool)}</xmp:CreatorTool>
   <pdf:Producer>${escapeXml(fields.producer)}</pdf:Producer>
   <xmpMM:DocumentID>${escapeXml(fields.documentId)}</xmpMM:DocumentID>
   <xmpMM:InstanceID>${escapeXml(fields.instanceId)}</xmpMM:InstanceID>
   ${record.map(([name, value]) => `<sohoa:${name}>${escapeXml(value)}</sohoa:${name}>`).join('\n   ')}
  </rdf:Description>
  ${record.length ? extensionSchema(record.map(([name]) => name)) : ''}
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>`;
  return packet.replace(/>\s+</g, '><');
}

/**
 * The record's own fields (`sohoa:*`) as the XMP packet of the file's catalog states them
 * (the last revision's catalog: a signature appends one), or `null` when the file has no
 * packet. Throws when the file cannot be parsed.
 */
export async function readRecordXmp(pdf: Uint8Array): Promise<Record<string, string> | null> {
  const document = await PDFDocument.load(pdf, { ignoreEncryption: true, updateMetadata: false });
  const stream = document.catalog.lookup(PDFName.of('Metadata'));
  if (!(stream instanceof PDFRawStream)) return null;
  const bytes = stream.dict.has(PDFName.of('Filter')) ? decodePDFRawStream(stream).decode() : stream.contents;
  const packet = new TextDecoder().decode(bytes);
  const fields: Record<string, string> = {};
  for (const [, name, value] of packet.matchAll(/<sohoa:(\w+)>([^<]*)<\/sohoa:\1>/g)) {
    fields[name!] = unescapeXml(value!);
  }
  return fields;
}
