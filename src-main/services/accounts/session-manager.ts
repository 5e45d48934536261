import type { SessionInfo } from '../../../src-shared/domain/account';
import type { Role } from '../../../src-shared/domain/roles';
import { AppError } from '../../../src-shared/errors/app-error';
import type { Clock } from '../../platform/clock';
import type { StoredAccount } from './accounts-document';

export interface SessionUser {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
}

interface Session {
  userId: string;
  lastActivity: number;
}

export interface SessionManagerDeps {
  clock: Clock;
  idleTimeoutMinutes: () => number;
  /** Re-read on every call, so a disabled account or a changed role takes effect at once. */
  loadAccount: (userId: string) => StoredAccount | undefined;
}

export type SessionManager = ReturnType<typeof createSessionManager>;

/**
 * Logged-in sessions, one per caller: a window's webContents, a harness page, a CLI run.
 * A session ends after `idleTimeoutMinutes` without user activity.
 */
export function createSessionManager({ clock, idleTimeoutMinutes, loadAccount }: SessionManagerDeps) {
  const sessions = new Map<string, Session>();

  const info = (account: StoredAccount): SessionInfo => ({
    userId: account.id,
    username: account.username,
    displayName: account.displayName,
    roles: account.roles,
    idleTimeoutMinutes: idleTimeoutMinutes(),
  });

  const toUser = ({ id, username, displayName, roles }: StoredAccount): SessionUser => ({
    userId: id,
    username,
    displayName,
    roles,
  });

  /** The live session's account, or why there is none. */
  const lookup = (key: string): { account: StoredAccount } | { error: AppError } => {
    const session = sessions.get(key);
    if (!session) return { error: new AppError('auth.required') };
    if (clock() - session.lastActivity > idleTimeoutMinutes() * 60_000) {
      sessions.delete(key);
      return { error: new AppError('auth.sessionExpired') };
    }
    const account = loadAccount(session.userId);
    if (!account || account.disabled) {
      sessions.delete(key);
      return { error: new AppError('auth.required') };
    }
    return { account };
  };

  return {
    begin(key: string, account: StoredAccount): SessionInfo {
      sessions.set(key, { userId: account.id, lastActivity: clock() });
      return info(account);
    },

    end(key: string): void {
      sessions.delete(key);
    },

    /** The caller's user, or throws auth.required / auth.sessionExpired. */
    require(key: string): SessionUser {
      const found = lookup(key);
      if ('error' in found) throw found.error;
      return toUser(found.account);
    },

    /** The caller's user if signed in, else null (public channels). */
    current(key: string): SessionUser | null {
      const found = lookup(key);
      return 'account' in found ? toUser(found.account) : null;
    },

    /** The caller's session if it is still alive, for the login screen's status check. */
    peek(key: string): SessionInfo | null {
      const found = lookup(key);
      return 'account' in found ? info(found.account) : null;
    },

    touch(key: string): void {
      const session = sessions.get(key);
      if (session) session.lastActivity = clock();
    },
  };
}
