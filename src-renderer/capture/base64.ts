/** Bytes ↔ base64, how images and files cross both transports (Electron IPC, harness WebSocket). */
type Base64Decoder = { fromBase64?: (base64: string) => Uint8Array<ArrayBuffer> };

export function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  // Native where the engine has it (Chromium 140+): about 4× the speed of the loop below.
  const decoder = Uint8Array as unknown as Base64Decoder;
  if (decoder.fromBase64) return decoder.fromBase64(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

type Base64Encoder = { toBase64?: () => string };

export function base64Of(bytes: Uint8Array): string {
  // Native where the engine has it (Chromium 140+), as bytesOf above.
  const encoder = bytes as unknown as Base64Encoder;
  if (typeof encoder.toBase64 === 'function') return encoder.toBase64();
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}
