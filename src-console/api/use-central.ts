import { useCallback, useEffect, useState } from 'react';
import { useConsoleApi } from './admin-session';
import type { ConsoleApi } from './console-api';

/**
 * What a page shows from Central: loaded when `key` changes, again on `reload()`. While a
 * newer answer is awaited the last one stays shown; an answer to an older request is dropped.
 */
export function useCentral<T>(load: (api: ConsoleApi) => Promise<T>, key: string) {
  const api = useConsoleApi();
  const [round, setRound] = useState(0);
  const request = `${key}#${round}`;
  const [state, setState] = useState<{ for?: string; data?: T; error?: unknown }>({});

  useEffect(() => {
    let current = true;
    load(api).then(
      (data) => current && setState({ for: request, data }),
      (error: unknown) => current && setState({ for: request, error }),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render: what it asks for is named by `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, request]);

  const reload = useCallback(() => setRound((value) => value + 1), []);
  const loading = state.for !== request;
  return { data: state.data, error: loading ? undefined : state.error, loading, reload };
}
