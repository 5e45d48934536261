import { randomBytes } from 'node:crypto';
import { PDFCrossRefStream, PDFHexString, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';

const encoder = new TextEncoder();

/** Where the last cross-reference section of a PDF starts (`startxref` near the end). */
export function lastXrefOffset(pdf: Uint8Array): number {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 2048))).toString('latin1');
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail) ?? [...tail.matchAll(/startxref\s+(\d+)/g)].pop();
  if (!match) throw new Error('no startxref');
  return Number(match[1]);
}

/**
 * Makes the objects `doc` registers from now on take numbers past every object of `pdf`,
 * including its object streams and cross-reference streams, which pdf-lib reads but does
 * not keep (so its own count falls short): the last section's /Size counts them all.
 * Returns the first such number.
 */
export function reserveObjectNumbers(pdf: Uint8Array, doc: PDFDocument): number {
  const section = Buffer.from(pdf.subarray(lastXrefOffset(pdf))).toString('latin1');
  const size = Number(/\/Size\s+(\d+)/.exec(section)?.[1] ?? 0);
  const { context } = doc;
  context.largestObjectNumber = Math.max(context.largestObjectNumber, size - 1);
  return context.largestObjectNumber + 1;
}

/** Whether the section at `offset` is a cross-reference stream (PDF 1.5) rather than a table. */
const isXrefStream = (pdf: Uint8Array, offset: number) =>
  Buffer.from(pdf.subarray(offset, offset + 4)).toString('latin1') !== 'xref';

function serialise(object: PDFObject): Uint8Array {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}

/**
 * An incremental update (ISO 32000 7.5.6): the original bytes untouched, followed by the
 * objects that are new or changed in `doc` (loaded from `original`), a cross-reference
 * section for them and a trailer pointing back to the previous one. Earlier signatures
 * stay valid because nothing they cover moves. The section is of the kind the file already
 * uses: a cross-reference stream after a stream (our own files, with object streams), a
 * table after a table. The new objects themselves are never compressed, so a signature
 * dictionary can be read from the raw bytes.
 */
export function incrementalUpdate(
  original: Uint8Array,
  doc: PDFDocument,
  firstNewObject: number,
  changed: readonly PDFRef[],
): Buffer {
  const { context } = doc;
  const changedNumbers = new Set(changed.map((ref) => ref.objectNumber));
  const objects = context
    .enumerateIndirectObjects()
    .filter(([ref]) => ref.objectNumber >= firstNewObject || changedNumbers.has(ref.objectNumber))
    .sort(([a], [b]) => a.objectNumber - b.objectNumber);

  const parts: Uint8Array[] = [original];
  let offset = original.length;
  const push = (bytes: Uint8Array) => {
    parts.push(bytes);
    offset += bytes.length;
  };
  // The original may end without a newline after %%EOF.
  push(encoder.encode('\n'));
  const offsets = new Map<number, { offset: number; generation: number }>();
  for (const [ref, object] of objects) {
    offsets.set(ref.objectNumber, { offset, generation: ref.generationNumber });
    push(encoder.encode(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
    push(serialise(object));
    push(encoder.encode('\nendobj\n'));
  }

  const xrefOffset = offset;
  const { Root, Info, ID } = context.trailerInfo;
  const trailerEntries = {
    Root: Root as PDFRef,
    ...(Info ? { Info: Info as PDFRef } : {}),
    ID: ID ?? [0, 1].map(() => PDFHexString.of(randomBytes(16).toString('hex'))),
    Prev: lastXrefOffset(original),
  };
  if (isXrefStream(original, trailerEntries.Prev)) {
    const ref = PDFRef.of(context.largestObjectNumber + 1);
    const xref = PDFCrossRefStream.of(context.obj({ Size: ref.objectNumber + 1, ...trailerEntries }), []);
    for (const [number, entry] of offsets)
      xref.addUncompressedEntry(PDFRef.of(number, entry.generation), entry.offset);
    xref.addUncompressedEntry(ref, xrefOffset);
    push(encoder.encode(`${ref.objectNumber} 0 obj\n`));
    push(serialise(xref));
    push(encoder.encode(`\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`));
    return Buffer.concat(parts);
  }

  const lines = ['xref'];
  const numbers = [...offsets.keys()];
  for (let start = 0; start < numbers.length;) {
    let end = start;
    while (end + 1 < numbers.length && numbers[end + 1] === numbers[end]! + 1) end += 1;
    lines.push(`${numbers[start]} ${end - start + 1}`);
    for (const number of numbers.slice(start, end + 1)) {
      const entry = offsets.get(number)!;
      lines.push(
        `${String(entry.offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} n\r`,
      );
    }
    start = end + 1;
  }
  const trailer = context.obj({ Size: context.largestObjectNumber + 1, ...trailerEntries });
  push(encoder.encode(`${lines.join('\n')}\ntrailer\n`));
  push(serialise(trailer));
  push(encoder.encode(`\nstartxref\n${xrefOffset}\n%%EOF\n`));
  return Buffer.concat(parts);
}
