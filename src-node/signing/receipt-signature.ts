import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { receiptStatement, type Receipt, type UnsignedReceipt } from '../../src-shared/central/central-api';

/**
 * Central's receipts are signed with its Ed25519 key, made at its first start; stations
 * pin the public key at enrolment and check every receipt with it. Ed25519: small keys and
 * signatures, fast, and nothing to choose (no hash, no padding) that could be chosen wrong.
 */
export function signReceipt(privateKey: KeyObject, receipt: UnsignedReceipt): Receipt {
  const signature = sign(null, Buffer.from(receiptStatement(receipt)), privateKey).toString('base64');
  return { ...receipt, signature };
}

/** The public half as the station pins it: SPKI DER in base64. */
export const receiptKeyText = (privateKey: KeyObject): string =>
  createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');

/** Whether `receipt` carries a valid signature by the key pinned as `publicKey` (SPKI DER, base64). */
export function receiptSignatureValid(publicKey: string, receipt: Receipt): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(
      null,
      Buffer.from(receiptStatement(receipt)),
      key,
      Buffer.from(receipt.signature, 'base64'),
    );
  } catch {
    return false;
  }
}
