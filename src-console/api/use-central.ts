import { useCallback, useEffect, useState } from 'react';
import { useConsoleApi } from './admin-session';
import type { ConsoleApi } from './console-api';

/**
 * What a page shows from Central: loaded when `key` changes, again on `reload()`. An answer
 * that arrives after a newer request started is dropped (the page shows what it last asked).
 */
export function useCentral<T>(load: (api: ConsoleApi) => Promise<T>, key: string) {
  const api = useConsoleApi();
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);

  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    load(api).then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render: what it asks for is named by `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, round]);

  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { ...state, reload };
}
