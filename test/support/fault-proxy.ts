import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * What the network does to one request on its way to Central:
 * - pass: nothing;
 * - error500: a gateway answers 500 and Central never sees it;
 * - hang: no answer at all (the client's timeout must fire);
 * - resetMidBody: the connection is cut while the request body is on its way;
 * - dropResponse: Central does the work, then the connection is cut before its answer arrives.
 */
export type Fault = 'pass' | 'error500' | 'hang' | 'resetMidBody' | 'dropResponse';

/**
 * A real HTTP hop between the station and Central that misbehaves on demand, on loopback; with
 * several targets, a round-robin load balancer over them, request by request.
 */
export async function startFaultProxy(target: { port: number } | { ports: number[] }) {
  const ports = 'ports' in target ? target.ports : [target.port];
  let turn = 0;
  /** Requests each target answered. */
  const served = ports.map(() => 0);
  let choose: (request: IncomingMessage) => Fault = () => 'pass';
  const seen: Record<Fault, number> = { pass: 0, error500: 0, hang: 0, resetMidBody: 0, dropResponse: 0 };
  const sockets = new Set<Socket>();
  let onRequest: (request: IncomingMessage) => void = () => undefined;

  const relay = (request: IncomingMessage, response: ServerResponse, drop: boolean) => {
    const index = turn++ % ports.length;
    served[index]! += 1;
    const upstream = forward(
      {
        host: '127.0.0.1',
        port: ports[index],
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        if (drop) {
          answer.resume();
          answer.on('end', () => request.socket.destroy());
          return;
        }
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => request.socket.destroy());
    request.pipe(upstream);
  };

  const server = createServer((request, response) => {
    onRequest(request);
    const fault = choose(request);
    seen[fault] += 1;
    switch (fault) {
      case 'pass':
        return relay(request, response, false);
      case 'dropResponse':
        return relay(request, response, true);
      case 'error500':
        request.resume();
        request.on('end', () => {
          response.writeHead(500, { 'content-type': 'text/plain' });
          response.end('Bad gateway');
        });
        return;
      case 'hang':
        request.resume();
        return;
      case 'resetMidBody':
        // Part of the body may have arrived; nothing reaches Central.
        request.once('data', () => request.socket.destroy());
        request.once('end', () => request.socket.destroy());
        return;
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    served,
    /** Every request from now on meets this fault (or what `pick` says for it). */
    set(fault: Fault | ((request: IncomingMessage) => Fault)) {
      choose = typeof fault === 'function' ? fault : () => fault;
    },
    onRequest(hook: (request: IncomingMessage) => void) {
      onRequest = hook;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
