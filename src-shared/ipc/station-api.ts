import { AppError } from '../errors/app-error';
import { CHANNEL_NAMES, type ChannelName, type RequestOf, type ResponseOf } from './contract';
import type { Envelope } from './envelope';

type AreaOf<N extends string> = N extends `${infer A}.${string}` ? A : never;
type Area = AreaOf<ChannelName>;
type ActionOf<N extends string, A extends string> = N extends `${A}.${infer M}` ? M : never;

/** `window.station`: what the preload (or the harness client) exposes, envelopes and all. */
export type StationBridge = {
  [A in Area]: {
    [N in ChannelName as ActionOf<N, A>]: (request: RequestOf<N>) => Promise<Envelope<ResponseOf<N>>>;
  };
};

/** The renderer's typed API: the same shape, resolving with the value or throwing AppError. */
export type StationClient = {
  [A in Area]: {
    [N in ChannelName as ActionOf<N, A>]: (request: RequestOf<N>) => Promise<ResponseOf<N>>;
  };
};

export type Transport = (channel: ChannelName, request: unknown) => Promise<Envelope<unknown>>;

const splitName = (name: ChannelName): [string, string] => {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
};

function buildTree(call: (name: ChannelName, request: unknown) => Promise<unknown>): Record<string, unknown> {
  const tree: Record<string, Record<string, (request: unknown) => Promise<unknown>>> = {};
  for (const name of CHANNEL_NAMES) {
    const [area, action] = splitName(name);
    (tree[area] ??= {})[action] = (request: unknown) => call(name, request ?? {});
  }
  return tree;
}

/** Builds `window.station` from the contract over any transport (Electron IPC, WebSocket). */
export const buildStationBridge = (transport: Transport): StationBridge =>
  buildTree((name, request) => transport(name, request)) as unknown as StationBridge;

/** Wraps a bridge so that callers get values and catch `AppError`s. */
export function createStationClient(bridge: StationBridge): StationClient {
  const raw = bridge as unknown as Record<
    string,
    Record<string, (request: unknown) => Promise<Envelope<unknown>>>
  >;
  return buildTree(async (name, request) => {
    const [area, action] = splitName(name);
    const envelope = await raw[area]![action]!(request);
    if (envelope.ok) return envelope.value;
    throw AppError.fromData(envelope.error);
  }) as unknown as StationClient;
}
