import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPkcs12Signer } from '../../../src-main/signing/pkcs12-signer';
import type { Signer } from '../../../src-main/signing/signer';
import { signerName } from '../../../src-node/signing/certificate';
import { receiptSignatureValid } from '../../../src-node/signing/receipt-signature';
import { ADMIN_TOKEN, emptyDatabase, TEST_DATABASE_URL } from '../../support/central';
import { centralProcess, freePort } from '../../support/central-process';
import { recordMeta, sha256Hex, signedRecord, signedRevocation } from '../../support/signed-records';
import { makeTempDir } from '../../support/temp-dir';
import { createTestPki, P12_PASSWORD } from '../../support/test-pki';

const MB = 1024 * 1024;
const OWNER = { idNumber: '087085004321', name: 'Lê Thị Mai', number: '77/QĐ-SLĐTBXH' };
const OTHER_OWNER = { idNumber: '087085009876', name: 'Võ Văn Tâm', number: '78/QĐ-SLĐTBXH' };
const code = (station: string, n: number) => `000.00.12.H20.2026.${station}${String(n).padStart(6, '0')}K`;
const modeOf = (path: string) => statSync(path).mode & 0o777;

/**
 * SoHoa Central trusts no station more than it must, checked as an attacker holding one
 * station's secret would, against the real process (`npm run server`) over HTTP, on PGlite
 * and on PostgreSQL: revocations only by the record's station or department and signed by a
 * trusted certificate, annulled only by the administrator; reads scoped to the station's
 * departments and logged; receipts signed with the key handed at enrolment; uploads bounded
 * per station and swept; the data folder owner-only.
 */
describe.each(['pglite', 'postgres'] as const)('SoHoa Central trusts no station on %s', (kind) => {
  const dir = makeTempDir(`sohoa-central-trust-${kind}-`);
  const pki = createTestPki(join(dir.path, 'pki'));
  const stranger = createTestPki(join(dir.path, 'stranger'));
  const dataDir = join(dir.path, 'central');
  let central: ReturnType<typeof centralProcess>;
  let port = 0;
  let signer: Signer;
  let untrusted: Signer;
  const stations: Record<string, { credential: string; id: string; receiptKey: string }> = {};

  const api = async (
    method: string,
    path: string,
    options: { auth?: string; body?: unknown; binary?: Buffer } = {},
  ) => {
    const reply = await fetch(`${central.url}${path}`, {
      method,
      headers: {
        ...(options.auth ? { authorization: `Bearer ${options.auth}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.binary ? { 'content-type': 'application/octet-stream' } : {}),
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.binary ? { body: new Uint8Array(options.binary) } : {}),
    });
    const type = reply.headers.get('content-type') ?? '';
    return {
      status: reply.status,
      body: type.includes('json') ? await reply.json() : Buffer.from(await reply.arrayBuffer()),
    };
  };
  const start = (env: Record<string, string> = {}) => {
    central = centralProcess({
      dataDir,
      port,
      trustDir: pki.trustDir,
      env: {
        SOHOA_OWNER_LOOKUPS_PER_MINUTE: '5',
        ...(kind === 'postgres' ? { DATABASE_URL: TEST_DATABASE_URL } : {}),
        // Part files on disk, on either database: what this test looks at (staging in the
        // database is central-storage's and two-centrals').
        SOHOA_UPLOAD_STAGING: 'disk',
        ...env,
      },
    });
    return central.start();
  };
  const enrol = async (name: string, number: string, departments: string[]) => {
    const made = await api('POST', '/v1/admin/enrolments', { auth: ADMIN_TOKEN, body: { departments } });
    expect(made.status).toBe(201);
    const enrolled = await api('POST', '/v1/enrol', {
      body: { code: made.body.code, stationNumber: number },
    });
    expect(enrolled.status).toBe(201);
    expect(enrolled.body.departments).toEqual(departments);
    stations[name] = {
      credential: `${enrolled.body.stationId}.${enrolled.body.secret}`,
      id: enrolled.body.stationId,
      receiptKey: enrolled.body.receiptKey,
    };
    return stations[name]!.credential;
  };
  const upload = async (auth: string, recordCode: string, pdf: Buffer, meta: object) => {
    const begun = await api('POST', '/v1/records/uploads', {
      auth,
      body: { code: recordCode, sha256: sha256Hex(pdf), bytes: pdf.length, meta },
    });
    if (begun.status !== 200 || begun.body.state === 'stored') return begun;
    const sent = await api('PUT', `/v1/records/uploads/${begun.body.uploadId}?offset=0`, {
      auth,
      binary: pdf,
    });
    expect(sent.status).toBe(200);
    return api('POST', `/v1/records/uploads/${begun.body.uploadId}/complete`, { auth });
  };
  const revocation = (documentNumber: string) => ({
    date: '2026-11-15',
    documentNumber,
    reason: 'Cấp sai đối tượng',
    by: 'u-supervisor',
    at: Date.now() - 60_000,
  });
  const revoke = async (auth: string, recordCode: string, body: object) =>
    api('POST', `/v1/records/${encodeURIComponent(recordCode)}/revocation`, { auth, body });
  const lookupAs = (auth: string, query: string, user = 'vanthu') =>
    api('GET', `/v1/records?${query}&user=${user}`, { auth });
  const partFiles = () => readdirSync(join(dataDir, 'uploads')).filter((name) => name.endsWith('.part'));

  const R1 = code('001', 1); // station A's, department NCC
  const R2 = code('003', 1); // station C's, department BTXH

  beforeAll(async () => {
    if (kind === 'postgres') await (await emptyDatabase('postgres', dir.path)).close();
    // A data folder an older version left open to every user.
    mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    port = await freePort();
    await start();
    signer = await openPkcs12Signer(pki.agency.p12Path, P12_PASSWORD);
    untrusted = await openPkcs12Signer(stranger.agency.p12Path, P12_PASSWORD);
    const a = await enrol('A', '001', ['NCC']);
    await enrol('B', '002', ['NCC']);
    const c = await enrol('C', '003', ['BTXH']);
    const first = await signedRecord(signer, R1, recordMeta(OWNER));
    expect((await upload(a, R1, first.pdf, recordMeta(OWNER))).status).toBe(200);
    const otherMeta = recordMeta(OTHER_OWNER, { departmentCode: 'BTXH' });
    const second = await signedRecord(signer, R2, otherMeta);
    expect((await upload(c, R2, second.pdf, otherMeta)).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await central?.stop();
    await signer?.close();
    await untrusted?.close();
    dir.remove();
  });

  it('signs every receipt with the key it handed each station at enrolment', async () => {
    const { credential, receiptKey } = stations.A!;
    const { receipt } = (await lookupAs(credential, `code=${R1}`)).body.records[0];
    expect(receiptSignatureValid(receiptKey, receipt)).toBe(true);
    const again = await api('POST', '/v1/records/uploads', {
      auth: credential,
      body: { code: R1, sha256: receipt.sha256, bytes: receipt.bytes, meta: recordMeta(OWNER) },
    });
    expect(again.body.state).toBe('stored');
    expect(receiptSignatureValid(receiptKey, again.body.receipt)).toBe(true);
    // The same key for every station; a receipt changed on the way no longer checks.
    expect(stations.C!.receiptKey).toBe(receiptKey);
    expect(receiptSignatureValid(receiptKey, { ...again.body.receipt, code: R2 })).toBe(false);
    expect(receiptSignatureValid(receiptKey, { ...again.body.receipt, bytes: 1 })).toBe(false);
  });

  it("refuses a foreign station's revocation, an unsigned or wrongly signed one; lets the admin annul one", async () => {
    const { A, B, C } = stations as Record<string, { credential: string }>;
    const signed = (documentNumber: string, by = signer, recordCode = R1) =>
      signedRevocation(by, recordCode, revocation(documentNumber));
    // Station C (another station, another department) holds a valid signature: still refused.
    expect(await revoke(C!.credential, R1, await signed('90/QĐ-GIA'))).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden' } },
    });
    const { signature: _signature, ...unsigned } = await signed('91/QĐ-GIA');
    expect((await revoke(A!.credential, R1, unsigned)).status).toBe(400);
    expect(await revoke(A!.credential, R1, await signed('92/QĐ-GIA', untrusted))).toMatchObject({
      status: 422,
      body: { error: { code: 'revocationSignature', detail: { problem: 'certificate chain untrusted' } } },
    });
    // A signature over one revocation sent with another's words.
    const swapped = { ...(await signed('93/QĐ-SLĐTBXH')), reason: 'Lý do khác' };
    expect(await revoke(A!.credential, R1, swapped)).toMatchObject({
      status: 422,
      body: { error: { code: 'revocationSignature', detail: { problem: 'signed other content' } } },
    });
    expect((await lookupAs(A!.credential, `code=${R1}`)).body.records[0].revocation).toBeNull();

    // Station B works for the record's department: its signed revocation stands, and says who.
    const made = await revoke(B!.credential, R1, await signed('15/QĐ-SLĐTBXH'));
    expect(made.status).toBe(200);
    const shown = (await lookupAs(A!.credential, `code=${R1}`)).body.records[0].revocation;
    expect(shown).toMatchObject({
      documentNumber: '15/QĐ-SLĐTBXH',
      stationNumber: '002',
      signer: signerName(signer.certificate),
    });
    // Only the administrator annuls it, with a reason; the lookup no longer shows it.
    const annul = (auth: string) =>
      api('POST', `/v1/admin/records/${encodeURIComponent(R1)}/revocation/annul`, {
        auth,
        body: { reason: 'Ghi nhận nhầm hồ sơ' },
      });
    expect((await annul(B!.credential)).status).toBe(401);
    expect((await annul(ADMIN_TOKEN)).status).toBe(200);
    expect((await annul(ADMIN_TOKEN)).status).toBe(404);
    expect((await lookupAs(A!.credential, `code=${R1}`)).body.records[0].revocation).toBeNull();
    const journal = (await api('GET', '/v1/admin/journal', { auth: ADMIN_TOKEN })).body.entries;
    expect(journal[0]).toMatchObject({
      actor: 'admin',
      action: 'revocationAnnulled',
      subject: R1,
      detail: { reason: 'Ghi nhận nhầm hồ sơ', annulled: { documentNumber: '15/QĐ-SLĐTBXH' } },
    });
    expect(journal[1]).toMatchObject({ action: 'revocationRecorded', subject: R1 });
    // Revoking a station does not make its revocations stand for others: C is refused still.
    expect(
      (await api('POST', `/v1/admin/stations/${stations.C!.id}/revoke`, { auth: ADMIN_TOKEN })).status,
    ).toBe(200);
    expect((await revoke(C!.credential, R1, await signed('94/QĐ-GIA'))).status).toBe(403);
    // And the record's own station may revoke it again, properly.
    expect((await revoke(A!.credential, R1, await signed('16/QĐ-SLĐTBXH'))).body.revocation).toMatchObject({
      documentNumber: '16/QĐ-SLĐTBXH',
      stationNumber: '001',
    });
  });

  it("reads only its departments' records, names who reads, and every read is in the access log", async () => {
    const A = stations.A!.credential;
    const B = stations.B!.credential;
    // D works for BTXH only: R1 (NCC, station A's) is not for it to read.
    const D = await enrol('D', '004', ['BTXH']);
    expect((await lookupAs(D, `ownerId=${OWNER.idNumber}`, 'canbo-d')).body.records).toEqual([]);
    expect((await lookupAs(D, `ownerId=${OTHER_OWNER.idNumber}`, 'canbo-d')).body.records).toHaveLength(1);
    expect(
      await api('GET', `/v1/records/${encodeURIComponent(R1)}/file?user=canbo-d`, { auth: D }),
    ).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden' } },
    });
    // A station must name who reads.
    expect((await api('GET', `/v1/records/${encodeURIComponent(R1)}/file`, { auth: A })).status).toBe(400);
    const file = await api('GET', `/v1/records/${encodeURIComponent(R1)}/file?user=vanthu-a`, { auth: A });
    expect(file.status).toBe(200);
    expect((await lookupAs(B, `ownerId=${OWNER.idNumber}`, 'vanthu-b')).body).toMatchObject({
      records: [{ receipt: { code: R1 } }],
      next: null,
    });
    // Central's administrator widens D's scope to the province: now it reads R1 too.
    const widened = await api('PUT', `/v1/admin/stations/${stations.D!.id}/scope`, {
      auth: ADMIN_TOKEN,
      body: { departments: ['BTXH'], readScope: 'province' },
    });
    expect(widened.body).toMatchObject({ stationNumber: '004', readScope: 'province' });
    expect((await lookupAs(D, `ownerId=${OWNER.idNumber}`, 'canbo-d')).body.records).toHaveLength(1);

    const log = (await api('GET', `/v1/admin/access-log?ownerId=${OWNER.idNumber}`, { auth: ADMIN_TOKEN }))
      .body.entries as { stationNumber: string; user: string; action: string; code: string | null }[];
    const newest = log.slice(0, 4);
    expect(
      newest.map(({ stationNumber, user, action, code: read }) => [stationNumber, user, action, read]),
    ).toEqual([
      ['004', 'canbo-d', 'lookup', R1],
      ['002', 'vanthu-b', 'lookup', R1],
      ['001', 'vanthu-a', 'file', R1],
      // D's search that found nothing is logged too: someone looked for this citizen.
      ['004', 'canbo-d', 'lookup', null],
    ]);
    const byStation = (
      await api('GET', `/v1/admin/access-log?stationId=${stations.D!.id}`, { auth: ADMIN_TOKEN })
    ).body.entries;
    expect(byStation.every((entry: { stationNumber: string }) => entry.stationNumber === '004')).toBe(true);
    expect((await api('GET', '/v1/admin/access-log', { auth: A })).status).toBe(401);
  });

  it('limits lookups by owner ID per station, without harming other stations', async () => {
    const E = await enrol('E', '005', ['NCC']);
    for (let n = 0; n < 5; n++) expect((await lookupAs(E, `ownerId=${OWNER.idNumber}`)).status).toBe(200);
    const limited = await lookupAs(E, `ownerId=${OWNER.idNumber}`);
    expect(limited).toMatchObject({ status: 429, body: { error: { code: 'rateLimited' } } });
    expect(limited.body.error.detail.retryAfterSeconds).toBeGreaterThan(0);
    // Lookups by code are not counted, and another station is not held back.
    expect((await lookupAs(E, `code=${R1}`)).status).toBe(200);
    expect((await lookupAs(stations.B!.credential, `ownerId=${OWNER.idNumber}`)).status).toBe(200);
  });

  it('answers a malformed parameter with a 400 and a malformed credential with a 401, never a 500', async () => {
    const A = stations.A!.credential;
    const malformed: [string, string, string][] = [
      ['PUT', '/v1/records/uploads/not-a-uuid?offset=0', A],
      ['POST', '/v1/records/uploads/12345/complete', A],
      ['GET', `/v1/records/a%00b/file?user=vanthu`, A],
      ['POST', `/v1/records/a%07b/revocation`, A],
      ['GET', `/v1/records?code=${R1}&user=vanthu&offset=1e1`, A],
      ['POST', '/v1/admin/stations/not-a-station/revoke', ADMIN_TOKEN],
      ['GET', '/v1/admin/access-log?stationId=nope', ADMIN_TOKEN],
    ];
    for (const [method, path, auth] of malformed) {
      const answer = await api(method, path, {
        auth,
        ...(method === 'PUT' ? { binary: Buffer.alloc(4) } : method === 'POST' ? { body: {} } : {}),
      });
      expect(answer, `${method} ${path}`).toMatchObject({
        status: 400,
        body: { error: { code: 'invalidRequest' } },
      });
    }
    for (const credential of [
      '------------------------------------.x',
      'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz.x',
    ]) {
      expect((await lookupAs(credential, `code=${R1}`)).status).toBe(401);
    }
  });

  it('bounds open uploads per station, drops a file that fails its check, and sweeps abandoned ones', async () => {
    const F = await enrol('F', '006', ['NCC']);
    const announce = (auth: string, n: number, bytes: number) =>
      api('POST', '/v1/records/uploads', {
        auth,
        body: {
          code: code('006', n),
          sha256: sha256Hex(Buffer.from(String(n))),
          bytes,
          meta: recordMeta(OWNER),
        },
      });
    for (let n = 1; n <= 200; n++) expect((await announce(F, n, 1000)).status, `upload ${n}`).toBe(200);
    expect(await announce(F, 201, 1000)).toMatchObject({
      status: 429,
      body: { error: { code: 'tooManyUploads' } },
    });
    // Announcing one already open again is no new upload.
    expect((await announce(F, 7, 1000)).status).toBe(200);
    // Bytes: 40 uploads of 500 MB fill a station's 20 GB; the 41st waits.
    const G = await enrol('G', '007', ['NCC']);
    for (let n = 1; n <= 40; n++) expect((await announce(G, 1000 + n, 500 * MB)).status).toBe(200);
    expect(await announce(G, 1041, 500 * MB)).toMatchObject({
      status: 507,
      body: { error: { code: 'uploadSpaceFull' } },
    });

    // An unsigned PDF: refused at completion, and nothing of it stays.
    const before = partFiles().length;
    const A = stations.A!.credential;
    const plain = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    const refused = await upload(A, code('001', 9), plain, recordMeta(OWNER));
    expect(refused).toMatchObject({ status: 422, body: { error: { code: 'invalidSignature' } } });
    expect(partFiles()).toHaveLength(before);
    const anew = await api('POST', '/v1/records/uploads', {
      auth: A,
      body: { code: code('001', 9), sha256: sha256Hex(plain), bytes: plain.length, meta: recordMeta(OWNER) },
    });
    expect(anew.body).toMatchObject({ state: 'uploading', received: 0 });

    // Three of F's uploads got a first chunk, then F went silent. Central restarts with a
    // short expiry: its sweep at start removes their part files, and F has room again.
    for (const n of [1, 2, 3]) {
      const begun = await announce(F, n, 1000);
      expect(
        (
          await api('PUT', `/v1/records/uploads/${begun.body.uploadId}?offset=0`, {
            auth: F,
            binary: Buffer.alloc(10),
          })
        ).status,
      ).toBe(200);
    }
    expect(partFiles().length).toBeGreaterThanOrEqual(3);
    await central.stop();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await start({ SOHOA_UPLOAD_EXPIRY_HOURS: String(1 / 3600) });
    expect(partFiles()).toEqual([]);
    expect((await announce(F, 201, 1000)).status).toBe(200);
  });

  it("keeps Central's data owner-only: folders 0700, files 0600", () => {
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, 'receipt-key.pem'))).toBe(0o600);
    expect(modeOf(join(dataDir, 'uploads'))).toBe(0o700);
    expect(modeOf(join(dataDir, 'blobs'))).toBe(0o700);
    const blobs = readdirSync(join(dataDir, 'blobs'), { recursive: true, withFileTypes: true }).filter(
      (entry) => entry.isFile(),
    );
    expect(blobs.length).toBeGreaterThanOrEqual(2);
    for (const blob of blobs) expect(modeOf(join(blob.parentPath, blob.name))).toBe(0o600);
    if (kind === 'pglite') {
      // PGlite's WebAssembly file system makes its files 0666 whatever the umask; every
      // folder on the way to them is its owner's only, so no other user reaches them.
      expect(modeOf(join(dataDir, 'pglite'))).toBe(0o700);
      const folders = readdirSync(join(dataDir, 'pglite'), { recursive: true, withFileTypes: true }).filter(
        (entry) => entry.isDirectory(),
      );
      for (const folder of folders)
        expect(modeOf(join(folder.parentPath, folder.name)), folder.name).toBe(0o700);
    }
  });
});
