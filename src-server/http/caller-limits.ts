import type {} from '@fastify/rate-limit';
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { CentralRoute } from '../../src-shared/central/central-routes';
import { CentralError } from './central-error';

export interface CallerRates {
  /** Requests a minute per station (all its routes together). */
  stationPerMinute: number;
  /** Token requests a minute per address: secrets are not guessed faster. */
  tokenPerMinute: number;
}

/**
 * Rate limits per caller, with `@fastify/rate-limit`, counted after the caller is known: an API
 * client at its own rate (set when the admin made it), a station at the stations' rate, the
 * token endpoint per address. A request with a forged or someone else's identity is refused
 * before it is counted, so it cannot use up another caller's allowance. In memory: each Central
 * process counts its own (behind N processes, up to N times the rate; a shared store such as
 * Redis is the plugin's option when that matters).
 */
export function callerLimits(app: FastifyInstance, rates: CallerRates) {
  const refusal = (_request: unknown, context: { after: string; ttl: number }) =>
    new CentralError('rateLimited', `too many requests; try again in ${context.after}`, {
      retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)),
    });
  const perPartner = app.rateLimit({
    timeWindow: 60_000,
    max: (request) => request.caller?.partner?.ratePerMinute ?? 1,
    keyGenerator: (request) => `partner:${request.caller?.partner?.clientId ?? request.ip}`,
    errorResponseBuilder: refusal,
  });
  const perStation = app.rateLimit({
    timeWindow: 60_000,
    max: rates.stationPerMinute,
    keyGenerator: (request) => `station:${request.caller?.station?.stationId ?? request.ip}`,
    errorResponseBuilder: refusal,
  });
  const perAddress = app.rateLimit({
    timeWindow: 60_000,
    max: rates.tokenPerMinute,
    keyGenerator: (request) => `token:${request.ip}`,
    errorResponseBuilder: refusal,
  });
  return (spec: CentralRoute): preHandlerAsyncHookHandler | undefined => {
    if (spec.access === 'partner') return perPartner;
    if (spec.access === 'station') return perStation;
    if (spec.path === '/v1/oauth/token') return perAddress;
    if (spec.access === 'stationOrAdmin') {
      // The administrator is not limited; a station is.
      return async function (request, reply) {
        if (request.caller?.kind === 'station') await perStation.call(this, request, reply);
      };
    }
    return undefined;
  };
}
