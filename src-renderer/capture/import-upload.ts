import { IMPORT_CHUNK_BYTES } from '../../src-shared/ipc/contract';
import { station } from '../station/station';
import { base64Of } from './base64';

/**
 * Sends a dropped or picked file to main in chunks and starts its import run. Main checks
 * the size limit before the first chunk and what the file really is once it has it all.
 */
export async function uploadForImport(file: File): Promise<string> {
  const { uploadId } = await station.capture.importBegin({ name: file.name, bytes: file.size });
  for (let offset = 0; offset < file.size; offset += IMPORT_CHUNK_BYTES) {
    const chunk = new Uint8Array(await file.slice(offset, offset + IMPORT_CHUNK_BYTES).arrayBuffer());
    await station.capture.importChunk({ uploadId, offset, dataBase64: base64Of(chunk) });
  }
  return (await station.capture.importEnd({ uploadId })).runId;
}
