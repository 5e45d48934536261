import { randomUUID } from 'node:crypto';
import type { AccountSummary } from '../../../src-shared/domain/account';
import { passwordProblems } from '../../../src-shared/domain/password-policy';
import type { Role } from '../../../src-shared/domain/roles';
import type { SecuritySettings } from '../../../src-shared/domain/settings';
import { AppError } from '../../../src-shared/errors/app-error';
import type { Clock } from '../../platform/clock';
import type { JsonStore } from '../store/json-store';
import type { AccountsDocument, StoredAccount } from './accounts-document';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password-hash';
import { createSerialQueue } from '../../platform/serial-queue';

export interface AccountServiceDeps {
  store: JsonStore<AccountsDocument>;
  clock: Clock;
  security: () => SecuritySettings;
}

export interface NewAccount {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
}

export const toSummary = (account: StoredAccount): AccountSummary => ({
  id: account.id,
  username: account.username,
  displayName: account.displayName,
  roles: account.roles,
  disabled: account.disabled,
  lockedUntil: account.lockedUntil,
  createdAt: account.createdAt,
  lastLoginAt: account.lastLoginAt,
});

function assertStrongPassword(password: string): void {
  const problems = passwordProblems(password);
  if (problems.length > 0) throw new AppError('users.weakPassword', { detail: problems.join(',') });
}

const isActiveAdmin = (account: StoredAccount): boolean =>
  !account.disabled && account.roles.includes('admin');

export type AccountService = ReturnType<typeof createAccountService>;

export function createAccountService({ store, clock, security }: AccountServiceDeps) {
  // Read-modify-write of accounts.json around an async scrypt must not interleave.
  const serial = createSerialQueue();

  const find = (predicate: (account: StoredAccount) => boolean): StoredAccount | undefined =>
    store.read().accounts.find(predicate);

  const requireAccount = (userId: string): StoredAccount => {
    const account = find((candidate) => candidate.id === userId);
    if (!account) throw new AppError('users.notFound', { detail: userId });
    return account;
  };

  const save = (account: StoredAccount): void => {
    const document = store.read();
    document.accounts = document.accounts.map((existing) =>
      existing.id === account.id ? account : existing,
    );
    store.write(document);
  };

  const insert = async (input: NewAccount, signsIn = false): Promise<StoredAccount> => {
    assertStrongPassword(input.password);
    if (find((account) => account.username === input.username)) {
      throw new AppError('users.usernameTaken', { params: { username: input.username } });
    }
    const now = clock();
    const account: StoredAccount = {
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      roles: [...new Set(input.roles)],
      passwordHash: await hashPassword(input.password),
      disabled: false,
      failedLogins: 0,
      lockedUntil: null,
      createdAt: now,
      updatedAt: now,
      lastLoginAt: signsIn ? now : null,
      passwordChangedAt: now,
    };
    const document = store.read();
    document.accounts.push(account);
    store.write(document);
    return account;
  };

  return {
    needsSetup: (): boolean => store.read().accounts.length === 0,

    get: (userId: string): StoredAccount | undefined => find((account) => account.id === userId),

    list: (): AccountSummary[] =>
      store
        .read()
        .accounts.map(toSummary)
        .sort((a, b) => a.username.localeCompare(b.username)),

    /** First run only: the station's first account is its administrator. */
    setupAdmin: (input: Omit<NewAccount, 'roles'>) =>
      serial(async () => {
        if (store.read().accounts.length > 0) throw new AppError('auth.setupAlreadyDone');
        // Setting up signs the administrator in: their first login (the users list says so).
        return insert({ ...input, roles: ['admin'] }, true);
      }),

    create: (input: NewAccount) => serial(async () => toSummary(await insert(input))),

    /**
     * Checks a login. Locked accounts are refused without looking at the password; a
     * run of failures locks the account; unknown names cost the same time as known ones.
     */
    authenticate: (username: string, password: string) =>
      serial(async (): Promise<StoredAccount> => {
        const account = find((candidate) => candidate.username === username);
        if (!account) {
          await verifyPassword(password, await decoyPasswordHash());
          throw new AppError('auth.invalidCredentials');
        }
        const now = clock();
        const { maxFailedLogins, lockoutMinutes } = security();
        if (account.lockedUntil !== null && account.lockedUntil > now) {
          throw new AppError('auth.lockedOut', {
            params: { minutes: Math.ceil((account.lockedUntil - now) / 60_000) },
          });
        }
        if (!(await verifyPassword(password, account.passwordHash))) {
          const failedLogins = account.failedLogins + 1;
          const locks = failedLogins >= maxFailedLogins;
          save({
            ...account,
            failedLogins: locks ? 0 : failedLogins,
            lockedUntil: locks ? now + lockoutMinutes * 60_000 : null,
            updatedAt: now,
          });
          if (locks) throw new AppError('auth.lockedOut', { params: { minutes: lockoutMinutes } });
          throw new AppError('auth.invalidCredentials', {
            params: { remaining: maxFailedLogins - failedLogins },
          });
        }
        if (account.disabled) throw new AppError('auth.accountDisabled');
        const loggedIn = { ...account, failedLogins: 0, lockedUntil: null, lastLoginAt: now, updatedAt: now };
        save(loggedIn);
        return loggedIn;
      }),

    /** An admin sets a new password; it also lifts a lockout. */
    resetPassword: (userId: string, newPassword: string) =>
      serial(async () => {
        assertStrongPassword(newPassword);
        const account = requireAccount(userId);
        const now = clock();
        const updated = {
          ...account,
          passwordHash: await hashPassword(newPassword),
          passwordChangedAt: now,
          failedLogins: 0,
          lockedUntil: null,
          updatedAt: now,
        };
        save(updated);
        return toSummary(updated);
      }),

    changePassword: (userId: string, currentPassword: string, newPassword: string) =>
      serial(async () => {
        const account = requireAccount(userId);
        if (!(await verifyPassword(currentPassword, account.passwordHash))) {
          throw new AppError('users.wrongCurrentPassword');
        }
        assertStrongPassword(newPassword);
        const now = clock();
        save({
          ...account,
          passwordHash: await hashPassword(newPassword),
          passwordChangedAt: now,
          updatedAt: now,
        });
      }),

    update: (userId: string, changes: { displayName?: string; roles?: Role[]; disabled?: boolean }) =>
      serial(async () => {
        const account = requireAccount(userId);
        const updated: StoredAccount = {
          ...account,
          ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
          ...(changes.roles !== undefined ? { roles: [...new Set(changes.roles)] } : {}),
          ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
          updatedAt: clock(),
        };
        const adminsAfter = store
          .read()
          .accounts.map((existing) => (existing.id === userId ? updated : existing))
          .filter(isActiveAdmin).length;
        // The station must never be left without someone who can manage it.
        if (adminsAfter === 0) throw new AppError('users.lastAdmin');
        save(updated);
        return toSummary(updated);
      }),
  };
}
