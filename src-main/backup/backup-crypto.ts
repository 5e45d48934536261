import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  scrypt,
  type CipherGCM,
  type ScryptOptions,
} from 'node:crypto';
import { AppError } from '../../src-shared/errors/app-error';

/**
 * The backup's cryptography, all AES-256-GCM. One random data key per backup set; the set's
 * folder holds it only wrapped under a key derived (scrypt) from the admin's recovery
 * passphrase, and the station keeps it sealed in its secret box. From the data key come
 * two sub-keys: one encrypts pieces, one names them (an HMAC of the piece's SHA-256, so the
 * folder does not show which known file, e.g. a published decision, it holds).
 */
export const DATA_KEY_BYTES = 32;
const MAGIC = Buffer.from('SHB1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface KdfParams {
  name: 'scrypt';
  salt: string;
  N: number;
  r: number;
  p: number;
}

/** About 0.1 s and 32 MB per try on a clerk's PC: slow for a guesser, quick for the admin. */
export const newKdfParams = (): KdfParams => ({
  name: 'scrypt',
  salt: randomBytes(16).toString('base64url'),
  N: 2 ** 15,
  r: 8,
  p: 1,
});

export async function deriveKey(passphrase: string, params: KdfParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 128 * params.N * params.r * 2,
  };
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64url'), 32, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `<iv>.<tag>.<ciphertext>` in base64url: a small secret (the data key) under another key. */
export function wrap(key: Buffer, plain: Buffer, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
}

/** The wrapped secret, or null when the key is not the one it was wrapped under. */
export function unwrap(key: Buffer, wrapped: string, context: string): Buffer | null {
  const [iv, tag, body, ...rest] = wrapped.split('.');
  if (!iv || !tag || body === undefined || rest.length > 0) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      .setAAD(Buffer.from(context))
      .setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
  } catch {
    return null;
  }
}

export interface SetKeys {
  /** Names a piece in the folder: HMAC-SHA256 of its SHA-256. */
  objectName(sha256: string): string;
  /** Encrypts a piece as it streams in; `final()` returns the tail (the tag). */
  sealer(aad: string): { header: Buffer; update(chunk: Buffer): Buffer; final(): Buffer };
  open(file: Buffer, aad: string): Buffer;
}

export function setKeys(dataKey: Buffer): SetKeys {
  const sub = (info: string) => Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), info, 32));
  const nameKey = sub('sohoa-backup/object-name');
  const encryptionKey = sub('sohoa-backup/object-encryption');
  return {
    objectName: (sha256) => createHmac('sha256', nameKey).update(sha256).digest('hex'),
    sealer(aad) {
      const iv = randomBytes(IV_BYTES);
      const cipher: CipherGCM = createCipheriv('aes-256-gcm', encryptionKey, iv).setAAD(Buffer.from(aad));
      return {
        header: Buffer.concat([MAGIC, iv]),
        update: (chunk) => cipher.update(chunk),
        final: () => Buffer.concat([cipher.final(), cipher.getAuthTag()]),
      };
    },
    open(file, aad) {
      const ivEnd = MAGIC.length + IV_BYTES;
      if (file.length < ivEnd + TAG_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
        throw new AppError('backup.damaged', { detail: `${aad}: not a backup piece` });
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', encryptionKey, file.subarray(MAGIC.length, ivEnd))
          .setAAD(Buffer.from(aad))
          .setAuthTag(file.subarray(file.length - TAG_BYTES));
        return Buffer.concat([
          decipher.update(file.subarray(ivEnd, file.length - TAG_BYTES)),
          decipher.final(),
        ]);
      } catch {
        throw new AppError('backup.damaged', { detail: `${aad}: does not decrypt (altered or cut short)` });
      }
    },
  };
}

export const newDataKey = () => randomBytes(DATA_KEY_BYTES);
