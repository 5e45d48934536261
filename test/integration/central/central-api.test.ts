import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextAuditEntry, type AuditEntry } from '../../../src-shared/audit/audit-chain';
import { CENTRAL_ROUTES } from '../../../src-shared/central/central-routes';
import { openPkcs12Signer } from '../../../src-main/signing/pkcs12-signer';
import type { Signer } from '../../../src-main/signing/signer';
import { signerName } from '../../../src-node/signing/certificate';
import { readRecordXmp } from '../../../src-node/pdf/record-xmp';
import type { RecordMeta } from '../../../src-shared/central/central-api';
import { ADMIN_TOKEN, startCentral } from '../../support/central';
import { recordMeta, sha256Hex, signedRecord, signedRevocation } from '../../support/signed-records';
import { makeTempDir } from '../../support/temp-dir';
import { centralCalls } from '../../support/central-calls';
import { startS3Server } from '../../support/s3-server';
import { s3BlobStore } from '../../../src-server/storage/s3-blob-store';
import { createTestPki, P12_PASSWORD } from '../../support/test-pki';

const ANH = { idNumber: '087085001234', name: 'Nguyễn Văn Ánh', number: '49/QĐ-SLĐTBXH' };
const code = (n: number) => `000.00.12.H20.2026.00700000${n}X`;

/**
 * The same API over each way Central keeps things: embedded PGlite with files and staging on
 * disk (one process), PostgreSQL with uploads staged in the database (several processes), and
 * that with files in an S3-compatible object store.
 */
const SETUPS = [
  { kind: 'pglite', blobs: 'disk', staging: 'disk' },
  { kind: 'postgres', blobs: 'disk', staging: 'database' },
  { kind: 'postgres', blobs: 's3', staging: 'database' },
] as const;

describe.each(SETUPS)('SoHoa Central API on $kind, files on $blobs, uploads staged on $staging', (setup) => {
  const { kind } = setup;
  const dir = makeTempDir('sohoa-central-api-');
  const pki = createTestPki(dir.path);
  // Another authority nobody trusts here, with the same agency names.
  const stranger = createTestPki(join(dir.path, 'stranger'));
  let central: Awaited<ReturnType<typeof startCentral>>;
  let s3: Awaited<ReturnType<typeof startS3Server>> | null = null;
  let app: FastifyInstance;
  let signer: Signer;
  let untrusted: Signer;
  let station = '';

  const { call, enrol: enrolFor, upload: uploadAs } = centralCalls(() => app);
  const enrol = (stationNumber = '007', departments = ['NCC', 'BTXH']) =>
    enrolFor(departments, stationNumber);
  const upload = (auth: string, recordCode: string, pdf: Buffer, meta = recordMeta(ANH), chunk = 64 * 1024) =>
    uploadAs(auth, recordCode, pdf, meta, chunk);

  beforeAll(async () => {
    s3 = setup.blobs === 's3' ? await startS3Server() : null;
    central = await startCentral(
      kind,
      pki.trustDir,
      {},
      {
        staging: setup.staging,
        ...(s3 ? { blobs: s3BlobStore(s3.options) } : {}),
      },
    );
    app = central.app;
    signer = await openPkcs12Signer(pki.agency.p12Path, P12_PASSWORD);
    untrusted = await openPkcs12Signer(stranger.agency.p12Path, P12_PASSWORD);
    station = await enrol();
  }, 60_000);
  afterAll(async () => {
    await central?.close();
    await s3?.close();
    await signer?.close();
    await untrusted?.close();
    dir.remove();
  });

  it('answers its health check and serves its OpenAPI document', async () => {
    expect((await call({ method: 'GET', url: '/health' })).body).toMatchObject({ status: 'ok' });
    const { body } = await call({ method: 'GET', url: '/docs/openapi.json' });
    expect(body.openapi).toBe('3.0.3');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/enrol',
        '/v1/records/uploads',
        '/v1/records/uploads/{uploadId}',
        '/v1/records',
        '/v1/stats',
        '/v1/audit',
      ]),
    );
    expect(
      body.paths['/v1/records/uploads'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(expect.arrayContaining(['code', 'sha256', 'bytes', 'meta']));
    // Every route of the table is documented, with its params and the refusals it answers.
    const operations = Object.values(body.paths as Record<string, object>).flatMap((path) =>
      Object.keys(path),
    );
    expect(operations).toHaveLength(Object.keys(CENTRAL_ROUTES).length);
    const chunk = body.paths['/v1/records/uploads/{uploadId}'].put;
    expect(chunk.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'uploadId',
          in: 'path',
          schema: expect.objectContaining({ format: 'uuid' }),
        }),
        expect.objectContaining({ name: 'offset', in: 'query', required: true }),
      ]),
    );
    expect(chunk.responses['4XX'].description).toContain('uploadOffset (409)');
  });

  it('enrols a station once per code, and refuses bad credentials and revoked stations', async () => {
    expect(
      (await call({ method: 'POST', url: '/v1/admin/enrolments', auth: 'wrong', payload: {} })).status,
    ).toBe(401);
    const made = await call({
      method: 'POST',
      url: '/v1/admin/enrolments',
      auth: ADMIN_TOKEN,
      payload: { note: 'Huyện Lai Vung', departments: ['NCC'] },
    });
    const first = await call({
      method: 'POST',
      url: '/v1/enrol',
      payload: { code: made.body.code, stationNumber: '011' },
    });
    expect(first.status).toBe(201);
    const again = await call({
      method: 'POST',
      url: '/v1/enrol',
      payload: { code: made.body.code, stationNumber: '012' },
    });
    expect(again).toMatchObject({ status: 403, body: { error: { code: 'enrolmentInvalid' } } });

    const lookup = (auth?: string) =>
      call({ method: 'GET', url: `/v1/records?code=${code(9)}&user=vanthu`, ...(auth ? { auth } : {}) });
    const credential = `${first.body.stationId}.${first.body.secret}`;
    expect((await lookup(credential)).status).toBe(200);
    expect(await lookup()).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    expect((await lookup(`${first.body.stationId}.not-the-secret`)).status).toBe(401);
    expect((await lookup('garbage')).status).toBe(401);
    const revoked = await call({
      method: 'POST',
      url: `/v1/admin/stations/${first.body.stationId}/revoke`,
      auth: ADMIN_TOKEN,
    });
    expect(revoked.status).toBe(200);
    expect(await lookup(credential)).toMatchObject({
      status: 403,
      body: { error: { code: 'stationRevoked' } },
    });
    const { body } = await call({ method: 'GET', url: '/v1/admin/stations', auth: ADMIN_TOKEN });
    expect(
      body.stations.find((each: { stationId: string }) => each.stationId === first.body.stationId).revokedAt,
    ).not.toBeNull();
  });

  it('stores a record once: the same upload twice gets the same receipt; other content under its code is a conflict', async () => {
    const record = await signedRecord(signer, code(1), recordMeta(ANH));
    const stored = await upload(station, code(1), record.pdf);
    expect(stored.status).toBe(200);
    const { receipt } = stored.body;
    expect(receipt).toMatchObject({ code: code(1), sha256: record.sha256, bytes: record.pdf.length });
    const twice = await upload(station, code(1), record.pdf);
    expect(twice.body).toEqual({ state: 'stored', receipt });
    const other = await signedRecord(signer, code(1), recordMeta({ ...ANH, name: 'Nguyễn Văn Anh' }));
    expect(await upload(station, code(1), other.pdf)).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict' } },
    });
    // The file is there, byte for byte.
    const file = await call({
      method: 'GET',
      url: `/v1/records/${encodeURIComponent(code(1))}/file?user=vanthu`,
      auth: station,
    });
    expect(Buffer.compare(file.body as Buffer, record.pdf)).toBe(0);
  });

  it('resumes an upload where Central stands, and refuses a chunk at the wrong offset', async () => {
    const record = await signedRecord(signer, code(2), recordMeta(ANH));
    const meta = recordMeta(ANH);
    const announce = () =>
      call({
        method: 'POST',
        url: '/v1/records/uploads',
        auth: station,
        payload: { code: code(2), sha256: record.sha256, bytes: record.pdf.length, meta },
      });
    const begun = await announce();
    const half = Math.floor(record.pdf.length / 2);
    const put = (offset: number, bytes: Buffer) =>
      call({
        method: 'PUT',
        url: `/v1/records/uploads/${begun.body.uploadId}?offset=${offset}`,
        auth: station,
        headers: { 'content-type': 'application/octet-stream' },
        payload: bytes,
      });
    expect((await put(0, record.pdf.subarray(0, half))).body).toEqual({ received: half });
    // The connection dropped here; the station asks again and goes on from Central's offset.
    expect((await announce()).body).toEqual({
      state: 'uploading',
      uploadId: begun.body.uploadId,
      received: half,
    });
    expect(await put(0, record.pdf.subarray(0, 10))).toMatchObject({
      status: 409,
      body: { error: { code: 'uploadOffset', detail: { received: half } } },
    });
    expect((await put(half, record.pdf.subarray(half))).body).toEqual({ received: record.pdf.length });
    const done = await call({
      method: 'POST',
      url: `/v1/records/uploads/${begun.body.uploadId}/complete`,
      auth: station,
    });
    expect(done.body.receipt.sha256).toBe(record.sha256);
  });

  it('refuses a file whose hash is not the one announced, and then takes it again from the start', async () => {
    const record = await signedRecord(signer, code(3), recordMeta(ANH));
    const damaged = Buffer.from(record.pdf);
    damaged[damaged.length - 100] = damaged[damaged.length - 100]! ^ 0xff;
    const begun = await call({
      method: 'POST',
      url: '/v1/records/uploads',
      auth: station,
      payload: { code: code(3), sha256: record.sha256, bytes: record.pdf.length, meta: recordMeta(ANH) },
    });
    await call({
      method: 'PUT',
      url: `/v1/records/uploads/${begun.body.uploadId}?offset=0`,
      auth: station,
      headers: { 'content-type': 'application/octet-stream' },
      payload: damaged,
    });
    const complete = await call({
      method: 'POST',
      url: `/v1/records/uploads/${begun.body.uploadId}/complete`,
      auth: station,
    });
    expect(complete).toMatchObject({ status: 422, body: { error: { code: 'hashMismatch' } } });
    expect(
      (await call({ method: 'GET', url: `/v1/records?code=${code(3)}&user=vanthu`, auth: station })).body
        .records,
    ).toEqual([]);
    expect((await upload(station, code(3), record.pdf)).status).toBe(200);
  });

  it('refuses unsigned, tampered, untrusted and malformed files, keeping none of them', async () => {
    const unsignedPdf = Buffer.from(
      (await signedRecord(signer, code(4), recordMeta(ANH))).pdf
        .toString('latin1')
        .replace(/\/ByteRange/g, '/NoRange'),
      'latin1',
    );
    expect(await upload(station, code(4), unsignedPdf)).toMatchObject({
      status: 422,
      body: { error: { code: 'invalidSignature' } },
    });

    const signed = await signedRecord(signer, code(5), recordMeta(ANH));
    const text = signed.pdf.toString('latin1');
    const tampered = Buffer.from(text.replace('Nguy', 'Ngux'), 'latin1');
    expect(tampered.equals(signed.pdf)).toBe(false);
    expect(await upload(station, code(5), tampered)).toMatchObject({
      status: 422,
      body: { error: { code: 'invalidSignature' } },
    });

    const stranger = await signedRecord(untrusted, code(6), recordMeta(ANH));
    expect(await upload(station, code(6), stranger.pdf)).toMatchObject({
      status: 422,
      body: { error: { code: 'invalidSignature', detail: { chain: 'untrusted' } } },
    });
    expect(await upload(station, code(7), Buffer.from('not a pdf at all, just words'))).toMatchObject({
      status: 422,
      body: { error: { code: 'malformedPdf' } },
    });
    // A signed file of another record is not this record.
    const otherCode = await signedRecord(signer, code(8), recordMeta(ANH));
    expect(await upload(station, code(9), otherCode.pdf)).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict' } },
    });
    for (const each of [4, 5, 6, 7, 9]) {
      expect(
        (await call({ method: 'GET', url: `/v1/records?code=${code(each)}&user=vanthu`, auth: station })).body
          .records,
      ).toEqual([]);
    }
  });

  it('answers a malformed path or query parameter with a 400, never a 500', async () => {
    const { pdf } = await signedRecord(signer, code(9), recordMeta(ANH));
    const begun = await call({
      method: 'POST',
      url: '/v1/records/uploads',
      auth: station,
      payload: { code: code(9), sha256: sha256Hex(pdf), bytes: pdf.length, meta: recordMeta(ANH) },
    });
    expect(begun.status).toBe(200);
    const chunk = {
      auth: station,
      headers: { 'content-type': 'application/octet-stream' },
      payload: pdf.subarray(0, 10),
    };
    const malformed = [
      { method: 'PUT' as const, url: '/v1/records/uploads/not-a-uuid?offset=0', ...chunk },
      { method: 'POST' as const, url: '/v1/records/uploads/12345/complete', auth: station },
      // "1e1" would be read as 10 by a number parser.
      { method: 'PUT' as const, url: `/v1/records/uploads/${begun.body.uploadId}?offset=1e1`, ...chunk },
      { method: 'PUT' as const, url: `/v1/records/uploads/${begun.body.uploadId}?offset=-1`, ...chunk },
      { method: 'GET' as const, url: `/v1/records/${encodeURIComponent('a\u0000b')}/file`, auth: station },
      {
        method: 'POST' as const,
        url: `/v1/records/${encodeURIComponent('a\u0007b')}/revocation`,
        auth: station,
        payload: {},
      },
      { method: 'POST' as const, url: '/v1/admin/stations/not-a-station/revoke', auth: ADMIN_TOKEN },
    ];
    for (const request of malformed) {
      const answer = await call(request);
      expect(answer, `${request.method} ${request.url}`).toMatchObject({
        status: 400,
        body: { error: { code: 'invalidRequest' } },
      });
    }
    // The offset in digits still works.
    const sent = await call({
      method: 'PUT',
      url: `/v1/records/uploads/${begun.body.uploadId}?offset=0`,
      ...chunk,
    });
    expect(sent).toMatchObject({ status: 200, body: { received: 10 } });
  });

  it('refuses requests off the schema and bodies over the limits, with 4xx and a clear error', async () => {
    const bad = await call({
      method: 'POST',
      url: '/v1/records/uploads',
      auth: station,
      payload: { code: code(1), sha256: 'xyz' },
    });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'invalidRequest' } } });
    expect(bad.body.error.message).toMatch(/sha256/);
    const tooBig = await call({
      method: 'POST',
      url: '/v1/records/uploads',
      auth: station,
      payload: { code: code(10), sha256: 'a'.repeat(64), bytes: 60 * 1024 * 1024, meta: recordMeta(ANH) },
    });
    expect(tooBig).toMatchObject({ status: 413, body: { error: { code: 'tooLarge' } } });
    const begun = await call({
      method: 'POST',
      url: '/v1/records/uploads',
      auth: station,
      payload: { code: code(10), sha256: 'a'.repeat(64), bytes: 10 * 1024 * 1024, meta: recordMeta(ANH) },
    });
    const hugeChunk = await call({
      method: 'PUT',
      url: `/v1/records/uploads/${begun.body.uploadId}?offset=0`,
      auth: station,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.alloc(5 * 1024 * 1024),
    });
    expect(hugeChunk).toMatchObject({ status: 413, body: { error: { code: 'tooLarge' } } });
    const hugeJson = await call({
      method: 'POST',
      url: '/v1/audit',
      auth: station,
      payload: { entries: 'x'.repeat(300 * 1024) },
    });
    expect(hugeJson.status).toBe(413);
  });

  it('looks records up by code, owner ID, document number and dossier code; counts each result once, its correction replacing it', async () => {
    const owner = { idNumber: '001190012345', name: 'Trần Thị Bích', number: '120/QĐ-SLĐTBXH' };
    // Issued under a one-stop dossier, its paper in an archive box: both in the file's XMP and on Central.
    const paper = { dossierCode: '000.00.12.H20-241105-0042', box: 'H-0012', shelf: 'K3' };
    const originalMeta = recordMeta(owner, { fields: { ...recordMeta(owner).fields, ...paper } });
    const original = await signedRecord(signer, code(11), originalMeta);
    expect(await readRecordXmp(original.pdf)).toMatchObject(paper);
    expect((await upload(station, code(11), original.pdf, originalMeta)).status).toBe(200);
    const byDossier = await call({
      method: 'GET',
      url: `/v1/records?dossierCode=${paper.dossierCode.toLowerCase()}&user=vanthu`,
      auth: station,
    });
    expect(byDossier.status).toBe(200);
    expect(
      byDossier.body.records.map((each: { receipt: { code: string }; meta: RecordMeta }) => [
        each.receipt.code,
        each.meta.fields.box,
      ]),
    ).toEqual([[code(11), 'H-0012']]);
    const correctionMeta = recordMeta(owner, { supersedes: code(11), departmentCode: 'BTXH' });
    const correction = await signedRecord(signer, code(12), correctionMeta);
    expect((await upload(station, code(12), correction.pdf, correctionMeta)).status).toBe(200);

    const byOwner = await call({
      method: 'GET',
      url: `/v1/records?ownerId=${owner.idNumber}&user=vanthu`,
      auth: station,
    });
    expect(
      byOwner.body.records.map((each: { receipt: { code: string }; supersededBy: string | null }) => [
        each.receipt.code,
        each.supersededBy,
      ]),
    ).toEqual([
      [code(11), code(12)],
      [code(12), null],
    ]);
    expect(byOwner.body.records[0].stationNumber).toBe('007');
    const byNumber = await call({
      method: 'GET',
      url: `/v1/records?documentNumber=${encodeURIComponent('120/qđ-slđtbxh')}`,
      auth: ADMIN_TOKEN,
    });
    expect(byNumber.body.records).toHaveLength(2);
    expect((await call({ method: 'GET', url: '/v1/records?user=vanthu', auth: station })).status).toBe(400);
    // A station names who reads personal data.
    expect(
      (await call({ method: 'GET', url: `/v1/records?ownerId=${owner.idNumber}`, auth: station })).status,
    ).toBe(400);

    // An owner with many results is answered a page at a time (rows written straight into the
    // database: 51 signed uploads would only slow the test down).
    const many = '079090000051';
    const stationId = station.split('.')[0];
    for (let n = 0; n < 51; n++) {
      await central.db.query(
        `INSERT INTO records (server_id, code, sha256, bytes, station_id, meta, owner_id, department_code, pages, stored_at)
           VALUES (gen_random_uuid(), $1, $2, 1, $3, $4, $5, 'NCC', 1, now())`,
        [
          `PAGE-${String(n).padStart(2, '0')}`,
          'b'.repeat(64),
          stationId,
          JSON.stringify(recordMeta(ANH)),
          many,
        ],
      );
    }
    const page = (offset?: number) =>
      call({
        method: 'GET',
        url: `/v1/records?ownerId=${many}&user=vanthu${offset === undefined ? '' : `&offset=${offset}`}`,
        auth: station,
      });
    const firstPage = (await page()).body;
    expect(firstPage.records).toHaveLength(50);
    expect(firstPage.next).toBe(50);
    const lastPage = (await page(50)).body;
    expect(lastPage.records.map((each: { receipt: { code: string } }) => each.receipt.code)).toEqual([
      'PAGE-50',
    ]);
    expect(lastPage.next).toBeNull();
    await central.db.query(`DELETE FROM records WHERE code LIKE 'PAGE-%'`);

    const stats = async (by: string) =>
      (await call({ method: 'GET', url: `/v1/stats?by=${by}`, auth: station })).body.rows;
    // code(1), (2), (3) are NCC; code(11) was superseded by code(12), a BTXH record: counted once.
    expect(await stats('department')).toEqual([
      { key: 'BTXH', records: 1, pages: 1 },
      { key: 'NCC', records: 3, pages: 3 },
    ]);
    expect(await stats('procedure')).toEqual([{ key: '1.001257', records: 4, pages: 4 }]);
    expect(await stats('month')).toEqual([{ key: '2026-11', records: 4, pages: 4 }]);
    expect(await stats('station')).toEqual([{ key: '007', records: 4, pages: 4 }]);
  });

  it('keeps revocations beside their records (the first holds) and serves progress across stations from the inventories they sent', async () => {
    const revoke = async (auth: string, recordCode: string, revocation: typeof byCentral, by = signer) =>
      call({
        method: 'POST',
        url: `/v1/records/${encodeURIComponent(recordCode)}/revocation`,
        auth,
        payload: await signedRevocation(by, recordCode, revocation),
      });
    const byCentral = {
      date: '2026-11-01',
      documentNumber: '15/QĐ-SLĐTBXH',
      reason: 'Cấp sai đối tượng',
      by: 'u-supervisor',
      at: Date.UTC(2026, 10, 30),
    };
    const count = (entryId: number, departmentCode: string, n: number, countedAt: string) => ({
      entryId,
      departmentCode,
      procedureCode: '1.001257',
      count: n,
      countedAt,
      enteredBy: 'u-office',
      enteredAt: Date.UTC(2026, 10, 1) + entryId,
    });
    const other = await enrol('008');
    const first = [count(1, 'NCC', 10, '2026-01-10'), count(2, 'BTXH', 4, '2026-01-10')];
    const sendCounts = (auth: string, counts: object[]) =>
      call({ method: 'POST', url: '/v1/inventory', auth, payload: { counts } });
    expect((await sendCounts(station, first)).body).toEqual({ stored: 2 });
    // An answer lost, the batch sent again: stored once.
    expect((await sendCounts(station, first)).body).toEqual({ stored: 0 });
    // The other station recounts NCC later: the latest count holds, whichever station made it.
    expect((await sendCounts(other, [count(1, 'NCC', 6, '2026-06-01')])).body).toEqual({ stored: 1 });
    expect((await sendCounts(station, [{ ...count(3, 'NCC', -1, '2026-06-01') }])).status).toBe(400);

    const progress = async () => (await call({ method: 'GET', url: '/v1/progress', auth: ADMIN_TOKEN })).body;
    // NCC: code(1), (2), (3); BTXH: code(12), which replaced code(11) and counts once.
    let report = await progress();
    expect(report.overall).toEqual({ key: '', inventory: 10, digitized: 4, share: 0.4 });
    expect(report.byDepartment).toEqual([
      { key: 'BTXH', inventory: 4, digitized: 1, share: 0.25 },
      { key: 'NCC', inventory: 6, digitized: 3, share: 0.5 },
    ]);
    expect(report.target).toEqual({ milestone: { date: '2025-12-31', share: 1 }, met: false });

    const held = { ...byCentral, stationNumber: '007', signer: signerName(signer.certificate) };
    expect((await revoke(station, code(2), byCentral)).body).toEqual({ revocation: held });
    // Again, or another station's of the same department: the first revocation holds.
    const later = { ...byCentral, date: '2026-11-20', documentNumber: '16/QĐ-SLĐTBXH' };
    expect((await revoke(other, code(2), later)).body).toEqual({ revocation: held });
    // Revoked from a day still to come: valid until then.
    expect((await revoke(station, code(3), { ...byCentral, date: '2099-01-01' })).status).toBe(200);
    expect(await revoke(station, code(11), byCentral)).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict', detail: { supersededBy: code(12) } } },
    });
    expect(await revoke(station, code(1), { ...byCentral, date: '2020-01-01' })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalidRequest' } },
    });
    expect((await revoke(station, code(99), byCentral)).status).toBe(404);
    expect((await revoke(station, code(1), { ...byCentral, reason: '' })).status).toBe(400);
    // Signed by a certificate Central does not trust, even by its administrator: refused.
    expect(await revoke(ADMIN_TOKEN, code(1), byCentral, untrusted)).toMatchObject({
      status: 422,
      body: { error: { code: 'revocationSignature' } },
    });

    const found = await call({
      method: 'GET',
      url: `/v1/records?code=${encodeURIComponent(code(2))}&user=vanthu`,
      auth: other,
    });
    expect(found.body.records[0].revocation).toEqual(held);
    report = await progress();
    expect(report.byDepartment.find((line: { key: string }) => line.key === 'NCC')).toEqual({
      key: 'NCC',
      inventory: 6,
      digitized: 2,
      share: 2 / 6,
    });
    expect(report.overall.digitized).toBe(3);
  });

  it("continues a station's audit trail only where it left off", async () => {
    const entries: AuditEntry[] = [];
    for (let index = 0; index < 5; index++) {
      entries.push(
        nextAuditEntry(entries.at(-1), {
          at: index,
          userId: 'u1',
          station: '007',
          action: 'approve',
          recordId: `R${index}`,
        }),
      );
    }
    const send = (list: AuditEntry[]) =>
      call({ method: 'POST', url: '/v1/audit', auth: station, payload: { entries: list } });
    expect((await send(entries.slice(0, 3))).body).toEqual({ seq: 3, hash: entries[2]!.hash });
    // Sent again with more: the known ones are skipped, the rest appended.
    expect((await send(entries)).body).toEqual({ seq: 5, hash: entries[4]!.hash });
    const gap = nextAuditEntry(
      { seq: 6, hash: entries[4]!.hash },
      { at: 9, userId: 'u1', station: '007', action: 'sync' },
    );
    expect(await send([gap])).toMatchObject({ status: 422, body: { error: { code: 'auditBroken' } } });
    const rewritten = { ...entries[1]!, after: { forged: true } };
    expect(await send([rewritten])).toMatchObject({ status: 422, body: { error: { code: 'auditBroken' } } });
    expect((await call({ method: 'GET', url: '/v1/audit/head', auth: station })).body).toEqual({
      seq: 5,
      hash: entries[4]!.hash,
    });

    // Restored from a backup taken after entry 3: the restore's entry goes on from there, the
    // lost PC's entries 4 and 5 are moved aside and journaled; any other rewrite is refused.
    const sneaky = nextAuditEntry(entries[2], { at: 20, userId: 'u1', station: '007', action: 'sync' });
    expect(await send([sneaky])).toMatchObject({ status: 422, body: { error: { code: 'auditBroken' } } });
    const unlinked = nextAuditEntry(
      { seq: 3, hash: 'f'.repeat(64) },
      { at: 20, userId: 'u1', station: '007', action: 'restore' },
    );
    expect(await send([unlinked])).toMatchObject({ status: 422, body: { error: { code: 'auditBroken' } } });
    const restore = nextAuditEntry(entries[2], { at: 20, userId: 'u1', station: '007', action: 'restore' });
    const after = nextAuditEntry(restore, { at: 21, userId: 'u1', station: '007', action: 'login' });
    expect((await send([...entries.slice(0, 3), restore, after])).body).toEqual({ seq: 5, hash: after.hash });
    const journal = await call({ method: 'GET', url: '/v1/admin/journal', auth: ADMIN_TOKEN });
    expect((journal.body as { entries: { action: string; detail: unknown }[] }).entries[0]).toMatchObject({
      action: 'audit.forked',
      detail: { fromSeq: 4, movedEntries: 2 },
    });

    // Central's administrator reads the trail: newest first, the fork shown, checked whole.
    const stationId = station.split('.')[0]!;
    const read = (query = '') =>
      call({ method: 'GET', url: `/v1/admin/stations/${stationId}/audit${query}`, auth: ADMIN_TOKEN });
    expect((await read('?verify=1')).body).toMatchObject({
      total: 5,
      entries: [after, restore, entries[2]!, entries[1]!, entries[0]!].map(({ seq, hash }) => ({
        seq,
        hash,
      })),
      next: null,
      forks: [{ fromSeq: 4, setAside: 2 }],
      verification: { ok: true, entries: 5, problems: [] },
    });
    expect((await read()).body).toMatchObject({ verification: null });
    expect(
      await call({ method: 'GET', url: `/v1/admin/stations/${stationId}/audit`, auth: station }),
    ).toMatchObject({ status: 401 });
    expect(
      await call({ method: 'GET', url: `/v1/admin/stations/${randomUUID()}/audit`, auth: ADMIN_TOKEN }),
    ).toMatchObject({ status: 404, body: { error: { code: 'notFound' } } });
    // A row edited in the database behind Central's back shows when the trail is checked.
    await central.db.query(
      `UPDATE audit_entries SET entry = jsonb_set(entry, '{recordId}', '"R9"') WHERE station_id = $1 AND seq = 2`,
      [stationId],
    );
    expect((await read('?verify=1')).body).toMatchObject({
      verification: { ok: false, problems: [{ seq: 2, problem: 'changed' }] },
    });
  });

  it('stores a correction whose original it never got, and replaces an original that comes after its correction', async () => {
    // As the station sends a record: its one chunk completes the upload (complete=1).
    const sendWhole = async (recordCode: string, meta: ReturnType<typeof recordMeta>) => {
      const { pdf, sha256 } = await signedRecord(signer, recordCode, meta);
      const begun = await call({
        method: 'POST',
        url: '/v1/records/uploads',
        auth: station,
        payload: { code: recordCode, sha256, bytes: pdf.length, meta },
      });
      return call({
        method: 'PUT',
        url: `/v1/records/uploads/${begun.body.uploadId}?offset=0&complete=1`,
        auth: station,
        headers: { 'content-type': 'application/octet-stream' },
        payload: pdf,
      });
    };
    const supersededBy = async (recordCode: string) =>
      (await call({ method: 'GET', url: `/v1/records?code=${recordCode}`, auth: ADMIN_TOKEN })).body
        .records[0].supersededBy;
    // Sent back at review and corrected before it left the station: only the correction comes.
    const alone = await sendWhole(code(21), recordMeta(ANH, { supersedes: code(20) }));
    expect(alone).toMatchObject({ status: 200, body: { receipt: { code: code(21) } } });
    expect(await supersededBy(code(21))).toBeNull();
    // A correction that overtook its original on the way: the original is replaced as it is stored.
    expect((await sendWhole(code(23), recordMeta(ANH, { supersedes: code(22) }))).status).toBe(200);
    expect((await sendWhole(code(22), recordMeta(ANH))).status).toBe(200);
    expect(await supersededBy(code(22))).toBe(code(23));
    const feed = await central.db.query<{ kind: string; code: string }>(
      'SELECT kind, code FROM changes ORDER BY seq DESC LIMIT 3',
    );
    expect(feed.reverse()).toEqual([
      { kind: 'stored', code: code(23) },
      { kind: 'stored', code: code(22) },
      { kind: 'replaced', code: code(22) },
    ]);
  });
});
