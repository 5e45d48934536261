import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, CLERK, makeBackend } from '../../support/backend';

describe('IPC registry in main', () => {
  let backend: ReturnType<typeof makeBackend>;
  afterEach(() => backend.dir.remove());

  const setUp = async () => {
    backend = makeBackend();
    const admin = await backend.call('window:1', 'auth.setupAdmin', ADMIN);
    expect(admin.ok).toBe(true);
    const clerk = await backend.call('window:1', 'users.create', CLERK);
    expect(clerk.ok).toBe(true);
    return backend;
  };

  it('refuses a malformed request with a typed error and runs no handler', async () => {
    const { call, services } = await setUp();
    const reply = await call('window:1', 'users.create', { username: 'x', roles: 'admin', password: 42 });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidRequest', messageKey: 'errors.ipc.invalidRequest' },
    });
    expect(!reply.ok && reply.error.detail).toMatch(/users\.create/);
    expect(services.accounts.list().map((a) => a.username)).toEqual([ADMIN.username, CLERK.username].sort());
  });

  it('refuses fields the contract does not declare', async () => {
    const { call } = await setUp();
    const reply = await call('window:1', 'users.create', { ...CLERK, username: 'other', isRoot: true });
    expect(reply).toMatchObject({ ok: false, error: { code: 'ipc.invalidRequest' } });
  });

  it('refuses an unknown channel', async () => {
    const { call } = await setUp();
    expect(await call('window:1', 'users.dropAll', {})).toMatchObject({
      ok: false,
      error: { code: 'ipc.unknownChannel' },
    });
  });

  it('refuses a clerk calling an admin channel, in main', async () => {
    const { call, services } = await setUp();
    const login = await call('window:2', 'auth.login', {
      username: CLERK.username,
      password: CLERK.password,
    });
    expect(login).toMatchObject({ ok: true, value: { roles: ['clerk'] } });

    const create = await call('window:2', 'users.create', {
      ...CLERK,
      username: 'chiendich',
      roles: ['admin'],
    });
    expect(create).toMatchObject({
      ok: false,
      error: { code: 'auth.forbidden', messageKey: 'errors.auth.forbidden' },
    });
    const settings = await call('window:2', 'settings.update', { stationNumber: '999' });
    expect(settings).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });

    // Access is checked before the request: a malformed call tells a clerk nothing of its schema.
    const decide = await call('window:2', 'review.decide', { decisions: 'all of them' });
    expect(decide).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    expect(!decide.ok && decide.error.detail).not.toMatch(/decisions/);
    expect(await call('window:9', 'review.decide', { bogus: 1 })).toMatchObject({
      ok: false,
      error: { code: 'auth.required' },
    });

    expect(services.accounts.list().some((account) => account.username === 'chiendich')).toBe(false);
    expect(services.settings.get().stationNumber).toBe('001');
    // The clerk may still use the channels open to every signed-in user.
    expect(await call('window:2', 'settings.get', {})).toMatchObject({ ok: true });
  });

  it('refuses callers that are not logged in, but answers public channels', async () => {
    const { call } = await setUp();
    expect(await call('window:9', 'settings.get', {})).toMatchObject({
      ok: false,
      error: { code: 'auth.required' },
    });
    expect(await call('window:9', 'auth.status', {})).toEqual({
      ok: true,
      value: { needsSetup: false, session: null },
    });
  });

  it('keeps sessions apart: one window logging in does not sign in another', async () => {
    const { call } = await setUp();
    expect(await call('window:1', 'users.list', {})).toMatchObject({ ok: true });
    expect(await call('window:3', 'users.list', {})).toMatchObject({
      ok: false,
      error: { code: 'auth.required' },
    });
  });

  it('ends a session after the idle timeout, and user activity keeps it alive', async () => {
    const { call, clock } = await setUp();
    clock.advanceMinutes(14);
    expect(await call('window:1', 'auth.activity', {})).toMatchObject({ ok: true });
    clock.advanceMinutes(14);
    expect(await call('window:1', 'users.list', {})).toMatchObject({ ok: true });
    // users.list is not user activity: 16 minutes after the last input the session is gone.
    clock.advanceMinutes(2);
    expect(await call('window:1', 'users.list', {})).toMatchObject({
      ok: false,
      error: { code: 'auth.sessionExpired' },
    });
    expect(await call('window:1', 'users.list', {})).toMatchObject({
      ok: false,
      error: { code: 'auth.required' },
    });
  });

  it('ends the session of an account that an admin disables', async () => {
    const { call } = await setUp();
    await call('window:2', 'auth.login', { username: CLERK.username, password: CLERK.password });
    const clerk = (await call('window:1', 'users.list', {})) as {
      ok: true;
      value: { id: string; username: string }[];
    };
    const clerkId = clerk.value.find((account) => account.username === CLERK.username)!.id;
    expect(await call('window:1', 'users.update', { userId: clerkId, disabled: true })).toMatchObject({
      ok: true,
    });
    expect(await call('window:2', 'settings.get', {})).toMatchObject({
      ok: false,
      error: { code: 'auth.required' },
    });
  });

  it('never sends password hashes to the renderer', async () => {
    const { call } = await setUp();
    const reply = await call('window:1', 'users.list', {});
    expect(JSON.stringify(reply)).not.toMatch(/passwordHash|scrypt\$/);
  });

  it('refuses first-run setup once the station has an administrator', async () => {
    const { call } = await setUp();
    const again = await call('window:5', 'auth.setupAdmin', { ...ADMIN, username: 'ke.gian' });
    expect(again).toMatchObject({ ok: false, error: { code: 'auth.setupAlreadyDone' } });
  });
});
