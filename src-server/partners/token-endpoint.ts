import type { z } from 'zod';
import {
  partnerScopeSchema,
  type PartnerScope,
  type tokenRequestSchema,
} from '../../src-shared/central/partner-api';
import type { ApiClients } from './api-clients';
import type { PartnerTokens } from './partner-tokens';

/** A refusal of the token endpoint, in RFC 6749's own words (§5.2): what OAuth libraries expect. */
export class OAuthError extends Error {
  constructor(
    readonly error: 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope',
    readonly description: string,
  ) {
    super(description);
  }
  get status() {
    return this.error === 'invalid_client' ? 401 : 400;
  }
}

/** The client credentials of a token request: HTTP Basic (RFC 6749 §2.3.1) or the body's. */
function credentialsOf(authorization: string | undefined, body: z.output<typeof tokenRequestSchema>) {
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new OAuthError('invalid_client', 'malformed Basic credentials');
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon)),
      secret: decodeURIComponent(decoded.slice(colon + 1)),
    };
  }
  if (!body.client_id || !body.client_secret) {
    throw new OAuthError('invalid_client', 'client authentication is required');
  }
  return { clientId: body.client_id, secret: body.client_secret };
}

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): an API client that proves its secret gets a
 * 15-minute access token for the scopes it asks (all it holds when it names none); a scope it
 * does not hold is refused, never silently dropped.
 */
export async function issueToken(
  deps: { clients: ApiClients; tokens: PartnerTokens },
  request: { authorization: string | undefined; body: z.output<typeof tokenRequestSchema> },
) {
  if (request.body.grant_type !== 'client_credentials') {
    throw new OAuthError('unsupported_grant_type', 'only client_credentials is supported');
  }
  const { clientId, secret } = credentialsOf(request.authorization, request.body);
  const client = await deps.clients.authenticate(clientId, secret);
  if (!client) throw new OAuthError('invalid_client', 'unknown client, wrong secret or revoked client');
  const asked = request.body.scope?.split(/\s+/).filter(Boolean) ?? client.scopes;
  const unknown = asked.filter((scope) => !partnerScopeSchema.safeParse(scope).success);
  const notHeld = asked.filter((scope) => !client.scopes.includes(scope as PartnerScope));
  if (unknown.length || notHeld.length) {
    throw new OAuthError(
      'invalid_scope',
      `not granted to this client: ${[...unknown, ...notHeld].join(' ')}`,
    );
  }
  const scopes = [...new Set(asked)] as PartnerScope[];
  const { token, expiresIn } = await deps.tokens.issue(client.clientId, scopes);
  return {
    access_token: token,
    token_type: 'Bearer' as const,
    expires_in: expiresIn,
    scope: scopes.join(' '),
  };
}
