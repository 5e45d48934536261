import { AppError } from '../../src-shared/errors/app-error';
import type { Envelope } from '../../src-shared/ipc/envelope';
import {
  HARNESS_SOCKET_PATH,
  type HarnessCall,
  type HarnessReply,
} from '../../src-shared/ipc/harness-protocol';
import { decodeMessage, encodeMessage } from '../../src-shared/ipc/wire-message';
import { buildStationBridge, type StationBridge } from '../../src-shared/ipc/station-api';

const TOKEN_KEY = 'sohoa.harness.token';
const CLIENT_KEY = 'sohoa.harness.client';
const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 5000];

/**
 * window.station for the browser harness: the contract over the harness's WebSocket.
 * The per-run token arrives in the page URL once, then stays in sessionStorage (and out
 * of the address bar); the client id keeps this tab's session across reloads.
 */
export function connectHarnessBridge(): StationBridge {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token') ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
  if (url.searchParams.has('token')) {
    sessionStorage.setItem(TOKEN_KEY, token);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  let clientId = sessionStorage.getItem(CLIENT_KEY);
  if (!clientId) {
    clientId = crypto.randomUUID();
    sessionStorage.setItem(CLIENT_KEY, clientId);
  }
  const socketUrl = `ws://${window.location.host}${HARNESS_SOCKET_PATH}?token=${encodeURIComponent(token)}&client=${clientId}`;

  let socket: WebSocket | undefined;
  let opened: Promise<WebSocket> | undefined;
  let nextId = 1;
  let failures = 0;
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();

  const disconnected = (): Envelope<unknown> => ({
    ok: false,
    error: new AppError('ipc.disconnected').toData(),
  });

  function open(): Promise<WebSocket> {
    return (opened ??= new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(socketUrl);
      ws.binaryType = 'arraybuffer';
      ws.onopen = () => {
        failures = 0;
        socket = ws;
        resolve(ws);
      };
      ws.onmessage = (event) => {
        const reply = decodeMessage(event.data as string | ArrayBuffer) as HarnessReply;
        pending.get(reply.id)?.(reply.envelope);
        pending.delete(reply.id);
      };
      ws.onclose = () => {
        socket = undefined;
        opened = undefined;
        for (const settle of pending.values()) settle(disconnected());
        pending.clear();
        reject(new Error('closed'));
      };
    }));
  }

  async function connected(): Promise<WebSocket> {
    for (;;) {
      try {
        return socket ?? (await open());
      } catch {
        const delay = RECONNECT_DELAYS_MS[Math.min(failures++, RECONNECT_DELAYS_MS.length - 1)]!;
        if (failures > RECONNECT_DELAYS_MS.length * 2) throw new Error('harness unreachable');
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  return buildStationBridge(async (channel, request) => {
    let ws: WebSocket;
    try {
      ws = await connected();
    } catch {
      return disconnected();
    }
    const call: HarnessCall = { id: nextId++, channel, request };
    return new Promise<Envelope<unknown>>((resolve) => {
      pending.set(call.id, resolve);
      ws.send(encodeMessage(call));
    });
  });
}
