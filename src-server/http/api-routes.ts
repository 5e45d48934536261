import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import { CENTRAL_ERROR_TABLE, centralErrorSchema } from '../../src-shared/central/central-errors';
import {
  CENTRAL_ROUTES,
  type CentralHandlerInput,
  type CentralRoute,
  type CentralRouteName,
  type CentralRoutes,
} from '../../src-shared/central/central-routes';
import type { StationScope } from '../../src-shared/central/central-api';
import type { PartnerScope } from '../../src-shared/central/partner-api';
import { CentralError } from './central-error';

/** A station as Central knows it when it calls: its id, number and what it may read. */
export interface StationCaller extends StationScope {
  stationId: string;
  stationNumber: string;
}

/** An API client of another system, as its token names it and Central knows it now. */
export interface PartnerCaller {
  clientId: string;
  name: string;
  /** The scopes its token carries that the client still holds. */
  scopes: PartnerScope[];
  ratePerMinute: number;
}

export interface Caller {
  kind: 'station' | 'admin' | 'public' | 'partner';
  station?: StationCaller;
  partner?: PartnerCaller;
}

export type Authenticate = (request: FastifyRequest, spec: CentralRoute) => Promise<Caller>;

declare module 'fastify' {
  interface FastifyRequest {
    /** Who calls, once authenticated (before the rate limit, which counts per caller). */
    caller?: Caller;
  }
}

type HandlerResult<N extends CentralRouteName> = CentralRoutes[N]['response'] extends z.ZodType
  ? z.input<CentralRoutes[N]['response']>
  : Buffer | NodeJS.ReadableStream;

export type Handler<N extends CentralRouteName> = (
  input: CentralHandlerInput<N> & { caller: Caller; request: FastifyRequest; reply: FastifyReply },
) => Promise<HandlerResult<N>>;

const openApiOf = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' });

/** An object schema's fields as OpenAPI parameters of one place (path or query). */
function parameters(schema: z.ZodType | undefined, place: 'path' | 'query') {
  if (!schema) return [];
  const json = openApiOf(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: place,
    required: place === 'path' || (json.required?.includes(name) ?? false),
    schema: property,
  }));
}

/** The OpenAPI operation of one route, from its row in CENTRAL_ROUTES. */
function operationOf(spec: CentralRoute) {
  const refusals = ['invalidRequest', ...(spec.access === 'public' ? [] : ['unauthorized']), ...spec.errors];
  return {
    summary: spec.summary,
    security:
      spec.access === 'public'
        ? []
        : spec.access === 'partner'
          ? [{ partner: [spec.scope!] }]
          : [{ [spec.access === 'admin' ? 'admin' : 'station']: [] }],
    parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
    ...(spec.body === 'binary'
      ? {
          requestBody: {
            content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
        }
      : spec.body
        ? { requestBody: { content: { 'application/json': { schema: openApiOf(spec.body, 'input') } } } }
        : {}),
    responses: {
      [String(spec.status ?? 200)]: {
        description: 'OK',
        content:
          spec.response === 'pdf'
            ? { 'application/pdf': { schema: { type: 'string', format: 'binary' } } }
            : { 'application/json': { schema: openApiOf(spec.response, 'output') } },
      },
      '4XX': {
        description: `Refused: ${refusals
          .map((code) => `${code} (${CENTRAL_ERROR_TABLE[code as keyof typeof CENTRAL_ERROR_TABLE].status})`)
          .join(', ')}`,
        content: { 'application/json': { schema: openApiOf(centralErrorSchema, 'output') } },
      },
    },
  };
}

/**
 * Serves the routes of CENTRAL_ROUTES (Fastify's way, schema first, with zod): each route's
 * caller is authenticated, then its params, query and body are parsed by their schemas
 * (a malformed one is a 400, before any handler runs), and its answer is checked against
 * its response schema; the OpenAPI document is built from the same table.
 */
export function createApi(
  app: FastifyInstance,
  authenticate: Authenticate,
  /** What a route's caller is held to once known (the rate limit of a partner, a station, an address). */
  limit: (spec: CentralRoute) => preHandlerAsyncHookHandler | undefined = () => undefined,
) {
  function route<N extends CentralRouteName>(name: N, handler: Handler<N>): void {
    const spec: CentralRoute = CENTRAL_ROUTES[name];
    const limiter = limit(spec);
    app.route({
      method: spec.method,
      url: spec.path,
      preHandler: [
        async (request) => {
          request.caller = await authenticate(request, spec);
        },
        ...(limiter ? [limiter] : []),
      ],
      handler: async (request, reply) => {
        const caller = request.caller!;
        const parse = (schema: z.ZodType | undefined, value: unknown, where: string) => {
          if (!schema) return {};
          const parsed = schema.safeParse(value ?? {});
          if (!parsed.success) {
            throw new CentralError(
              'invalidRequest',
              `${where} does not match the API: ${z.prettifyError(parsed.error)}`,
            );
          }
          return { [where]: parsed.data };
        };
        const binary = spec.body === 'binary';
        if (binary && (!Buffer.isBuffer(request.body) || request.body.length === 0)) {
          throw new CentralError('invalidRequest', 'send the chunk as application/octet-stream');
        }
        const input = {
          ...parse(spec.params, request.params, 'params'),
          ...parse(spec.query, request.query, 'query'),
          ...(binary
            ? { body: request.body }
            : parse(spec.body as z.ZodType | undefined, request.body, 'body')),
          caller,
          request,
          reply,
        } as Parameters<Handler<N>>[0];
        const result = await handler(input);
        reply.status(spec.status ?? 200);
        if (spec.response === 'pdf') return reply.type('application/pdf').send(result);
        return spec.response.parse(result);
      },
    });
  }

  const openApi = (version: string) => {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const spec of Object.values(CENTRAL_ROUTES) as CentralRoute[]) {
      const path = spec.path.replace(/:(\w+)/g, '{$1}');
      (paths[path] ??= {})[spec.method.toLowerCase()] = operationOf(spec);
    }
    return {
      openapi: '3.0.3',
      info: { title: 'SoHoa Central', version, description: 'The central repository of digitized results.' },
      components: {
        securitySchemes: {
          station: { type: 'http', scheme: 'bearer', description: '<stationId>.<secret>, from enrolment' },
          admin: { type: 'http', scheme: 'bearer', description: 'the administrator token' },
          partner: {
            type: 'oauth2',
            description: 'An API client of another system: client credentials for a 15-minute access token',
            flows: {
              clientCredentials: {
                tokenUrl: '/v1/oauth/token',
                scopes: {
                  'records:lookup': 'Look results up by owner ID, code, document number or dossier code',
                  'records:file': "Fetch a result's signed PDF/A",
                  'stats:read': 'Read the statistics',
                  'changes:read': 'Pull the change feed',
                },
              },
            },
          },
        },
      },
      paths,
    };
  };

  return { route, openApi };
}
