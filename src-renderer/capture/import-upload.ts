import { IMPORT_CHUNK_BYTES } from '../../src-shared/ipc/contract';
import { station } from '../station/station';

/**
 * Sends a file to main in chunks (main checks the size limit before the first) and returns
 * the upload's id, for the call that uses the file: an import, a verification.
 */
export async function uploadFile(file: Blob, name: string): Promise<string> {
  const { uploadId } = await station.capture.importBegin({ name, bytes: file.size });
  for (let offset = 0; offset < file.size; offset += IMPORT_CHUNK_BYTES) {
    const chunk = new Uint8Array(await file.slice(offset, offset + IMPORT_CHUNK_BYTES).arrayBuffer());
    await station.capture.importChunk({ uploadId, offset, data: chunk });
  }
  return uploadId;
}

/** Sends a dropped or picked file to main and starts its import run; main checks what the file really is. */
export async function uploadForImport(file: File): Promise<string> {
  const uploadId = await uploadFile(file, file.name);
  return (await station.capture.importEnd({ uploadId })).runId;
}
