import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaptureSettings } from '../../../src-shared/domain/settings';
import { AppError } from '../../../src-shared/errors/app-error';
import { checkImportSize } from '../import/import-items';

interface Upload {
  owner: string;
  name: string;
  bytes: number;
  received: number;
  path: string;
}

/**
 * Files the clerk drops on the capture screen or picks, sent from the renderer in chunks
 * (the same way over Electron IPC and the harness WebSocket; no message holds a whole
 * file) and staged on disk until complete. Staged files of a previous process are removed.
 */
export function createImportUploads(deps: { root: string; settings: () => CaptureSettings }) {
  const uploads = new Map<string, Upload>();
  const ready = rm(deps.root, { recursive: true, force: true }).then(() =>
    mkdir(deps.root, { recursive: true }),
  );

  const ownUpload = (uploadId: string, owner: string): Upload => {
    const upload = uploads.get(uploadId);
    if (!upload || upload.owner !== owner) throw new AppError('import.uploadMismatch', { detail: uploadId });
    return upload;
  };

  return {
    /** Settled once the previous process's staged files are gone and the folder is there. */
    ready: ready.catch(() => undefined),
    async begin(owner: string, name: string, bytes: number): Promise<{ uploadId: string }> {
      await ready;
      if (bytes === 0) throw new AppError('import.emptyFile');
      checkImportSize(bytes, deps.settings());
      const uploadId = randomUUID();
      const path = join(deps.root, uploadId);
      await writeFile(path, '');
      uploads.set(uploadId, { owner, name, bytes, received: 0, path });
      return { uploadId };
    },

    /** Appends a chunk; chunks come in order, each at the offset where the last one ended. */
    async append(uploadId: string, owner: string, offset: number, data: Buffer): Promise<void> {
      const upload = ownUpload(uploadId, owner);
      if (offset !== upload.received || offset + data.length > upload.bytes) {
        throw new AppError('import.uploadMismatch', {
          detail: `${offset}/${upload.received}/${upload.bytes}`,
        });
      }
      await appendFile(upload.path, data);
      upload.received += data.length;
    },

    /** The complete staged file; the caller removes it with `discard` once imported. */
    finish(uploadId: string, owner: string): { path: string; name: string; discard: () => Promise<void> } {
      const upload = ownUpload(uploadId, owner);
      if (upload.received !== upload.bytes) {
        throw new AppError('import.uploadMismatch', { detail: `${upload.received}/${upload.bytes}` });
      }
      uploads.delete(uploadId);
      return { path: upload.path, name: upload.name, discard: () => rm(upload.path, { force: true }) };
    },
  };
}

export type ImportUploads = ReturnType<typeof createImportUploads>;
