import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ConsoleError, createConsoleApi, type ConsoleApi } from './console-api';

/**
 * The administrator's session: the admin token they typed, kept for this browser tab only
 * (sessionStorage: closing the tab signs out), and the API calls made with it. A call Central
 * refuses as unauthorized ends the session (the token was changed on Central).
 */
const TOKEN_KEY = 'sohoa.console.token';
const NAME_KEY = 'sohoa.console.name';

interface AdminSession {
  api: ConsoleApi | null;
  /** Who reads, as the access log names them (the admin token is shared; the name says which person). */
  name: string;
  /** Why the last session ended, when Central ended it. */
  ended: 'expired' | null;
  signIn: (token: string, name: string) => Promise<void>;
  signOut: () => void;
}

const SessionContext = createContext<AdminSession | null>(null);

export function AdminSessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY));
  const [name, setName] = useState(() => sessionStorage.getItem(NAME_KEY) ?? '');
  const [ended, setEnded] = useState<'expired' | null>(null);

  const signOut = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(NAME_KEY);
    setToken(null);
  }, []);

  const api = useMemo(() => {
    if (!token) return null;
    const plain = createConsoleApi(token);
    const watch = async <T,>(call: Promise<T>): Promise<T> => {
      try {
        return await call;
      } catch (error) {
        if (error instanceof ConsoleError && error.problem === 'unauthorized') {
          setEnded('expired');
          signOut();
        }
        throw error;
      }
    };
    return {
      call: ((...args: Parameters<ConsoleApi['call']>) => watch(plain.call(...args))) as ConsoleApi['call'],
      file: (code: string, user: string) => watch(plain.file(code, user)),
    };
  }, [token, signOut]);

  const signIn = useCallback(async (typed: string, typedName: string) => {
    const candidate = typed.trim();
    // The token is checked by a call only the administrator may make.
    await createConsoleApi(candidate).call('listStations');
    sessionStorage.setItem(TOKEN_KEY, candidate);
    sessionStorage.setItem(NAME_KEY, typedName.trim());
    setEnded(null);
    setName(typedName.trim());
    setToken(candidate);
  }, []);

  const value = useMemo(() => ({ api, name, ended, signIn, signOut }), [api, name, ended, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useAdminSession(): AdminSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useAdminSession outside AdminSessionProvider');
  return session;
}

/** The API of a signed-in administrator (the pages are shown only then). */
export function useConsoleApi(): ConsoleApi {
  const { api } = useAdminSession();
  if (!api) throw new Error('useConsoleApi without a session');
  return api;
}
