import type { DocumentVerification } from '../../src-shared/domain/signing';
import { uploadFile } from '../capture/import-upload';
import { station } from '../station/station';

/** Verifies a stored PDF in main (signature, chain, changes after signing): the file travels in chunks. */
export async function verifyDocument(pdf: Blob, name: string): Promise<DocumentVerification> {
  return station.signing.verify({ uploadId: await uploadFile(pdf, name) });
}
