import { spawn } from 'node:child_process';
import { createServer, connect as connectTcp, type Server, type Socket } from 'node:net';
import { connect as connectTls, createServer as createTlsServer } from 'node:tls';
import { Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors/app-error';
import { createTranslator } from '../../../src-main/platform/translator';
import { ADMIN, makeBackend, valueOf } from '../../support/backend';
import { ROOT } from '../../support/built-app';
import { ADMIN_TOKEN } from '../../support/central';
import { centralProcess, freePort } from '../../support/central-process';
import { makeTempDir } from '../../support/temp-dir';
import { createTestPki, createTlsPki } from '../../support/test-pki';

/**
 * The station and SoHoa Central over HTTPS with a provincial CA Node does not know: the admin
 * compares the fingerprint the station shows with Central's, the station pins it, and a machine
 * in the middle with another certificate (for the same name) is refused before a byte is sent.
 * The station reaches Central through a hop that either passes TCP through or, on command,
 * terminates TLS with its own certificate and relays to Central: a man in the middle.
 */
interface Hop {
  port: number;
  mode: 'pass' | 'intercept';
  /** New connections go to this mode; those open now are cut (as when a device is slipped in). */
  switchTo(mode: 'pass' | 'intercept'): void;
  /** Application bytes the interceptor received from the station (nothing may be sent to it). */
  intercepted: number;
  close(): Promise<void>;
}

async function startHop(target: number, attacker: { chainPem: string; keyPem: string }): Promise<Hop> {
  const sockets = new Set<Socket>();
  const interceptor = createTlsServer({ cert: attacker.chainPem, key: attacker.keyPem }, (station) => {
    const upstream = connectTls({ host: '127.0.0.1', port: target, rejectUnauthorized: false });
    station.on('data', (data: Buffer) => (hop.intercepted += data.length));
    station.pipe(upstream).pipe(station);
    station.on('error', () => upstream.destroy());
    upstream.on('error', () => station.destroy());
  });
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    if (hop.mode === 'intercept') {
      interceptor.emit('connection', client);
      return;
    }
    const upstream = connectTcp(target, '127.0.0.1');
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const hop: Hop = {
    port,
    mode: 'pass',
    switchTo(mode) {
      hop.mode = mode;
      for (const socket of sockets) socket.destroy();
    },
    intercepted: 0,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return hop;
}

describe('SoHoa Central over HTTPS, its certificate pinned at enrolment', () => {
  const dir = makeTempDir('sohoa-central-tls-');
  const pki = createTestPki(dir.path);
  const province = createTlsPki(`${dir.path}/tls`, 'central');
  const stranger = createTlsPki(`${dir.path}/stranger`, 'attacker');
  let central: ReturnType<typeof centralProcess>;
  let centralPort: number;
  let hop: Hop;
  const backend = makeBackend();
  /** Central's admin API, trusting the provincial CA (as Central's own admin would). */
  const admin = new Agent({ connect: { ca: province.caPem } });
  const adminCall = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(`https://localhost:${centralPort}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      dispatcher: admin,
    });
    return (await response.json()) as Record<string, unknown>;
  };
  const station = (channel: string, request: unknown = {}) => backend.call('admin', channel, request);

  beforeAll(async () => {
    centralPort = await freePort();
    central = centralProcess({
      dataDir: `${dir.path}/central`,
      port: centralPort,
      trustDir: pki.trustDir,
      env: { SOHOA_TLS_CERT: province.certPath, SOHOA_TLS_KEY: province.keyPath },
    });
    await central.start();
    hop = await startHop(centralPort, stranger);
    valueOf(await station('auth.setupAdmin', ADMIN));
    valueOf(await station('settings.update', { centralUrl: `https://localhost:${hop.port}` }));
  }, 90_000);
  afterAll(async () => {
    await hop?.close();
    await central?.stop();
    await admin.close();
    await backend.dir.remove();
    dir.remove();
  });

  it('shows the chain Central presents, with the fingerprints Central’s console shows', async () => {
    const probe = valueOf<{
      tls: boolean;
      chain: { fingerprint256: string; subject: string }[];
      proposed: string;
    }>(await station('sync.probeTls'));
    const served = (await adminCall('/v1/admin/tls')) as {
      tls: boolean;
      chain: { fingerprint256: string }[];
    };
    expect(served.tls).toBe(true);
    expect(probe.tls).toBe(true);
    expect(probe.chain.map((each) => each.fingerprint256)).toEqual(
      served.chain.map((each) => each.fingerprint256),
    );
    expect(probe.chain[0]!.subject).toContain('CN=localhost');
    // Proposed: the provincial CA at the top of the chain, so a renewed server certificate keeps working.
    expect(probe.proposed).toBe(served.chain[1]!.fingerprint256);
  });

  it('enrols only with the certificate the admin confirmed, then syncs through Node, knowing no such CA', async () => {
    const { code } = (await adminCall('/v1/admin/enrolments', {
      method: 'POST',
      body: { departments: ['NCC'] },
    })) as {
      code: string;
    };
    const refused = await station('sync.enrol', { code });
    expect(refused).toMatchObject({ ok: false, error: { code: 'sync.tlsNotConfirmed' } });
    const strangers = await station('sync.enrol', { code, pin: 'AA:BB' });
    expect(strangers).toMatchObject({ ok: false, error: { code: 'sync.tlsNotConfirmed' } });
    const probe = valueOf<{ proposed: string }>(await station('sync.probeTls'));
    const enrolled = valueOf<{ enrolled: boolean; tlsFingerprint: string }>(
      await station('sync.enrol', { code, pin: probe.proposed }),
    );
    expect(enrolled).toMatchObject({ enrolled: true, tlsFingerprint: probe.proposed });
    expect(valueOf<{ reachable: boolean }>(await station('sync.health'))).toMatchObject({ reachable: true });
    expect(
      valueOf<{ records: unknown[] }>(
        await station('sync.lookup', { code: '000.00.12.H20.2026.0010000016' }),
      ),
    ).toMatchObject({ records: [] });
  });

  it('refuses a machine in the middle with another certificate, in Vietnamese, sending it nothing', async () => {
    const logged = async () =>
      ((await adminCall('/v1/admin/access-log')) as { entries: unknown[] }).entries.length;
    const before = await logged();
    hop.switchTo('intercept');
    // The connection open before is cut (the first try may say unreachable); every new one meets the interceptor.
    await expect
      .poll(async () => valueOf<{ error: { code: string } | null }>(await station('sync.health')).error?.code)
      .toBe('sync.certificateMismatch');
    const lookup = await station('sync.lookup', { ownerId: '087095000123' });
    expect(lookup).toMatchObject({ ok: false, error: { code: 'sync.certificateMismatch' } });
    // The handshake happened; not one byte of a request (no token, no ID number) went to it.
    expect(hop.intercepted).toBe(0);
    const t = await createTranslator('vi');
    expect(t(new AppError('sync.certificateMismatch').toData().messageKey)).toMatch(
      /^Chứng chỉ bảo mật của máy chủ không khớp với chứng chỉ SoHoa Central đã được xác nhận/,
    );
    // Central itself saw no lookup: nothing was added to its access log.
    expect(await logged()).toBe(before);
    hop.switchTo('pass');
    expect(valueOf<{ reachable: boolean }>(await station('sync.health'))).toMatchObject({ reachable: true });
  });

  it('refuses plain HTTP to another computer, at the settings and at the client', async () => {
    const refused = await station('settings.update', { centralUrl: 'http://10.20.30.40:8780' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'sync.insecureUrl' } });
    valueOf(await station('settings.update', { centralUrl: `http://127.0.0.1:${centralPort}` }));
    // Loopback may be plain HTTP; this Central speaks HTTPS there, so it simply does not answer.
    expect(valueOf<{ reachable: boolean }>(await station('sync.health'))).toMatchObject({ reachable: false });
  });

  it('will not start on a network address without TLS', async () => {
    const started = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, HOST: '0.0.0.0', PORT: '0', SOHOA_DATA_DIR: `${dir.path}/plain` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    started.stderr.on('data', (data: Buffer) => (output += data.toString()));
    const code = await new Promise<number | null>((resolve) => started.once('exit', resolve));
    expect(code).toBe(2);
    expect(output).toContain('SoHoa Central serves plain HTTP on loopback only, not on 0.0.0.0');
  }, 60_000);
});
