import {
  CENTRAL_ERRORS,
  centralErrorSchema,
  type CentralErrorCode,
} from '../../src-shared/central/central-errors';
import { centralAnswer, centralRequest } from '../../src-shared/central/central-request';
import type {
  CentralRequest,
  CentralResponse,
  CentralRouteName,
} from '../../src-shared/central/central-routes';

/** What went wrong with a call: Central's refusal code, or the network / an answer off the API. */
export type ConsoleProblem = CentralErrorCode | 'network' | 'unexpected';

export class ConsoleError extends Error {
  constructor(
    readonly problem: ConsoleProblem,
    message: string,
    readonly detail?: unknown,
  ) {
    super(message);
  }
}

const isCentralCode = (code: string): code is CentralErrorCode =>
  (CENTRAL_ERRORS as readonly string[]).includes(code);

/**
 * Central's API as its administrator calls it from the console: the same routes table and
 * request builder as the station, over the console's own origin, with the admin token.
 */
export function createConsoleApi(token: string) {
  async function send<N extends CentralRouteName>(name: N, request: CentralRequest<N> | undefined) {
    const { method, path, headers, body } = centralRequest(name, request, token);
    try {
      return await fetch(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    } catch (error) {
      throw new ConsoleError('network', String(error));
    }
  }

  async function refusal(response: Response): Promise<ConsoleError> {
    const payload: unknown = await response.json().catch(() => null);
    const parsed = centralErrorSchema.safeParse(payload);
    if (parsed.success && isCentralCode(parsed.data.error.code)) {
      return new ConsoleError(parsed.data.error.code, parsed.data.error.message, parsed.data.error.detail);
    }
    return new ConsoleError(response.status >= 500 ? 'internal' : 'unexpected', `HTTP ${response.status}`);
  }

  return {
    /** Route `name`'s answer, checked against its schema. */
    async call<N extends CentralRouteName>(
      name: N,
      ...[request]: keyof CentralRequest<N> extends never ? [CentralRequest<N>?] : [CentralRequest<N>]
    ): Promise<CentralResponse<N>> {
      const response = await send(name, request);
      if (!response.ok) throw await refusal(response);
      const answer = centralAnswer(name, await response.json().catch(() => undefined));
      if (!answer) throw new ConsoleError('unexpected', `${name}: an answer off the API`);
      return answer;
    },
    /** A record's signed PDF/A, for the administrator to save. */
    async file(code: string, user: string): Promise<Blob> {
      const response = await send('file', { params: { code }, query: { user } });
      if (!response.ok) throw await refusal(response);
      return response.blob();
    },
  };
}

export type ConsoleApi = ReturnType<typeof createConsoleApi>;
