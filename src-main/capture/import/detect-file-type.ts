import { open } from 'node:fs/promises';
import { AppError } from '../../../src-shared/errors/app-error';

export type ImportFileType = 'jpeg' | 'png' | 'tiff' | 'pdf';

const SIGNATURES: { type: ImportFileType; bytes: number[] }[] = [
  { type: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'tiff', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { type: 'tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { type: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
];

/** What a file really is, from its first bytes: a copier's `.jpg` may be a TIFF, or nothing. */
export async function detectFileType(path: string): Promise<{ type: ImportFileType; bytes: number }> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new AppError('import.unreadableFile', { detail: String(error) });
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) throw new AppError('import.emptyFile');
    const head = Buffer.alloc(8);
    await handle.read(head, 0, 8, 0);
    const match = SIGNATURES.find(({ bytes }) => bytes.every((byte, index) => head[index] === byte));
    if (!match) throw new AppError('import.unsupportedType', { detail: head.toString('hex') });
    return { type: match.type, bytes: size };
  } finally {
    await handle.close();
  }
}
