import { z } from 'zod';
import { hasAnyRole } from '../../src-shared/domain/roles';
import { AppError, isAppError } from '../../src-shared/errors/app-error';
import {
  contract,
  isChannelName,
  type ChannelName,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../src-shared/ipc/contract';
import type { Envelope } from '../../src-shared/ipc/envelope';
import type { Logger } from '../platform/logger';
import type { SessionManager, SessionUser } from '../services/accounts/session-manager';

/** Who is calling: one session per window, harness page or CLI run. The binding sets it. */
export interface CallContext {
  sessionKey: string;
}

export interface HandlerContext extends CallContext {
  /** The logged-in user; null only on public channels called before login. */
  user: SessionUser | null;
}

export type Handler<N extends ChannelName> = (
  request: ParsedRequestOf<N>,
  context: HandlerContext,
) => Promise<ResponseOf<N>> | ResponseOf<N>;

export type HandlerTable = { [N in ChannelName]: Handler<N> };

export interface Registry {
  invoke(channel: unknown, request: unknown, context: CallContext): Promise<Envelope<unknown>>;
}

/** A handler of an authenticated channel uses this to get its caller. */
export function signedInUser(context: HandlerContext): SessionUser {
  if (!context.user) throw new AppError('auth.required');
  return context.user;
}

/**
 * The one gate every call passes, whatever the transport: known channel, live session,
 * required role, valid request; then the handler; then the response checked against the
 * contract (which also strips anything the contract does not declare).
 */
export function createRegistry(deps: {
  handlers: HandlerTable;
  sessions: SessionManager;
  log: Logger;
}): Registry {
  const { handlers, sessions, log } = deps;

  async function run(name: ChannelName, rawRequest: unknown, context: CallContext): Promise<unknown> {
    const spec = contract[name];
    // Access first: a caller who may not use a channel learns nothing of its request's schema.
    let user: SessionUser | null;
    if (spec.access === 'public') {
      user = sessions.current(context.sessionKey);
    } else {
      user = sessions.require(context.sessionKey);
      if (spec.access !== 'authenticated' && !hasAnyRole(user.roles, spec.access)) {
        throw new AppError('auth.forbidden', { detail: `${user.username} → ${name}` });
      }
    }
    const parsed = spec.request.safeParse(rawRequest);
    if (!parsed.success) {
      throw new AppError('ipc.invalidRequest', { detail: `${name}: ${z.prettifyError(parsed.error)}` });
    }
    const handler = handlers[name] as (request: unknown, context: HandlerContext) => unknown;
    const value = await handler(parsed.data, { ...context, user });
    if (spec.userActivity) sessions.touch(context.sessionKey);
    const checked = spec.response.safeParse(value);
    if (!checked.success) {
      throw new AppError('ipc.invalidResponse', { detail: `${name}: ${z.prettifyError(checked.error)}` });
    }
    return checked.data;
  }

  return {
    async invoke(name, request, context) {
      if (!isChannelName(name)) {
        return { ok: false, error: new AppError('ipc.unknownChannel', { detail: String(name) }).toData() };
      }
      try {
        return { ok: true, value: await run(name, request, context) };
      } catch (error) {
        if (isAppError(error)) {
          if (error.code === 'internal' || error.code === 'ipc.invalidResponse')
            log.error(name, error.toData());
          else log.info(`${name}: ${error.code}`, error.detail);
          return { ok: false, error: error.toData() };
        }
        log.error(`${name}: unexpected failure`, error instanceof Error ? error.stack : String(error));
        return { ok: false, error: new AppError('internal', { detail: String(error) }).toData() };
      }
    },
  };
}
