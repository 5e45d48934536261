import { randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { AppError } from '../../src-shared/errors/app-error';
import {
  bool,
  children,
  integer,
  nullValue,
  OID,
  octets,
  oid,
  parseDer,
  seq,
  toBinary,
  toDer,
} from '../../src-node/signing/asn1';
import { checkTimestampToken, digest } from '../../src-node/signing/cms-verify';

const TIMEOUT_MS = 15_000;

/**
 * An RFC 3161 timestamp for a signature value: asks the TSA at `url` and returns the token
 * (a CMS SignedData over a TSTInfo), after checking it stamps this very signature.
 */
export async function requestTimestamp(url: string, signature: Buffer): Promise<Buffer> {
  const imprint = digest('sha256', signature);
  // A positive INTEGER nonce: the high bit cleared.
  const nonce = randomBytes(8);
  nonce[0]! &= 0x7f;
  const request = toDer(
    seq([
      integer(1),
      seq([seq([oid(OID.sha256), nullValue()]), octets(imprint)]),
      forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.INTEGER, false, toBinary(nonce)),
      bool(true),
    ]),
  );
  let body: Buffer;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/timestamp-query' },
      body: new Uint8Array(request),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw new AppError('signing.timestampFailed', { detail: `${url}: ${String(error)}` });
  }
  try {
    const [status, token] = children(parseDer(body));
    const granted = forge.asn1.derToInteger(String(children(status)[0]?.value));
    if (!token || granted > 1) throw new Error(`TSA status ${granted}`);
    const tokenDer = toDer(token);
    const check = checkTimestampToken(tokenDer, signature);
    if (!check.valid || check.imprintAlgorithm !== 'sha256') {
      throw new Error('token does not stamp this signature');
    }
    return tokenDer;
  } catch (error) {
    throw new AppError('signing.timestampFailed', { detail: `${url}: ${String(error)}` });
  }
}
