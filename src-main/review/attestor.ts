import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../src-shared/encoding/canonical-json';
import { AppError } from '../../src-shared/errors/app-error';
import type { SecretBox } from '../services/secrets/secret-box';
import type { JsonStore } from '../services/store/json-store';

export const stationKeysDocumentSchema = z.object({ attestationKey: z.string().optional() });

/**
 * Main's word on something it did (a file it signed, a decision it allowed), as a token the
 * renderer keeps: the facts in canonical JSON and an HMAC-SHA256 under a per-station key
 * that never leaves main (sealed in the secret box). The renderer cannot make or alter one,
 * so main can check what it is told came through it, while holding no record state itself.
 */
export function createAttestor(deps: {
  store: JsonStore<z.infer<typeof stationKeysDocumentSchema>>;
  secrets: SecretBox;
}) {
  let key: Buffer | undefined;
  const getKey = () => {
    if (key) return key;
    const document = deps.store.read();
    if (document.attestationKey) key = Buffer.from(deps.secrets.open(document.attestationKey), 'base64');
    else {
      key = randomBytes(32);
      deps.store.write({ ...document, attestationKey: deps.secrets.seal(key.toString('base64')) });
    }
    return key;
  };
  const mac = (body: string) => createHmac('sha256', getKey()).update(body).digest();

  return {
    /** Drops the cached key: a restore has just written the station's old one back. */
    forget(): void {
      key = undefined;
    },
    sign(facts: object): string {
      const body = Buffer.from(canonicalJson(facts)).toString('base64url');
      return `${body}.${mac(body).toString('base64url')}`;
    },
    /** The facts of a token this station made; anything else is refused. */
    verify<T>(token: string, schema: z.ZodType<T>): T {
      const [body, tag, ...rest] = token.split('.');
      const given = Buffer.from(tag ?? '', 'base64url');
      const expected = body ? mac(body) : Buffer.alloc(0);
      if (!body || rest.length > 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new AppError('review.attestationInvalid', { detail: 'attestation MAC does not match' });
      }
      const parsed = schema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
      if (!parsed.success) throw new AppError('review.attestationInvalid', { detail: parsed.error.message });
      return parsed.data;
    },
  };
}

export type Attestor = ReturnType<typeof createAttestor>;
