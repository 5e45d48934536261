import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPkcs12Signer } from '../../../src-main/signing/pkcs12-signer';
import type { Signer } from '../../../src-main/signing/signer';
import { ADMIN_TOKEN, startCentral } from '../../support/central';
import { centralCalls } from '../../support/central-calls';
import { recordMeta, signedRecord, signedRevocation } from '../../support/signed-records';
import { makeTempDir } from '../../support/temp-dir';
import { createTestPki, P12_PASSWORD } from '../../support/test-pki';

/**
 * SoHoa Central for other systems: API clients the admin makes, OAuth 2.0 client-credentials
 * tokens, each scope granted or refused, a token expired or its client revoked, rate limits per
 * client, the access log naming every personal-data read with its client and purpose, and the
 * change feed giving each change once, on PGlite and on PostgreSQL.
 */
describe.each(['pglite', 'postgres'] as const)('the partner API on %s', (kind) => {
  const dir = makeTempDir('sohoa-partner-api-');
  const pki = createTestPki(dir.path);
  let central: Awaited<ReturnType<typeof startCentral>>;
  let app: FastifyInstance;
  let signer: Signer;
  let station = '';
  let now = new Date('2026-12-07T08:00:00Z');
  const { call, enrol, upload } = centralCalls(() => app);
  const code = (n: number) => `000.00.12.H20.2026.00700000${String(n).padStart(2, '0')}`;
  const OWNER = { idNumber: '087190004567', name: 'Lê Thị Hoa', number: '12/QĐ-SLĐTBXH' };
  const admin = (method: 'GET' | 'POST', url: string, payload?: object) =>
    call({ method, url, auth: ADMIN_TOKEN, ...(payload ? { payload } : {}) });

  /** A client with these scopes, and a token for it (its own scopes, or those asked). */
  const client = async (scopes: string[], ratePerMinute = 120) => {
    const made = await admin('POST', '/v1/admin/clients', {
      name: `Hệ thống một cửa ${scopes.join('+')}`,
      scopes,
      ratePerMinute,
    });
    expect(made.status).toBe(201);
    return made.body as { clientId: string; clientSecret: string; scopes: string[] };
  };
  const tokenFor = async (made: { clientId: string; clientSecret: string }, scope?: string) => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) });
    const basic = Buffer.from(`${made.clientId}:${made.clientSecret}`).toString('base64');
    return call({
      method: 'POST',
      url: '/v1/oauth/token',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form.toString(),
    });
  };
  const bearer = async (made: { clientId: string; clientSecret: string }) =>
    ((await tokenFor(made)).body as { access_token: string }).access_token;

  beforeAll(async () => {
    central = await startCentral(kind, pki.trustDir, {}, { clock: () => now });
    app = central.app;
    signer = await openPkcs12Signer(pki.agency.p12Path, P12_PASSWORD);
    station = await enrol(['NCC'], '007');
    for (const n of [1, 2]) {
      const meta = recordMeta(OWNER, n === 2 ? { supersedes: code(1) } : {});
      const { pdf } = await signedRecord(signer, code(n), meta);
      expect((await upload(station, code(n), pdf, meta)).status).toBe(200);
    }
  }, 120_000);
  afterAll(async () => {
    await central?.close();
    await signer?.close();
    dir.remove();
  });

  it('issues tokens by client credentials, as a form or JSON, only for scopes the client holds', async () => {
    const lookup = await client(['records:lookup']);
    const issued = await tokenFor(lookup);
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: 'records:lookup' });
    const json = await call({
      method: 'POST',
      url: '/v1/oauth/token',
      payload: {
        grant_type: 'client_credentials',
        client_id: lookup.clientId,
        client_secret: lookup.clientSecret,
      },
    });
    expect(json.status).toBe(200);
    // RFC 6749's own refusals.
    expect(await tokenFor(lookup, 'records:file')).toMatchObject({
      status: 400,
      body: { error: 'invalid_scope' },
    });
    const wrong = await tokenFor({ ...lookup, clientSecret: 'sai' });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(wrong.headers['www-authenticate']).toContain('Basic');
    expect(
      await call({ method: 'POST', url: '/v1/oauth/token', payload: { grant_type: 'password' } }),
    ).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
  });

  it('grants each scope its route and refuses the others', async () => {
    const everything = await client(['records:lookup', 'records:file', 'stats:read', 'changes:read']);
    const statsOnly = await client(['stats:read']);
    const routes = {
      'records:lookup': `/v1/partner/records?ownerId=${OWNER.idNumber}&purpose=${encodeURIComponent('Thủ tục hưởng trợ cấp, hồ sơ 000.00.12.H20-261207-0001')}`,
      'records:file': `/v1/partner/records/${encodeURIComponent(code(2))}/file?purpose=${encodeURIComponent('Tái sử dụng kết quả')}`,
      'stats:read': '/v1/partner/stats?by=department',
      'changes:read': '/v1/changes?after=0',
    };
    const full = await bearer(everything);
    const narrow = await bearer(statsOnly);
    for (const [scope, url] of Object.entries(routes)) {
      const granted = await call({ method: 'GET', url, auth: full });
      expect(granted.status, scope).toBe(200);
      const refused = await call({ method: 'GET', url, auth: narrow });
      if (scope === 'stats:read') expect(refused.status).toBe(200);
      else
        expect(refused, scope).toMatchObject({ status: 403, body: { error: { code: 'insufficientScope' } } });
    }
    // A station's credential or the admin token is no partner token.
    expect((await call({ method: 'GET', url: routes['stats:read'], auth: station })).status).toBe(401);
    expect((await call({ method: 'GET', url: routes['stats:read'], auth: ADMIN_TOKEN })).status).toBe(401);
    // A read without a purpose is refused before anything is read.
    expect(
      (await call({ method: 'GET', url: `/v1/partner/records?ownerId=${OWNER.idNumber}`, auth: full }))
        .status,
    ).toBe(400);
  });

  it('refuses an expired token, and every token of a revoked client at once', async () => {
    const made = await client(['stats:read']);
    const token = await bearer(made);
    const url = '/v1/partner/stats?by=procedure';
    expect((await call({ method: 'GET', url, auth: token })).status).toBe(200);
    now = new Date(now.getTime() + 16 * 60_000);
    expect(await call({ method: 'GET', url, auth: token })).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthorized', message: 'the access token has expired' } },
    });
    const fresh = await bearer(made);
    expect((await admin('POST', `/v1/admin/clients/${made.clientId}/revoke`)).status).toBe(200);
    expect(await call({ method: 'GET', url, auth: fresh })).toMatchObject({
      status: 401,
      body: { error: { message: 'this API client has been revoked' } },
    });
    expect((await tokenFor(made)).body).toMatchObject({ error: 'invalid_client' });
    const listed = (await admin('GET', '/v1/admin/clients')).body as {
      clients: { clientId: string; revokedAt: string | null }[];
    };
    expect(listed.clients.find((each) => each.clientId === made.clientId)?.revokedAt).not.toBeNull();
  });

  it('answers 429 to a client past its rate, without harming another client or a station', async () => {
    const hasty = await bearer(await client(['stats:read'], 3));
    const calm = await bearer(await client(['stats:read'], 100));
    const url = '/v1/partner/stats?by=month';
    const statuses = [];
    for (let n = 0; n < 4; n += 1) statuses.push((await call({ method: 'GET', url, auth: hasty })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await call({ method: 'GET', url, auth: hasty });
    expect(refused).toMatchObject({ status: 429, body: { error: { code: 'rateLimited' } } });
    expect(
      (refused.body as { error: { detail: { retryAfterSeconds: number } } }).error.detail.retryAfterSeconds,
    ).toBeGreaterThan(0);
    expect((await call({ method: 'GET', url, auth: calm })).status).toBe(200);
    expect((await call({ method: 'GET', url: '/v1/stats?by=month', auth: station })).status).toBe(200);
  });

  it('logs every read of personal data with its client and purpose, and shows it', async () => {
    const reader = await client(['records:lookup', 'records:file']);
    const token = await bearer(reader);
    const purpose = 'Giải quyết hồ sơ trợ cấp 000.00.12.H20-261207-0042';
    const found = await call({
      method: 'GET',
      url: `/v1/partner/records?ownerId=${OWNER.idNumber}&purpose=${encodeURIComponent(purpose)}`,
      auth: token,
    });
    expect((found.body as { records: unknown[] }).records).toHaveLength(2);
    await call({
      method: 'GET',
      url: `/v1/partner/records/${encodeURIComponent(code(2))}/file?purpose=${encodeURIComponent(purpose)}`,
      auth: token,
    });
    const log = (await admin('GET', `/v1/admin/access-log?clientId=${reader.clientId}`)).body as {
      entries: {
        action: string;
        code: string | null;
        ownerId: string | null;
        purpose: string;
        user: string;
        clientId: string;
      }[];
    };
    expect(log.entries.map(({ action, code: logged, ownerId }) => [action, logged, ownerId]).sort()).toEqual(
      [
        ['file', code(2), OWNER.idNumber],
        ['lookup', code(1), OWNER.idNumber],
        ['lookup', code(2), OWNER.idNumber],
      ].sort(),
    );
    for (const entry of log.entries) {
      expect(entry).toMatchObject({
        clientId: reader.clientId,
        purpose,
        user: 'Hệ thống một cửa records:lookup+records:file',
      });
    }
    // Who looked at this citizen: the owner's log holds the client's reads.
    const byOwner = (await admin('GET', `/v1/admin/access-log?ownerId=${OWNER.idNumber}`)).body as {
      entries: unknown[];
    };
    expect(byOwner.entries.length).toBeGreaterThanOrEqual(3);
  });

  it('gives each change once, in order, read twice from the same place the same', async () => {
    const feed = await bearer(await client(['changes:read']));
    const read = async (after: number, limit?: number) =>
      (
        await call({
          method: 'GET',
          url: `/v1/changes?after=${after}${limit ? `&limit=${limit}` : ''}`,
          auth: feed,
        })
      ).body as {
        changes: { seq: number; kind: string; code: string; revoked: boolean; supersededBy: string | null }[];
        next: number;
        more: boolean;
      };
    const first = await read(0);
    expect(first.changes.map(({ kind, code: changed }) => [kind, changed])).toEqual([
      ['stored', code(1)],
      ['stored', code(2)],
      ['replaced', code(1)],
    ]);
    expect(first.changes[2]!.supersededBy).toBe(code(2));
    expect(await read(0)).toEqual(first);
    // A revocation and its annulment come after, each once, from where the partner stopped.
    const revocation = await signedRevocation(signer, code(2), {
      date: '2026-12-01',
      documentNumber: '99/QĐ-SLĐTBXH',
      reason: 'Thu hồi theo quyết định',
      by: 'u-supervisor',
      at: now.getTime() - 60_000,
    });
    expect(
      (
        await call({
          method: 'POST',
          url: `/v1/records/${encodeURIComponent(code(2))}/revocation`,
          auth: station,
          payload: revocation,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await admin('POST', `/v1/admin/records/${encodeURIComponent(code(2))}/revocation/annul`, {
          reason: 'Nhập nhầm',
        })
      ).status,
    ).toBe(200);
    const second = await read(first.next);
    expect(second.changes.map(({ kind, code: changed }) => [kind, changed])).toEqual([
      ['revoked', code(2)],
      ['reinstated', code(2)],
    ]);
    // Page by page, the same sequence: nothing twice, nothing missed.
    const paged: number[] = [];
    for (let after = 0, more = true; more;) {
      const page = await read(after, 2);
      paged.push(...page.changes.map((change) => change.seq));
      ({ next: after, more } = page);
    }
    expect(paged).toEqual([...first.changes, ...second.changes].map((change) => change.seq));
    expect(new Set(paged).size).toBe(paged.length);
  });

  it('documents the partner API in the OpenAPI document', async () => {
    const document = (await call({ method: 'GET', url: '/docs/openapi.json' })).body as {
      paths: Record<string, Record<string, { security: object[] }>>;
      components: { securitySchemes: Record<string, { type: string }> };
    };
    expect(document.components.securitySchemes.partner!.type).toBe('oauth2');
    expect(document.paths['/v1/oauth/token']!.post).toBeDefined();
    expect(document.paths['/v1/changes']!.get!.security).toEqual([{ partner: ['changes:read'] }]);
  });
});

describe('a station past its rate', () => {
  it('is answered 429 while another station goes on', async () => {
    const pki = createTestPki(makeTempDir('sohoa-station-rate-').path);
    const central = await startCentral('pglite', pki.trustDir, { rates: { stationPerMinute: 3 } });
    try {
      const { call, enrol } = centralCalls(() => central.app);
      const busy = await enrol(['NCC'], '001');
      const other = await enrol(['NCC'], '002');
      const stats = (auth: string) => call({ method: 'GET', url: '/v1/stats?by=station', auth });
      const statuses = [];
      for (let n = 0; n < 4; n += 1) statuses.push((await stats(busy)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await stats(other)).status).toBe(200);
      // The administrator is not held to a station's rate.
      expect((await stats(ADMIN_TOKEN)).status).toBe(200);
    } finally {
      await central.close();
    }
  }, 60_000);
});
