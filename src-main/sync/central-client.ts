import { CENTRAL_ERROR_TABLE, centralErrorSchema } from '../../src-shared/central/central-errors';
import type {
  CentralRequest,
  CentralResponse,
  CentralRouteName,
} from '../../src-shared/central/central-routes';
import { centralAnswer, centralRequest } from '../../src-shared/central/central-request';
import { AppError } from '../../src-shared/errors/app-error';
import { request as send } from 'undici';
import { pinMismatchIn, pinnedAgent } from '../../src-node/tls/pinned-chain';

/** The plain values of a refusal's detail (e.g. `received` of an upload), as error params. */
const primitives = (detail: unknown): Record<string, string | number> =>
  Object.fromEntries(
    Object.entries(detail && typeof detail === 'object' ? detail : {}).filter(
      ([, value]) => typeof value === 'string' || typeof value === 'number',
    ),
  ) as Record<string, string | number>;

/**
 * SoHoa Central over HTTP, derived from CENTRAL_ROUTES: `call(name, request)` builds the path,
 * query and body of that route and checks the answer against its response schema. A
 * network failure, a timeout or a 5xx is `sync.unreachable` (try again later); Central's
 * refusals keep their meaning at the station (CENTRAL_ERROR_TABLE). Over HTTPS only to the
 * certificate pinned at enrolment (`pin`, PEM): any other is `sync.certificateMismatch`, and
 * nothing is sent. undici's request (Node's HTTP client, with a connector that checks the pin),
 * not its fetch: fetch copies each body into a stream of its own, and chunks of 2 MB, several at
 * once, made a third of the station's sync time garbage collection (bench/central).
 */
export function createCentralClient(options: {
  baseUrl: string;
  credential?: string;
  timeoutMs: number;
  pin?: string;
}) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const dispatcher = options.pin ? pinnedAgent(options.pin) : undefined;

  async function call<N extends CentralRouteName>(
    name: N,
    ...[request]: keyof CentralRequest<N> extends never ? [CentralRequest<N>?] : [CentralRequest<N>]
  ): Promise<CentralResponse<N>> {
    const { spec, method, path, where, headers, body } = centralRequest(name, request, options.credential);
    let response: Awaited<ReturnType<typeof send>>;
    try {
      response = await send(`${base}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
        signal: AbortSignal.timeout(options.timeoutMs),
        ...(dispatcher ? { dispatcher } : {}),
      });
    } catch (error) {
      const mismatch = pinMismatchIn(error);
      if (mismatch) {
        throw new AppError('sync.certificateMismatch', { detail: `${where}: ${mismatch.problem}` });
      }
      throw new AppError('sync.unreachable', { detail: `${where}: ${String(error)}` });
    }
    const ok = response.statusCode >= 200 && response.statusCode < 300;
    if (spec.response === 'pdf' && ok) {
      try {
        return new Uint8Array(await response.body.arrayBuffer()) as CentralResponse<N>;
      } catch (error) {
        throw new AppError('sync.unreachable', { detail: `${where}: ${String(error)}` });
      }
    }
    let payload: unknown;
    try {
      payload = await response.body.json();
    } catch (error) {
      throw new AppError('sync.unreachable', {
        detail: `${where}: ${response.statusCode}, ${String(error)}`,
      });
    }
    if (!ok) {
      const refusal = centralErrorSchema.safeParse(payload);
      const code =
        refusal.success && response.statusCode < 500
          ? CENTRAL_ERROR_TABLE[refusal.data.error.code].station
          : undefined;
      throw new AppError(code ?? 'sync.unreachable', {
        detail: `${where}: ${response.statusCode} ${JSON.stringify(payload).slice(0, 500)}`,
        ...(refusal.success ? { params: primitives(refusal.data.error.detail) } : {}),
      });
    }
    const answer = centralAnswer(name, payload);
    if (!answer) throw new AppError('sync.unreachable', { detail: `${where}: unexpected answer` });
    return answer;
  }

  return { call };
}

export type CentralClient = ReturnType<typeof createCentralClient>;
