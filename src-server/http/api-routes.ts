import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { centralErrorSchema } from '../../src-shared/central/central-api';
import { CentralError } from './central-error';

export type Access = 'public' | 'station' | 'admin' | 'stationOrAdmin';

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, R extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  summary: string;
  access: Access;
  body?: B;
  query?: Q;
  /** A raw request body (a file chunk) instead of JSON. */
  binaryBody?: boolean;
  response: R;
  /** A raw response (a PDF) instead of JSON. */
  binaryResponse?: string;
  status?: number;
}

export interface Caller {
  kind: 'station' | 'admin' | 'public';
  stationId?: string;
}

export type Authenticate = (request: FastifyRequest, access: Access) => Promise<Caller>;

const openApiOf = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' });

/** A query schema's fields as OpenAPI query parameters. */
function queryParameters(schema: z.ZodType | undefined) {
  if (!schema) return [];
  const json = openApiOf(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

/**
 * Declares routes schema first (Fastify's way, with zod): each route's request is parsed by
 * its schemas before the handler runs and its answer checked against its response schema;
 * the OpenAPI document is built from the same declarations.
 */
export function createApi(app: FastifyInstance, authenticate: Authenticate) {
  const paths: Record<string, Record<string, unknown>> = {};

  function route<B extends z.ZodType, Q extends z.ZodType, R extends z.ZodType>(
    spec: RouteSpec<B, Q, R>,
    handler: (input: {
      body: z.output<B>;
      query: z.output<Q>;
      params: Record<string, string>;
      raw: Buffer;
      caller: Caller;
      request: FastifyRequest;
      reply: FastifyReply;
    }) => Promise<z.input<R> | Buffer | NodeJS.ReadableStream>,
  ): void {
    app.route({
      method: spec.method,
      url: spec.url,
      handler: async (request, reply) => {
        const caller = await authenticate(request, spec.access);
        const parse = <S extends z.ZodType>(schema: S | undefined, value: unknown, where: string) => {
          if (!schema) return undefined as z.output<S>;
          const parsed = schema.safeParse(value ?? {});
          if (!parsed.success) {
            throw new CentralError(
              'invalidRequest',
              `${where} does not match the API: ${z.prettifyError(parsed.error)}`,
            );
          }
          return parsed.data;
        };
        const result = await handler({
          body: parse(spec.binaryBody ? undefined : spec.body, request.body, 'request body'),
          query: parse(spec.query, request.query, 'query'),
          params: request.params as Record<string, string>,
          raw: spec.binaryBody ? (request.body as Buffer) : Buffer.alloc(0),
          caller,
          request,
          reply,
        });
        reply.status(spec.status ?? 200);
        if (spec.binaryResponse) return reply.type(spec.binaryResponse).send(result);
        return spec.response.parse(result);
      },
    });
    const path = spec.url.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[spec.method.toLowerCase()] = {
      summary: spec.summary,
      security: spec.access === 'public' ? [] : [{ [spec.access === 'admin' ? 'admin' : 'station']: [] }],
      parameters: [
        ...[...spec.url.matchAll(/:(\w+)/g)].map(([, name]) => ({
          name,
          in: 'path',
          required: true,
          schema: { type: 'string' },
        })),
        ...queryParameters(spec.query),
      ],
      ...(spec.body
        ? { requestBody: { content: { 'application/json': { schema: openApiOf(spec.body, 'input') } } } }
        : spec.binaryBody
          ? {
              requestBody: {
                content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
              },
            }
          : {}),
      responses: {
        [String(spec.status ?? 200)]: {
          description: 'OK',
          content: spec.binaryResponse
            ? { [spec.binaryResponse]: { schema: { type: 'string', format: 'binary' } } }
            : { 'application/json': { schema: openApiOf(spec.response, 'output') } },
        },
        '4XX': {
          description: 'Refused',
          content: { 'application/json': { schema: openApiOf(centralErrorSchema, 'output') } },
        },
      },
    };
  }

  const openApi = (version: string) => ({
    openapi: '3.0.3',
    info: { title: 'SoHoa Central', version, description: 'The central repository of digitized results.' },
    components: {
      securitySchemes: {
        station: { type: 'http', scheme: 'bearer', description: '<stationId>.<secret>, from enrolment' },
        admin: { type: 'http', scheme: 'bearer', description: 'the administrator token' },
      },
    },
    paths,
  });

  return { route, openApi };
}
