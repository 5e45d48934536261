/**
 * One harness WebSocket message, with its byte arrays carried as bytes (Electron's IPC does
 * the same by structured clone). A message without bytes is plain JSON text, as before; one
 * with bytes is a binary frame:
 *
 *   [u32 LE length of the JSON] [JSON {"value": …, "bytes": [length, …]}] [bytes 0] [bytes 1] …
 *
 * where each byte array in the value is written `{"$bytes": index}`. Base64 in JSON cost a
 * third more bytes and an encode and a decode on each side: it capped a backup at about
 * 20 MB/s (bench/backup).
 */
const REF = '$bytes';

export function encodeMessage(value: unknown): string | Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  // `this[key]`, not `value`: JSON.stringify has already turned a Node Buffer into
  // {type, data} by its toJSON when the replacer sees it.
  const json = JSON.stringify(value, function (this: Record<string, unknown>, key, replaced: unknown) {
    const original = this[key];
    if (!(original instanceof Uint8Array)) return replaced;
    parts.push(original);
    return { [REF]: parts.length - 1 };
  });
  if (parts.length === 0) return json;
  const head = new TextEncoder().encode(
    `{"value":${json},"bytes":${JSON.stringify(parts.map((part) => part.length))}}`,
  );
  const frame = new Uint8Array(4 + head.length + parts.reduce((sum, part) => sum + part.length, 0));
  new DataView(frame.buffer).setUint32(0, head.length, true);
  frame.set(head, 4);
  let offset = 4 + head.length;
  for (const part of parts) {
    frame.set(part, offset);
    offset += part.length;
  }
  return frame;
}

/** The value of a message; a malformed one throws (the caller closes the socket). */
export function decodeMessage(data: string | ArrayBuffer | Uint8Array): unknown {
  if (typeof data === 'string') return JSON.parse(data);
  const frame = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (frame.length < 4) throw new Error('short frame');
  const headLength = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(0, true);
  if (4 + headLength > frame.length) throw new Error('short frame');
  const head = JSON.parse(new TextDecoder().decode(frame.subarray(4, 4 + headLength))) as {
    value?: unknown;
    bytes?: unknown;
  };
  const lengths = head.bytes;
  if (!Array.isArray(lengths) || !lengths.every((length) => Number.isSafeInteger(length) && length >= 0))
    throw new Error('frame without its byte lengths');
  const parts: Uint8Array[] = [];
  let offset = 4 + headLength;
  for (const length of lengths as number[]) {
    if (offset + length > frame.length) throw new Error('short frame');
    parts.push(frame.subarray(offset, offset + length));
    offset += length;
  }
  if (offset !== frame.length) throw new Error('frame longer than its parts');
  return revive(head.value, parts);
}

function revive(value: unknown, parts: Uint8Array[]): unknown {
  if (Array.isArray(value)) return value.map((item) => revive(item, parts));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0]![0] === REF) {
    const index = entries[0]![1];
    if (typeof index !== 'number' || !parts[index]) throw new Error('reference to missing bytes');
    return parts[index];
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, revive(item, parts)]));
}
