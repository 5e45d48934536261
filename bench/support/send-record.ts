import type { CentralClient } from '../../src-main/sync/central-client';
import type { RecordMeta } from '../../src-shared/central/central-api';
import { IMPORT_CHUNK_BYTES } from '../../src-shared/ipc/contract';

/**
 * One record sent as the station's sync sends it (src-renderer/sync/sync-record.ts): announce,
 * chunks of 2 MB at the offset Central has, the last one completing the upload.
 */
export async function sendRecord(
  client: CentralClient,
  file: { code: string; pdf: Buffer; sha256: string; meta: RecordMeta },
) {
  const state = await client.call('beginUpload', {
    body: { code: file.code, sha256: file.sha256, bytes: file.pdf.length, meta: file.meta },
  });
  if (state.state === 'stored') return state.receipt;
  let receipt;
  for (let offset = state.received; offset < file.pdf.length; offset += IMPORT_CHUNK_BYTES) {
    const last = offset + IMPORT_CHUNK_BYTES >= file.pdf.length;
    ({ receipt } = await client.call('appendChunk', {
      params: { uploadId: state.uploadId },
      query: { offset: String(offset), ...(last ? { complete: '1' as const } : {}) },
      body: file.pdf.subarray(offset, offset + IMPORT_CHUNK_BYTES),
    }));
  }
  receipt ??= (await client.call('completeUpload', { params: { uploadId: state.uploadId } })).receipt;
  if (receipt.sha256 !== file.sha256) throw new Error(`wrong receipt for ${file.code}`);
  return receipt;
}
