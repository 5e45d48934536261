import {
  CENTRAL_ROUTES,
  centralPath,
  type CentralRequest,
  type CentralResponse,
  type CentralRoute,
  type CentralRouteName,
} from './central-routes';

/** Request fields the routes table may declare, seen without their per-route types. */
interface AnyRequest {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
}

const queryString = (query: Record<string, unknown> | undefined) => {
  const entries = Object.entries(query ?? {}).filter(([, value]) => value !== undefined);
  return entries.length
    ? `?${new URLSearchParams(entries.map(([key, value]): [string, string] => [key, String(value)]))}`
    : '';
};

/**
 * The HTTP request for route `name` of CENTRAL_ROUTES: its method, its path with params and
 * query, its headers and body. What every client of Central sends (the station's, the console's).
 */
export function centralRequest<N extends CentralRouteName>(
  name: N,
  request: CentralRequest<N> | undefined,
  credential?: string,
) {
  const spec: CentralRoute = CENTRAL_ROUTES[name];
  const { params, query, body } = (request ?? {}) as AnyRequest;
  const binary = spec.body === 'binary';
  const path = `${centralPath(spec.path, params)}${queryString(query)}`;
  return {
    spec,
    method: spec.method,
    path,
    /** For messages: `GET /v1/records?…`. */
    where: `${spec.method} ${path}`,
    headers: {
      ...(credential ? { authorization: `Bearer ${credential}` } : {}),
      ...(spec.body ? { 'content-type': binary ? 'application/octet-stream' : 'application/json' } : {}),
    },
    // The chunk as given, never copied: a station sends hundreds of megabytes in a pass.
    body: spec.body ? (binary ? (body as Uint8Array<ArrayBuffer>) : JSON.stringify(body)) : undefined,
  };
}

/**
 * Route `name`'s JSON answer, checked against its response schema; null when it is not what the
 * API says (a PDF route's bytes are read by the caller, never parsed here).
 */
export function centralAnswer<N extends CentralRouteName>(
  name: N,
  payload: unknown,
): CentralResponse<N> | null {
  const spec: CentralRoute = CENTRAL_ROUTES[name];
  if (spec.response === 'pdf') return null;
  const parsed = spec.response.safeParse(payload);
  return parsed.success ? (parsed.data as CentralResponse<N>) : null;
}
