import { checkChain, type ChainStatus } from './certificate-chain';
import type { Certificate } from './certificate';
import { signerName } from './certificate';
import { checkSignedData, digest } from './cms-verify';

export interface DetachedSignatureCheck {
  valid: boolean;
  /** The signer's name (its certificate's common name, else organization), '' when none was found. */
  signer: string;
  chain: ChainStatus | null;
  /** Why it is not valid, in a few words for the log and the refusal's detail. */
  problem?: string;
}

/**
 * Checks a detached CMS signature over `content` (a revocation's statement, say): the
 * content's digest against the signed one, the signature by the signer's key, and the
 * signer's chain to `anchors` at `at`, the time the signer claims to have signed.
 */
export function checkDetachedSignature(
  cms: Buffer,
  content: Buffer,
  anchors: readonly Certificate[],
  at: Date,
): DetachedSignatureCheck {
  let check: ReturnType<typeof checkSignedData>;
  try {
    check = checkSignedData(cms, (algorithm) => digest(algorithm, content));
  } catch (error) {
    return { valid: false, signer: '', chain: null, problem: `not a CMS signature: ${String(error)}` };
  }
  if (!check.signer) return { valid: false, signer: '', chain: null, problem: 'no signer certificate' };
  const signer = signerName(check.signer);
  if (!check.digestMatches) return { valid: false, signer, chain: null, problem: 'signed other content' };
  if (!check.signatureValid)
    return { valid: false, signer, chain: null, problem: 'signature does not verify' };
  const chain = checkChain(check.signer, check.certificates, anchors, at).status;
  return chain === 'trusted'
    ? { valid: true, signer, chain }
    : { valid: false, signer, chain, problem: `certificate chain ${chain}` };
}
