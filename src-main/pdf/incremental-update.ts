import { randomBytes } from 'node:crypto';
import { PDFHexString, type PDFDocument, type PDFObject, type PDFRef } from 'pdf-lib';

const encoder = new TextEncoder();

/** Where the last cross-reference section of a PDF starts (`startxref` near the end). */
export function lastXrefOffset(pdf: Uint8Array): number {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 2048))).toString('latin1');
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail) ?? [...tail.matchAll(/startxref\s+(\d+)/g)].pop();
  if (!match) throw new Error('no startxref');
  return Number(match[1]);
}

function serialise(object: PDFObject): Uint8Array {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}

/**
 * An incremental update (ISO 32000 7.5.6): the original bytes untouched, followed by the
 * objects that are new or changed in `doc` (loaded from `original`), a cross-reference
 * section for them and a trailer pointing back to the previous one. Earlier signatures
 * stay valid because nothing they cover moves.
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
  const { Root, Info, ID } = context.trailerInfo;
  const trailer = context.obj({
    Size: context.largestObjectNumber + 1,
    Root: Root as PDFRef,
    ...(Info ? { Info: Info as PDFRef } : {}),
    ID: ID ?? [0, 1].map(() => PDFHexString.of(randomBytes(16).toString('hex'))),
    Prev: lastXrefOffset(original),
  });
  push(encoder.encode(`${lines.join('\n')}\ntrailer\n`));
  push(serialise(trailer));
  push(encoder.encode(`\nstartxref\n${xrefOffset}\n%%EOF\n`));
  return Buffer.concat(parts);
}
