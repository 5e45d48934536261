import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { connect, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';
import { Agent, buildConnector, type Dispatcher } from 'undici';

/**
 * SoHoa Central's certificate, pinned at enrolment (the station) or known as its own (Central's
 * CLI talking to the running Central). Central may use a provincial CA that
 * neither Node nor the OS knows, so the station does not ask the OS whom to trust: the admin
 * confirms the fingerprint Central's console shows, and from then on a connection is accepted
 * only if the chain Central presents leads, signature by signature, from a certificate valid
 * for Central's host name to that pinned certificate (Central's own, or the CA that issued it).
 * The TLS handshake itself proves the server holds the leaf's private key.
 */

/** The chain the server presented, leaf first, each certificate once. */
export function presentedChain(socket: TLSSocket): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  let current: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  while (current?.raw && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256);
    chain.push(new X509Certificate(current.raw));
    current = current.issuerCertificate;
  }
  return chain;
}

const inForce = (certificate: X509Certificate, now: Date) =>
  new Date(certificate.validFrom) <= now && now <= new Date(certificate.validTo);

const issuedBy = (child: X509Certificate, parent: X509Certificate) =>
  child.checkIssued(parent) && child.verify(parent.publicKey);

/**
 * Why a presented chain is not the pinned Central's, or null when it is. `host` is the name the
 * leaf must be valid for (null: Central's own CLI on loopback, which pins its own certificate).
 */
export function pinProblem(
  chain: readonly X509Certificate[],
  pinned: X509Certificate,
  host: string | null,
  now = new Date(),
): 'hostname' | 'expired' | 'notPinned' | null {
  const [leaf] = chain;
  if (!leaf) return 'notPinned';
  if (host !== null) {
    const name = host.replace(/^\[|\]$/g, '');
    const named = isIP(name) ? leaf.checkIP(name) !== undefined : leaf.checkHost(name) !== undefined;
    if (!named) return 'hostname';
  }
  // From the leaf up: each certificate in force, each signed by the next, until the pinned one.
  for (let index = 0; index < chain.length; index += 1) {
    const certificate = chain[index]!;
    if (!inForce(certificate, now)) return 'expired';
    if (certificate.fingerprint256 === pinned.fingerprint256) return null;
    if (issuedBy(certificate, pinned)) return inForce(pinned, now) ? null : 'expired';
    const parent = chain[index + 1];
    if (!parent || !issuedBy(certificate, parent)) return 'notPinned';
  }
  return 'notPinned';
}

/** The certificate to propose pinning: the top of the presented chain (the issuing CA, or Central's own if self-signed). */
export const proposedPin = (chain: readonly X509Certificate[]) => chain.at(-1);

/** Connects to Central's TLS port without trusting anything yet, and returns the chain it presents. */
export function probeChain(url: string, timeoutMs: number): Promise<X509Certificate[]> {
  const { hostname, port } = new URL(url);
  const host = hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    const socket = connect({
      host,
      port: Number(port || 443),
      ...(isIP(host) ? {} : { servername: host }),
      // Nothing is sent: the chain is only shown to the admin, who compares its fingerprint.
      rejectUnauthorized: false,
      timeout: timeoutMs,
    });
    socket.once('secureConnect', () => {
      const chain = presentedChain(socket);
      socket.end();
      resolve(chain);
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new Error(`TLS ${url}: timeout`));
    });
    socket.once('error', (error) => reject(new Error(`TLS ${url}: ${String(error)}`)));
  });
}

/** A connection refused because the chain presented does not lead to the pinned certificate. */
export class PinMismatch extends Error {
  constructor(readonly problem: string) {
    super(`TLS certificate: ${problem}`);
  }
}

/** The pin refusal somewhere in a failed request's causes. */
export function pinMismatchIn(error: unknown): PinMismatch | null {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof PinMismatch) return cause;
  }
  return null;
}

/**
 * A connection pool whose every TLS connection is checked against the pin before a byte is
 * sent: the OS's CA store is not asked (a provincial CA it does not know works, and one it
 * does know cannot stand in for Central). One pool per pinned certificate.
 */
const pinnedAgents = new Map<string, Dispatcher>();
export function pinnedAgent(pinPem: string, options: { checkHostname?: boolean } = {}): Dispatcher {
  const pinned = new X509Certificate(pinPem);
  const checkHostname = options.checkHostname ?? true;
  const key = `${pinned.fingerprint256}|${checkHostname}`;
  const existing = pinnedAgents.get(key);
  if (existing) return existing;
  // No TLS session resumption: a resumed session presents the leaf alone, not the chain to check.
  const connect = buildConnector({ rejectUnauthorized: false, maxCachedSessions: 0 });
  const agent = new Agent({
    connect: (connectOptions, callback) =>
      connect(connectOptions, (error, socket) => {
        if (error) return callback(error, null);
        const chain = presentedChain(socket as TLSSocket);
        const problem = pinProblem(chain, pinned, checkHostname ? connectOptions.hostname : null);
        if (!problem) return callback(null, socket);
        socket.destroy();
        callback(new PinMismatch(problem), null);
      }),
  });
  pinnedAgents.set(key, agent);
  return agent;
}
