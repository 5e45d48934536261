import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { partnerScopeSchema, type PartnerScope } from '../../src-shared/central/partner-api';

/** How long an access token lives: a partner asks again, and a revoked client is refused at once anyway. */
export const TOKEN_SECONDS = 15 * 60;
const ISSUER = 'sohoa-central';
const AUDIENCE = 'sohoa-partner-api';

export type TokenCheck =
  { ok: true; clientId: string; scopes: PartnerScope[] } | { ok: false; reason: 'expired' | 'invalid' };

/**
 * OAuth 2.0 access tokens for API clients: JWTs signed HS256 with Central's token key (32
 * random bytes, shared by every Central process of the province, as the receipt key is),
 * naming the client and the scopes granted, for 15 minutes.
 */
export function createPartnerTokens(deps: { key: Uint8Array; clock: () => Date }) {
  const now = () => Math.floor(deps.clock().getTime() / 1000);
  return {
    async issue(clientId: string, scopes: readonly PartnerScope[]) {
      const issuedAt = now();
      const token = await new SignJWT({ scope: scopes.join(' ') })
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(clientId)
        .setJti(randomUUID())
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + TOKEN_SECONDS)
        .sign(deps.key);
      return { token, expiresIn: TOKEN_SECONDS };
    },

    async check(token: string): Promise<TokenCheck> {
      try {
        const { payload } = await jwtVerify(token, deps.key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
          currentDate: deps.clock(),
        });
        const scopes = String(payload.scope ?? '')
          .split(' ')
          .filter((scope) => partnerScopeSchema.safeParse(scope).success) as PartnerScope[];
        return payload.sub ? { ok: true, clientId: payload.sub, scopes } : { ok: false, reason: 'invalid' };
      } catch (error) {
        return { ok: false, reason: error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid' };
      }
    },
  };
}

export type PartnerTokens = ReturnType<typeof createPartnerTokens>;
