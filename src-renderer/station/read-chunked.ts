/**
 * A file main hands back in pieces (a signed record, a file from Central): asks for the
 * piece at each offset until main says it is done, and returns the whole as one Blob.
 */
export async function readChunked(
  read: (offset: number) => Promise<{ data: Uint8Array<ArrayBuffer>; done: boolean }>,
  type: string,
): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let offset = 0, done = false; !done;) {
    const part = await read(offset);
    parts.push(part.data);
    offset += part.data.length;
    done = part.done;
  }
  return new Blob(parts, { type });
}
