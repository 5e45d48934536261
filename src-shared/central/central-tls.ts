import { z } from 'zod';

/**
 * How a station reaches SoHoa Central safely: over HTTPS, Central's certificate pinned at
 * enrolment. Plain HTTP only to this same computer (a Central on loopback, for a single-PC
 * office or a test): ID numbers, names and scans never cross a network in clear.
 */
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export const isLoopbackHost = (hostname: string) => LOOPBACK.test(hostname);

/** Why this Central address may not be used, or null when it may. */
export function centralUrlProblem(url: string): 'invalid' | 'notHttps' | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'invalid';
  }
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:') return isLoopbackHost(parsed.hostname) ? null : 'notHttps';
  return 'invalid';
}

/** A certificate as the admin sees it before pinning it. */
export const tlsCertificateInfoSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.iso.datetime(),
  validTo: z.iso.datetime(),
  /** SHA-256 of the certificate, colon-separated hex: what Central's console shows. */
  fingerprint256: z.string(),
  ca: z.boolean(),
  selfSigned: z.boolean(),
});
export type TlsCertificateInfo = z.infer<typeof tlsCertificateInfoSchema>;

/** What a station is shown of Central's TLS before enrolling: the chain, and the certificate it proposes to pin. */
export const tlsProbeSchema = z.object({
  /** Plain HTTP on loopback: nothing to pin. */
  tls: z.boolean(),
  chain: z.array(tlsCertificateInfoSchema),
  proposed: z.string().nullable(),
});
export type TlsProbe = z.infer<typeof tlsProbeSchema>;
