import type { Certificate } from './certificate';

export type ChainStatus = 'trusted' | 'untrusted' | 'expired' | 'notYetValid' | 'broken';

export interface ChainReport {
  status: ChainStatus;
  /** Common names from the signer up to the last certificate found. */
  path: string[];
}

const issuedBy = (child: Certificate, parent: Certificate) => {
  try {
    return child.x509.checkIssued(parent.x509) && child.x509.verify(parent.x509.publicKey);
  } catch {
    return false;
  }
};

/**
 * Builds the chain from the signer's certificate through the ones the signature carries to
 * a trust anchor, and checks each certificate was valid at `at` (the signing time).
 */
export function checkChain(
  signer: Certificate,
  carried: readonly Certificate[],
  anchors: readonly Certificate[],
  at: Date,
): ChainReport {
  const path: Certificate[] = [signer];
  let current = signer;
  let trusted = false;
  for (let depth = 0; depth < 8; depth++) {
    if (anchors.some((anchor) => anchor.der.equals(current.der))) {
      trusted = true;
      break;
    }
    const anchor = anchors.find((each) => issuedBy(current, each));
    if (anchor) {
      path.push(anchor);
      trusted = true;
      break;
    }
    const parent = carried.find((each) => !path.includes(each) && issuedBy(current, each));
    if (!parent) break;
    path.push(parent);
    current = parent;
  }
  const names = path.map((each) => each.commonName || each.serialHex);
  if (path.some((each) => at > each.notAfter)) return { status: 'expired', path: names };
  if (path.some((each) => at < each.notBefore)) return { status: 'notYetValid', path: names };
  return { status: trusted ? 'trusted' : 'untrusted', path: names };
}
