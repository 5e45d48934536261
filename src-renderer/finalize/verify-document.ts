import type { DocumentVerification } from '../../src-shared/domain/signing';
import { IMPORT_CHUNK_BYTES } from '../../src-shared/ipc/contract';
import { base64Of } from '../capture/base64';
import { station } from '../station/station';

/** Verifies a stored PDF in main (signature, chain, changes after signing): the file travels in chunks. */
export async function verifyDocument(pdf: Blob, name: string): Promise<DocumentVerification> {
  const { uploadId } = await station.capture.importBegin({ name, bytes: pdf.size });
  for (let offset = 0; offset < pdf.size; offset += IMPORT_CHUNK_BYTES) {
    const chunk = new Uint8Array(await pdf.slice(offset, offset + IMPORT_CHUNK_BYTES).arrayBuffer());
    await station.capture.importChunk({ uploadId, offset, dataBase64: base64Of(chunk) });
  }
  return station.signing.verify({ uploadId });
}
