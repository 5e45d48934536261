import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyFileSecretBox, safeStorageSecretBox } from '../../../src-main/services/secrets/secret-box';
import { makeTempDir } from '../../support/temp-dir';

describe('secret box', () => {
  const dir = makeTempDir();
  afterEach(() => undefined);

  it('seals and opens with a key file only its owner can read', () => {
    const box = keyFileSecretBox(dir.path);
    const sealed = box.seal('mật khẩu chứng thư số');
    expect(sealed).not.toContain('chứng');
    expect(keyFileSecretBox(dir.path).open(sealed)).toBe('mật khẩu chứng thư số');
    expect(statSync(join(dir.path, 'secret.key')).mode & 0o777).toBe(0o600);
  });

  it('detects a tampered secret', () => {
    const box = keyFileSecretBox(dir.path);
    const [version, iv, tag, body] = box.seal('bí mật').split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open([version, iv, tag, flipped.toString('base64url')].join('.'))).toThrow(
      expect.objectContaining({ code: 'storage.unreadable' }),
    );
  });

  it('refuses to seal when the OS keychain is unavailable rather than storing plain text', () => {
    const box = safeStorageSecretBox({
      isEncryptionAvailable: () => false,
      encryptString: () => Buffer.from('plain'),
      decryptString: () => 'plain',
    });
    expect(() => box.seal('x')).toThrow(expect.objectContaining({ code: 'internal' }));
  });
});
