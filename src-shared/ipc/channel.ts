import type { z } from 'zod';
import type { Role } from '../domain/roles';

/**
 * Who may call a channel: anyone with the window (before login), any logged-in user,
 * or a user holding at least one of the listed roles. Main enforces it on every call.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly request: Req;
  readonly response: Res;
  readonly access: Access;
  /** A call that shows the user is at the keyboard; it keeps the session from idling out. */
  readonly userActivity?: boolean;
}

export const channel = <Req extends z.ZodType, Res extends z.ZodType>(
  spec: ChannelSpec<Req, Res>,
): ChannelSpec<Req, Res> => spec;
