import { createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { OWNER_ONLY_FILE } from '../src-node/platform/owner-only';

/**
 * Central's receipt key: Ed25519, made once at the first start and kept (PKCS#8 PEM,
 * owner-only) so that every receipt ever given checks with the public key stations pinned.
 * Several Central processes share one file (a mounted secret) to sign alike.
 */
export function loadReceiptKey(path: string): KeyObject {
  if (!existsSync(path)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
    // 'wx': two processes starting at once must not each write a key of their own.
    try {
      writeFileSync(path, pem, { mode: OWNER_ONLY_FILE, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = createPrivateKey(readFileSync(path));
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${path} is not an Ed25519 private key`);
  return key;
}

/**
 * The key partners' access tokens are signed with: 32 random bytes, made once (hex, owner-only)
 * and shared by every Central process of the province, as the receipt key is.
 */
export function loadTokenKey(path: string): Uint8Array {
  if (!existsSync(path)) {
    try {
      writeFileSync(path, randomBytes(32).toString('hex'), { mode: OWNER_ONLY_FILE, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
  if (key.length < 32) throw new Error(`${path} does not hold a 32-byte key (hex)`);
  return new Uint8Array(key);
}
