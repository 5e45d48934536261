import { App } from 'antd';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { SessionInfo } from '../../src-shared/domain/account';
import type { RequestOf } from '../../src-shared/ipc/contract';
import { station } from '../station/station';
import { appendAudit } from '../audit/audit-log';
import { afterMainChange } from '../audit/drain-journal';
import { setActingUser } from './acting-user';

const ACTIVITY_REPORT_MS = 30_000;
const STATUS_POLL_MS = 20_000;
/** How often the journal of main's changes is drained while someone is signed in. */
const JOURNAL_DRAIN_MS = 60_000;

interface SessionState {
  loading: boolean;
  needsSetup: boolean;
  session: SessionInfo | null;
  /** Set when main ended the session for inactivity, to tell the user why. */
  endedIdle: boolean;
}

interface SessionApi extends SessionState {
  /** Asks main again (a restore gave the station its accounts). */
  refresh(): Promise<void>;
  login(request: RequestOf<'auth.login'>): Promise<void>;
  /** `then` runs as the new administrator, before the screens change (the recovery passphrase). */
  setupAdmin(request: RequestOf<'auth.setupAdmin'>, then?: () => Promise<unknown>): Promise<void>;
  logout(): Promise<void>;
}

/** The signed-in user acts from now on, at this station's number. */
async function beginActingUser(session: SessionInfo | null): Promise<void> {
  if (!session) return setActingUser(null);
  const settings = await station.settings.get({}).catch(() => null);
  setActingUser({
    userId: session.userId,
    displayName: session.displayName,
    station: settings?.stationNumber ?? '',
  });
}

const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionProvider');
  return api;
}

/**
 * Who is logged in, as main sees it. Main owns the session and its idle timeout; the
 * renderer reports user input (throttled) and notices when main has ended the session.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({
    loading: true,
    needsSetup: false,
    session: null,
    endedIdle: false,
  });
  const hadSession = useRef(false);
  const { message, notification } = App.useApp();

  const refresh = useCallback(async () => {
    const status = await station.auth.status({});
    // A reload finds the session main kept: the audit trail goes on in that user's name.
    if (status.session && !hadSession.current) await beginActingUser(status.session);
    const endedIdle = hadSession.current && status.session === null;
    hadSession.current = status.session !== null;
    setState((previous) => ({
      loading: false,
      needsSetup: status.needsSetup,
      session: status.session,
      endedIdle: endedIdle || (previous.endedIdle && status.session === null),
    }));
  }, []);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh().catch(() => undefined), STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  useEffect(() => {
    if (!state.session) return;
    let lastReport = 0;
    const report = () => {
      const now = Date.now();
      if (now - lastReport < ACTIVITY_REPORT_MS) return;
      lastReport = now;
      station.auth.activity({}).catch(() => void refresh());
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, report, { passive: true });
    return () => {
      for (const name of events) window.removeEventListener(name, report);
    };
  }, [state.session, refresh]);

  useEffect(() => {
    if (!state.session) return;
    // Changes main journaled that no screen drained (the CLI while the app runs, a window
    // closed before it drained) join the trail within a minute; one drain at a time.
    void afterMainChange();
    const timer = window.setInterval(() => void afterMainChange(), JOURNAL_DRAIN_MS);
    return () => window.clearInterval(timer);
  }, [state.session]);

  const begin = useCallback((session: SessionInfo) => {
    hadSession.current = true;
    setState({ loading: false, needsSetup: false, session, endedIdle: false });
  }, []);

  const api = useMemo<SessionApi>(
    () => ({
      ...state,
      refresh,
      login: async (request) => {
        const session = await station.auth.login(request);
        await beginActingUser(session);
        // What main changed while nobody was signed in here (the CLI) comes first.
        await afterMainChange();
        await appendAudit('login');
        begin(session);
      },
      setupAdmin: async (request, then) => {
        const session = await station.auth.setupAdmin(request);
        await beginActingUser(session);
        try {
          await then?.();
        } finally {
          begin(session);
        }
      },
      logout: async () => {
        await appendAudit('logout').catch(() => undefined);
        await station.auth.logout({});
        await beginActingUser(null);
        // Nothing of one user's work may stay on screen for the next one.
        message.destroy();
        notification.destroy();
        hadSession.current = false;
        setState((previous) => ({ ...previous, session: null, endedIdle: false }));
      },
    }),
    [state, begin, message, notification, refresh],
  );

  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}
