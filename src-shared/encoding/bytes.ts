import { z } from 'zod';

/**
 * Bytes as they cross to and from main: a Uint8Array (a Node Buffer is one), carried by
 * structured clone in Electron and by binary frames in the harness (wire-message.ts).
 */
export const bytesSchema = z.instanceof(Uint8Array);

/**
 * These bytes over an ArrayBuffer of their own (copied only when the view is part of a larger
 * one). Structured clone (Electron's IPC) copies a view's whole ArrayBuffer, so a 2 MB piece of
 * a 50 MB file would cross as 50 MB; pdf-lib's JPEG reader reads `buffer` from its start,
 * whatever the view's offset.
 */
export function ownBytes(view: Uint8Array): Uint8Array<ArrayBuffer> {
  const whole = view.byteOffset === 0 && view.byteLength === view.buffer.byteLength;
  return whole && view.buffer instanceof ArrayBuffer
    ? (view as Uint8Array<ArrayBuffer>)
    : new Uint8Array(view);
}
