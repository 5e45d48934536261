import { z } from 'zod';
import type { Envelope } from './envelope';

/** Messages of the browser harness's WebSocket: the IPC contract over another wire. */
export const HARNESS_SOCKET_PATH = '/station';
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export const harnessCallSchema = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  request: z.unknown(),
});
export type HarnessCall = z.infer<typeof harnessCallSchema>;

export interface HarnessReply {
  id: number;
  envelope: Envelope<unknown>;
}
