import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { encodeMessage } from '../../src-shared/ipc/wire-message';
import { requireBuild } from '../support/built-app';
import { startHarness, type RunningHarness } from '../support/harness-process';
import { makeTempDir } from '../support/temp-dir';

/** Opens a socket and reports the HTTP status of a refusal, or 101 when it is let in. */
function handshake(url: string, origin: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { origin });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    ws.on('error', () => resolve(0));
  });
}

describe('browser harness', () => {
  const dir = makeTempDir('sohoa-harness-');
  let harness: RunningHarness;
  let token: string;
  let socketBase: string;

  beforeAll(async () => {
    requireBuild();
    harness = await startHarness(dir.path);
    token = new URL(harness.url).searchParams.get('token')!;
    socketBase = `${harness.origin.replace('http', 'ws')}/station`;
  });
  afterAll(async () => {
    await harness.stop();
    dir.remove();
  });

  it('listens on loopback only', () => {
    expect(new URL(harness.url).hostname).toBe('127.0.0.1');
  });

  it('refuses a connection without the per-run token, or with a wrong one', async () => {
    expect(await handshake(`${socketBase}?client=abcdefgh12`, harness.origin)).toBe(401);
    expect(await handshake(`${socketBase}?token=${token}x&client=abcdefgh12`, harness.origin)).toBe(401);
  });

  it('refuses a page from another origin even with the token', async () => {
    expect(await handshake(`${socketBase}?token=${token}&client=abcdefgh12`, 'http://evil.example')).toBe(
      403,
    );
  });

  it('serves the contract to a page that has the token', async () => {
    const ws = new WebSocket(`${socketBase}?token=${token}&client=abcdefgh12`, { origin: harness.origin });
    await new Promise((resolve) => ws.once('open', resolve));
    const reply = new Promise<string>((resolve) => ws.once('message', (data) => resolve(data.toString())));
    ws.send(JSON.stringify({ id: 7, channel: 'users.list', request: {} }));
    expect(JSON.parse(await reply)).toMatchObject({
      id: 7,
      envelope: { ok: false, error: { code: 'auth.required' } },
    });
    ws.close();
  });

  it('takes bytes as binary frames, and closes the socket on a malformed one', async () => {
    const ws = new WebSocket(`${socketBase}?token=${token}&client=abcdefgh13`, { origin: harness.origin });
    await new Promise((resolve) => ws.once('open', resolve));
    const reply = new Promise<string>((resolve) => ws.once('message', (data) => resolve(data.toString())));
    // Answered as any call (this socket has not signed in); the E2E imports carry real files this way.
    const call = {
      id: 8,
      channel: 'capture.importChunk',
      request: { uploadId: 'u', offset: 0, data: new Uint8Array([1, 2]) },
    };
    ws.send(encodeMessage(call));
    expect(JSON.parse(await reply)).toMatchObject({
      id: 8,
      envelope: { ok: false, error: { code: 'auth.required' } },
    });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(Buffer.from([0xff, 0xff, 0xff, 0x7f, 1]));
    expect(await closed).toBe(1003);
  });

  it('sends the renderer with a strict Content-Security-Policy and never a file outside it', async () => {
    const page = await fetch(`${harness.origin}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`connect-src 'self' ${harness.origin.replace('http', 'ws')}`);
    expect((await fetch(`${harness.origin}/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${harness.origin}/%2e%2e/main/harness.js`)).status).toBe(404);
  });
});
