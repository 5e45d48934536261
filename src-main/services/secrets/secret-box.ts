import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../../src-shared/errors/app-error';
import { OWNER_ONLY_FILE } from '../../../src-node/platform/owner-only';

/**
 * The one place secrets (station credentials, remembered certificate passwords) are
 * sealed before they touch a settings file. In Electron the OS keychain does it through
 * `safeStorage`; the CLI and the harness, which run without Electron, use a key file
 * readable by the owner only.
 */
export interface SecretBox {
  readonly kind: 'os-keychain' | 'key-file';
  seal(plain: string): string;
  open(sealed: string): string;
}

/** The subset of Electron's safeStorage we use; passed in so this file never imports electron. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

export function safeStorageSecretBox(safeStorage: SafeStorageLike): SecretBox {
  return {
    kind: 'os-keychain',
    seal(plain) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new AppError('internal', { detail: 'safeStorage: OS encryption is not available' });
      }
      return safeStorage.encryptString(plain).toString('base64');
    },
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}

const KEY_FILE = 'secret.key';

function loadOrCreateKey(dataDir: string): Buffer {
  const path = join(dataDir, KEY_FILE);
  if (existsSync(path)) return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, key.toString('base64'), { mode: OWNER_ONLY_FILE, flag: 'wx' });
  chmodSync(path, OWNER_ONLY_FILE);
  return key;
}

/** AES-256-GCM with a per-installation key: `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function keyFileSecretBox(dataDir: string): SecretBox {
  let key: Buffer | undefined;
  const getKey = () => (key ??= loadOrCreateKey(dataDir));
  return {
    kind: 'key-file',
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', getKey(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), body]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) {
        throw new AppError('storage.unreadable', { detail: 'sealed secret has an unknown format' });
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', getKey(), Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch (error) {
        throw new AppError('storage.unreadable', { detail: `sealed secret does not open: ${String(error)}` });
      }
    },
  };
}
