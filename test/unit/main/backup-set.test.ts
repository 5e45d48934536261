import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newDataKey, setKeys } from '../../../src-main/backup/backup-crypto';
import { openBackupSet } from '../../../src-main/backup/backup-set';
import { makeTempDir } from '../../support/temp-dir';

const dirs: { remove: () => void }[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function freshSet() {
  const dir = makeTempDir('sohoa-backup-set-');
  dirs.push(dir);
  const keys = setKeys(newDataKey());
  return { folder: dir.path, keys, set: await openBackupSet(dir.path, keys) };
}

describe('a backup set on disk', () => {
  it('keeps a piece sent in one part and one sent in several, encrypted, and reads both back whole', async () => {
    const { folder, keys, set } = await freshSet();
    const small = randomBytes(300_000);
    const large = randomBytes(5 * 1024 * 1024 + 17);
    expect(await set.writePieceBytes(sha(small), small)).toBe(small.length);
    const writer = await set.writePiece(sha(large));
    for (let offset = 0; offset < large.length; offset += 2 * 1024 * 1024)
      await writer.write(large.subarray(offset, offset + 2 * 1024 * 1024));
    expect(await writer.finish()).toBe(large.length);

    expect((await set.readPiece(sha(small))).equals(small)).toBe(true);
    expect((await set.readPiece(sha(large))).equals(large)).toBe(true);
    // On disk: named by HMAC, not by the SHA-256; the bytes are not the plain ones.
    const name = keys.objectName(sha(large));
    const stored = readFileSync(join(folder, 'objects', name.slice(0, 2), name));
    expect(stored.length).toBe(large.length + 4 + 12 + 16);
    expect(stored.includes(large.subarray(1000, 1064))).toBe(false);
    expect(readdirSync(join(folder, 'tmp'))).toEqual([]);

    // A set opened again knows what it holds.
    const reopened = await openBackupSet(folder, keys);
    expect(reopened.has(sha(small)) && reopened.has(sha(large))).toBe(true);
  });

  it('refuses a piece whose bytes are not the ones announced and keeps nothing of it', async () => {
    const { folder, set } = await freshSet();
    const bytes = randomBytes(100_000);
    const writer = await set.writePiece('0'.repeat(64));
    await writer.write(bytes);
    await expect(writer.finish()).rejects.toMatchObject({ code: 'backup.pieceMismatch' });
    expect(set.has('0'.repeat(64))).toBe(false);
    expect(readdirSync(join(folder, 'tmp'))).toEqual([]);
    expect(readdirSync(join(folder, 'objects'))).toEqual([]);
  });
});
