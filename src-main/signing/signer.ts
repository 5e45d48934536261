import type { Certificate } from '../../src-node/signing/certificate';

/**
 * Something that signs with the agency's key: a PKCS#11 token or a PKCS#12 file. The key
 * never leaves it; the signature is RSA PKCS#1 v1.5 over SHA-256 of `data`, the only
 * scheme every Vietnamese CA token offers.
 */
export interface Signer {
  readonly kind: 'pkcs11' | 'pkcs12';
  readonly certificate: Certificate;
  /** Intermediate certificates to embed so that a verifier can build the chain. */
  readonly chain: readonly Certificate[];
  sign(data: Buffer): Promise<Buffer>;
  close(): Promise<void>;
}
