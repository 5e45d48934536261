import type { FastifyInstance, InjectOptions } from 'fastify';
import { ADMIN_TOKEN } from './central';
import { sha256Hex, type recordMeta } from './signed-records';

/**
 * Calls to an in-process SoHoa Central as its clients make them: `call` with a bearer token,
 * `enrol` a station for departments, `upload` a record's file the way the station's sync does.
 */
export function centralCalls(app: () => FastifyInstance) {
  const call = async (options: InjectOptions & { auth?: string }) => {
    const { auth, ...rest } = options;
    const reply = await app().inject({
      ...rest,
      headers: { ...(rest.headers ?? {}), ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    });
    return {
      status: reply.statusCode,
      headers: reply.headers,
      body: String(reply.headers['content-type']).includes('json') ? reply.json() : reply.rawPayload,
    };
  };

  /** A station enrolled for `departments` with a one-time code: its bearer credential. */
  const enrol = async (departments = ['NCC'], stationNumber = '007') => {
    const made = await call({
      method: 'POST',
      url: '/v1/admin/enrolments',
      auth: ADMIN_TOKEN,
      payload: { departments },
    });
    if (made.status !== 201) throw new Error(`enrolment code: ${made.status}`);
    const enrolled = await call({
      method: 'POST',
      url: '/v1/enrol',
      payload: { code: made.body.code, stationNumber },
    });
    if (enrolled.status !== 201) throw new Error(`enrol: ${enrolled.status}`);
    return `${enrolled.body.stationId}.${enrolled.body.secret}`;
  };

  /** Announces, sends in chunks, completes: what the station's sync does. */
  const upload = async (
    auth: string,
    recordCode: string,
    pdf: Buffer,
    meta: ReturnType<typeof recordMeta>,
    chunk = 64 * 1024,
  ) => {
    const begun = await call({
      method: 'POST',
      url: '/v1/records/uploads',
      auth,
      payload: { code: recordCode, sha256: sha256Hex(pdf), bytes: pdf.length, meta },
    });
    if (begun.status !== 200 || begun.body.state === 'stored') return begun;
    for (let offset = begun.body.received; offset < pdf.length; offset += chunk) {
      const sent = await call({
        method: 'PUT',
        url: `/v1/records/uploads/${begun.body.uploadId}?offset=${offset}`,
        auth,
        headers: { 'content-type': 'application/octet-stream' },
        payload: pdf.subarray(offset, offset + chunk),
      });
      if (sent.status !== 200) throw new Error(`chunk: ${sent.status}`);
    }
    return call({ method: 'POST', url: `/v1/records/uploads/${begun.body.uploadId}/complete`, auth });
  };

  return { call, enrol, upload };
}
