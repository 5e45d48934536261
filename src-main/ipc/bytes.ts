/** Bytes at the IPC boundary: what handlers take as Buffers and hand back to the renderer. */

/** A request's Uint8Array as a Buffer over the same memory (no copy). */
export function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * A response's bytes in an ArrayBuffer of their own: structured clone (Electron's IPC)
 * copies a view's whole ArrayBuffer, so a 2 MB piece of a 50 MB file would cross as 50 MB.
 */
export function ownBytes(view: Uint8Array): Uint8Array<ArrayBuffer> {
  const whole = view.byteOffset === 0 && view.byteLength === view.buffer.byteLength;
  return whole && view.buffer instanceof ArrayBuffer
    ? (view as Uint8Array<ArrayBuffer>)
    : new Uint8Array(view);
}
