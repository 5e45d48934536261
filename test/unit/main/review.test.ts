import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { revocationAttestationSchema, revocationStatement } from '../../../src-shared/domain/revocation';
import { signingSettingsSchema } from '../../../src-shared/domain/settings';
import { checkDetachedSignature } from '../../../src-node/signing/detached-signature';
import { loadTrustStore } from '../../../src-node/signing/trust-store';
import { createTestPki, P12_PASSWORD } from '../../support/test-pki';
import { decisionAttestationSchema } from '../../../src-shared/review/review-decision';
import { backendWithClerk, valueOf } from '../../support/backend';

const SUPERVISOR = {
  username: 'nguoiduyet',
  displayName: 'Phạm Văn Duyệt',
  password: 'Duyet2026',
  roles: ['supervisor' as const],
};
/** Someone who both captures and reviews (a small office). */
const BOTH = {
  username: 'kiemnhiem',
  displayName: 'Lê Thị Kiêm',
  password: 'Kiem2026',
  roles: ['clerk' as const, 'supervisor' as const],
};
const SHA = 'a'.repeat(64);
const CODE = '000.00.12.H20.2026.005000001K';

describe('review decisions are made in main', () => {
  let backend: Awaited<ReturnType<typeof backendWithClerk>>;
  const ids: Record<string, string> = {};

  beforeEach(async () => {
    backend = await backendWithClerk();
    for (const [key, user] of Object.entries({ supervisor: SUPERVISOR, both: BOTH })) {
      ids[key] = valueOf<{ id: string }>(await backend.call('admin', 'users.create', user)).id;
      valueOf(await backend.call(key, 'auth.login', { username: user.username, password: user.password }));
    }
    ids.clerk = backend.services.accounts.list().find((each) => each.username === 'vanthu')!.id;
  });
  afterEach(() => backend.dir.remove());

  /** What the renderer sends for one record, with main's attestation of who signed its file. */
  const item = (signedBy: string, capturedBy = signedBy, sha256 = SHA) => ({
    code: CODE,
    sha256,
    capturedBy,
    finalized: backend.services.attestor.sign({
      kind: 'finalized',
      code: CODE,
      sha256: SHA,
      by: signedBy,
      at: 1,
    }),
  });
  const decide = (session: string, request: object) => backend.call(session, 'review.decide', request);

  it('lets a supervisor approve a clerk’s record, with main’s attestation of the decision', async () => {
    const reply = valueOf<{ decisions: string[] }>(
      await decide('supervisor', { items: [item(ids.clerk!)], decision: 'approve' }),
    );
    const facts = backend.services.attestor.verify(reply.decisions[0]!, decisionAttestationSchema);
    expect(facts).toMatchObject({ kind: 'approved', code: CODE, sha256: SHA, by: ids.supervisor });
  });

  it('refuses a clerk’s and an administrator’s approve call', async () => {
    for (const session of ['clerk', 'admin']) {
      expect(await decide(session, { items: [item(ids.clerk!)], decision: 'approve' })).toMatchObject({
        ok: false,
        error: { code: 'auth.forbidden' },
      });
    }
  });

  it('refuses self-approval under the four-eyes rule: signed or captured by the reviewer', async () => {
    for (const each of [item(ids.both!, ids.clerk!), item(ids.clerk!, ids.both!)]) {
      expect(await decide('both', { items: [each], decision: 'approve' })).toMatchObject({
        ok: false,
        error: { code: 'review.selfApproval', params: { code: CODE } },
      });
    }
    // All or none: one record of theirs in the request refuses the whole request.
    expect(
      await decide('both', { items: [item(ids.clerk!), item(ids.both!)], decision: 'approve' }),
    ).toMatchObject({ ok: false, error: { code: 'review.selfApproval' } });
    // Rejecting one's own record is allowed: it only sends it back.
    const reject = {
      items: [item(ids.both!)],
      decision: 'reject',
      reason: { code: 'imageQuality', text: '' },
    };
    expect((await decide('both', reject)).ok).toBe(true);
  });

  it('allows it when the administrator turns the four-eyes rule off', async () => {
    const { review } = backend.services.settings.get();
    valueOf(await backend.call('admin', 'settings.update', { review: { ...review, fourEyes: false } }));
    expect((await decide('both', { items: [item(ids.both!)], decision: 'approve' })).ok).toBe(true);
  });

  it('refuses a forged or borrowed attestation, and a rejection without a reason', async () => {
    // One character changed well inside the signature (the last one may carry only padding
    // bits, and may already be the replacement: both left this test passing a valid token).
    const token = item(ids.clerk!).finalized;
    const at = token.length - 10;
    const forged = {
      ...item(ids.clerk!),
      finalized: token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1),
    };
    expect(await decide('supervisor', { items: [forged], decision: 'approve' })).toMatchObject({
      ok: false,
      error: { code: 'review.attestationInvalid' },
    });
    // An attestation of another file: the renderer cannot move it to a changed one.
    expect(
      await decide('supervisor', {
        items: [item(ids.clerk!, ids.clerk!, 'b'.repeat(64))],
        decision: 'approve',
      }),
    ).toMatchObject({ ok: false, error: { code: 'review.attestationInvalid' } });
    expect(await decide('supervisor', { items: [item(ids.clerk!)], decision: 'reject' })).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidRequest' },
    });
  });

  it('attests a supervisor’s revocation, refuses a clerk’s, and lets only an attested one go to Central', async () => {
    const revocation = { date: '2026-11-30', documentNumber: '15/QĐ-SLĐTBXH', reason: 'Cấp sai đối tượng' };
    expect(await backend.call('clerk', 'review.revoke', { code: CODE, revocation })).toMatchObject({
      ok: false,
      error: { code: 'auth.forbidden' },
    });
    // Signed with the supervisor's signing device: locked, or not set up, nothing is recorded.
    expect(await backend.call('supervisor', 'review.revoke', { code: CODE, revocation })).toMatchObject({
      ok: false,
      error: { code: 'signing.notConfigured' },
    });
    const pki = createTestPki(backend.dir.path);
    valueOf(
      await backend.call('admin', 'settings.update', {
        signing: signingSettingsSchema.parse({ method: 'pkcs12', pkcs12File: pki.agency.p12Path }),
      }),
    );
    expect(await backend.call('supervisor', 'review.revoke', { code: CODE, revocation })).toMatchObject({
      ok: false,
      error: { code: 'signing.locked' },
    });
    valueOf(await backend.call('supervisor', 'signing.unlock', { secret: P12_PASSWORD }));
    const reply = valueOf<{ attestation: string; revocation: object }>(
      await backend.call('supervisor', 'review.revoke', { code: CODE, revocation }),
    );
    const facts = backend.services.attestor.verify(reply.attestation, revocationAttestationSchema);
    expect(facts).toMatchObject({ kind: 'revoked', code: CODE, ...revocation, by: ids.supervisor });
    // The signature is over the revocation's statement, by the device's certificate, trusted.
    const check = checkDetachedSignature(
      Buffer.from(facts.signature, 'base64'),
      Buffer.from(revocationStatement(CODE, { ...revocation, by: ids.supervisor!, at: facts.at })),
      await loadTrustStore([pki.trustDir]),
      new Date(facts.at),
    );
    expect(check).toMatchObject({ valid: true, chain: 'trusted' });
    expect(reply.revocation).toEqual({ ...revocation, by: ids.supervisor, at: facts.at });
    // A clerk's session may send it (the background sync), but only as main attested it.
    const tampered = reply.attestation.replace(/^[^.]+/, (body) =>
      Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), code: 'OTHER' }),
      ).toString('base64url'),
    );
    const approval = backend.services.attestor.sign({
      kind: 'approved',
      code: CODE,
      sha256: SHA,
      by: 'x',
      at: 1,
    });
    for (const attestation of [tampered, approval]) {
      expect(await backend.call('clerk', 'sync.revoke', { attestation })).toMatchObject({
        ok: false,
        error: { code: 'review.attestationInvalid' },
      });
    }
    // The genuine one passes main's check and stops only at the missing Central address.
    expect(await backend.call('clerk', 'sync.revoke', { attestation: reply.attestation })).toMatchObject({
      ok: false,
      error: { code: 'sync.notConfigured' },
    });
    expect(
      await backend.call('supervisor', 'review.revoke', {
        code: CODE,
        revocation: { ...revocation, reason: ' ' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'ipc.invalidRequest' } });
  });
});
