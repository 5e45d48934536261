import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, CLERK, makeBackend } from '../../support/backend';

describe('local accounts', () => {
  let backend: ReturnType<typeof makeBackend>;
  afterEach(() => backend.dir.remove());

  const withClerk = async () => {
    backend = makeBackend();
    await backend.services.accounts.setupAdmin(ADMIN);
    const clerk = await backend.services.accounts.create(CLERK);
    return { ...backend, clerk };
  };

  it("counts setting up as the administrator's first login, and a new account as never logged in", async () => {
    const { services, clerk } = await withClerk();
    const list = services.accounts.list();
    expect(list.find((account) => account.username === ADMIN.username)?.lastLoginAt).toEqual(
      expect.any(Number),
    );
    expect(clerk.lastLoginAt).toBeNull();
  });

  it('locks an account for 5 minutes after 5 wrong passwords, even against the right one', async () => {
    const { services, clock } = await withClerk();
    const { accounts } = services;
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await expect(accounts.authenticate(CLERK.username, 'sai-mat-khau1')).rejects.toMatchObject({
        code: 'auth.invalidCredentials',
        params: { remaining: 5 - attempt },
      });
    }
    await expect(accounts.authenticate(CLERK.username, 'sai-mat-khau1')).rejects.toMatchObject({
      code: 'auth.lockedOut',
      params: { minutes: 5 },
    });
    await expect(accounts.authenticate(CLERK.username, CLERK.password)).rejects.toMatchObject({
      code: 'auth.lockedOut',
    });

    clock.advanceMinutes(4);
    await expect(accounts.authenticate(CLERK.username, CLERK.password)).rejects.toMatchObject({
      code: 'auth.lockedOut',
      params: { minutes: 1 },
    });
    clock.advanceMinutes(1.01);
    await expect(accounts.authenticate(CLERK.username, CLERK.password)).resolves.toMatchObject({
      username: CLERK.username,
      failedLogins: 0,
      lockedUntil: null,
    });
  });

  it('resets the failure count after a successful login', async () => {
    const { services } = await withClerk();
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await expect(services.accounts.authenticate(CLERK.username, 'sai-mat-khau1')).rejects.toThrow();
    }
    await services.accounts.authenticate(CLERK.username, CLERK.password);
    await expect(services.accounts.authenticate(CLERK.username, 'sai-mat-khau1')).rejects.toMatchObject({
      code: 'auth.invalidCredentials',
      params: { remaining: 4 },
    });
  });

  it('lets an admin lift a lockout by resetting the password', async () => {
    const { services, clerk } = await withClerk();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expect(services.accounts.authenticate(CLERK.username, 'sai-mat-khau1')).rejects.toThrow();
    }
    await services.accounts.resetPassword(clerk.id, 'Matkhaumoi9');
    await expect(services.accounts.authenticate(CLERK.username, 'Matkhaumoi9')).resolves.toMatchObject({
      id: clerk.id,
    });
  });

  it('honours the lockout settings an admin configured', async () => {
    const { services } = await withClerk();
    services.settings.update({
      security: { maxFailedLogins: 3, lockoutMinutes: 30, idleTimeoutMinutes: 15 },
    });
    await expect(services.accounts.authenticate(CLERK.username, 'x')).rejects.toMatchObject({
      params: { remaining: 2 },
    });
    await expect(services.accounts.authenticate(CLERK.username, 'x')).rejects.toMatchObject({
      params: { remaining: 1 },
    });
    await expect(services.accounts.authenticate(CLERK.username, 'x')).rejects.toMatchObject({
      code: 'auth.lockedOut',
      params: { minutes: 30 },
    });
  });

  it('gives an unknown username the same answer as a wrong password', async () => {
    const { services } = await withClerk();
    await expect(services.accounts.authenticate('khongco', 'Whatever123')).rejects.toMatchObject({
      code: 'auth.invalidCredentials',
    });
  });

  it('refuses a disabled account only once the password is right', async () => {
    const { services, clerk } = await withClerk();
    await services.accounts.update(clerk.id, { disabled: true });
    await expect(services.accounts.authenticate(CLERK.username, 'wrong-one-1')).rejects.toMatchObject({
      code: 'auth.invalidCredentials',
    });
    await expect(services.accounts.authenticate(CLERK.username, CLERK.password)).rejects.toMatchObject({
      code: 'auth.accountDisabled',
    });
  });

  it('accepts a Vietnamese password typed in decomposed form (NFD) as the same password', async () => {
    backend = makeBackend();
    const password = 'Mậtkhẩu2026';
    await backend.services.accounts.setupAdmin({ ...ADMIN, password });
    await expect(
      backend.services.accounts.authenticate(ADMIN.username, password.normalize('NFD')),
    ).resolves.toBeTruthy();
  });

  it('refuses weak passwords and taken usernames', async () => {
    const { services } = await withClerk();
    await expect(
      services.accounts.create({ ...CLERK, username: 'moi', password: 'ngan1' }),
    ).rejects.toMatchObject({
      code: 'users.weakPassword',
    });
    await expect(
      services.accounts.create({ ...CLERK, username: 'moi', password: 'khongcoso' }),
    ).rejects.toMatchObject({
      code: 'users.weakPassword',
    });
    await expect(services.accounts.create(CLERK)).rejects.toMatchObject({
      code: 'users.usernameTaken',
      params: { username: CLERK.username },
    });
  });

  it('never leaves the station without an active administrator', async () => {
    const { services } = await withClerk();
    const admin = services.accounts.list().find((account) => account.username === ADMIN.username)!;
    await expect(services.accounts.update(admin.id, { disabled: true })).rejects.toMatchObject({
      code: 'users.lastAdmin',
    });
    await expect(services.accounts.update(admin.id, { roles: ['clerk'] })).rejects.toMatchObject({
      code: 'users.lastAdmin',
    });
    await services.accounts.create({ ...CLERK, username: 'quantri2', roles: ['admin'] });
    await expect(services.accounts.update(admin.id, { roles: ['supervisor'] })).resolves.toMatchObject({
      roles: ['supervisor'],
    });
  });

  it('stores salted scrypt hashes, never the password', async () => {
    const { services } = await withClerk();
    const stored = services.accounts.get(services.accounts.list()[0]!.id)!;
    expect(stored.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    const { readFileSync } = await import('node:fs');
    const file = readFileSync(`${backend.dir.path}/accounts.json`, 'utf8');
    expect(file).not.toContain(ADMIN.password);
    expect(file).not.toContain(CLERK.password);
  });

  it('lets a user change their own password only with the current one', async () => {
    const { services, clerk } = await withClerk();
    await expect(
      services.accounts.changePassword(clerk.id, 'wrong-pass-1', 'Newpass2027'),
    ).rejects.toMatchObject({
      code: 'users.wrongCurrentPassword',
    });
    await services.accounts.changePassword(clerk.id, CLERK.password, 'Newpass2027');
    await expect(services.accounts.authenticate(CLERK.username, 'Newpass2027')).resolves.toBeTruthy();
  });
});
