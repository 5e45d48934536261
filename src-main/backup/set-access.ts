import { MIN_PASSPHRASE_LENGTH, passphraseLongEnough } from '../../src-shared/backup/passphrase';
import { AppError } from '../../src-shared/errors/app-error';
import { deriveKey, setKeys, unwrap, type SetKeys } from './backup-crypto';
import { findSetFolder, readSetHeader, type SetHeader } from './backup-set';

/** What binds a wrapped data key to its set: a key wrapped for one set does not open another. */
export const keyContext = (setId: string) => `sohoa-backup-key:${setId}`;

export function checkPassphrase(passphrase: string): void {
  if (!passphraseLongEnough(passphrase)) {
    throw new AppError('backup.weakPassphrase', { params: { min: MIN_PASSPHRASE_LENGTH } });
  }
}

export interface UnlockedSet {
  folder: string;
  header: SetHeader;
  dataKey: Buffer;
  keys: SetKeys;
}

/** Opens a set with the recovery passphrase: the only way in on a PC that never had its key. */
export async function unlockSet(path: string, passphrase: string): Promise<UnlockedSet> {
  const folder = await findSetFolder(path);
  const header = await readSetHeader(folder);
  const passphraseKey = await deriveKey(passphrase, header.kdf);
  const dataKey = unwrap(passphraseKey, header.wrappedKey, keyContext(header.setId));
  if (!dataKey) throw new AppError('backup.wrongPassphrase');
  return { folder, header, dataKey, keys: setKeys(dataKey) };
}
