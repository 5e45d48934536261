import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  CLIENT_ID_PATTERN,
  HARNESS_SOCKET_PATH,
  harnessCallSchema,
  type HarnessReply,
} from '../../src-shared/ipc/harness-protocol';
import { decodeMessage, encodeMessage } from '../../src-shared/ipc/wire-message';
import { contentSecurityPolicy } from '../app/content-security-policy';
import { readStaticFile } from '../app/static-files';
import type { Registry } from '../ipc/registry';
import type { Logger } from '../platform/logger';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);
/** Large enough for a scanned page travelling through IPC later; a bound all the same. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export interface HarnessServer {
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const sameSecret = (given: string | null, token: string): boolean => {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * The browser harness: serves the built renderer and the handler registry over a
 * WebSocket on loopback. The page must present the per-run token and come from the
 * harness's own origin (the WebSocket counterpart of Electron's sender-frame check).
 */
export async function startHarnessServer(options: {
  registry: Registry;
  rendererDir: string;
  host?: string;
  port?: number;
  log: Logger;
}): Promise<HarnessServer> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) throw new Error(`The harness listens on loopback only, not ${host}`);
  const { registry, rendererDir, log } = options;
  const token = randomBytes(24).toString('base64url');
  let origin = '';

  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    void readStaticFile(rendererDir, request.url ?? '/').then((file) => {
      response.writeHead(file.status, {
        'content-type': file.contentType,
        'content-security-policy': contentSecurityPolicy({ connectSrc: [origin.replace(/^http/, 'ws')] }),
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      response.end(request.method === 'HEAD' ? undefined : file.body);
    });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  const refuse = (socket: Duplex, status: string) => {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  };

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', origin);
    const clientId = url.searchParams.get('client') ?? '';
    if (url.pathname !== HARNESS_SOCKET_PATH) return refuse(socket, '404 Not Found');
    if (!sameSecret(url.searchParams.get('token'), token)) {
      log.warn('harness: refused a connection without the token', { origin: request.headers.origin });
      return refuse(socket, '401 Unauthorized');
    }
    if (request.headers.origin !== origin) return refuse(socket, '403 Forbidden');
    if (!CLIENT_ID_PATTERN.test(clientId)) return refuse(socket, '400 Bad Request');
    sockets.handleUpgrade(request, socket, head, (ws) => serve(ws, `web:${clientId}`));
  });

  // A page keeps its client id across reloads (sessionStorage), so a reload keeps the
  // session as it does in an Electron window; idle sessions expire as usual.
  function serve(ws: WebSocket, sessionKey: string) {
    ws.on('message', (data, isBinary) => {
      let call;
      try {
        const bytes = Buffer.isBuffer(data)
          ? data
          : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]);
        call = harnessCallSchema.parse(decodeMessage(isBinary ? bytes : bytes.toString()));
      } catch {
        ws.close(1003, 'malformed message');
        return;
      }
      void registry.invoke(call.channel, call.request, { sessionKey }).then((envelope) => {
        const reply: HarnessReply = { id: call.id, envelope };
        if (ws.readyState === ws.OPEN) ws.send(encodeMessage(reply));
      });
    });
    ws.on('error', (error) => log.warn('harness: socket error', String(error)));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
