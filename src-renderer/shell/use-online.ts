import { useSyncExternalStore } from 'react';

const subscribe = (notify: () => void) => {
  window.addEventListener('online', notify);
  window.addEventListener('offline', notify);
  return () => {
    window.removeEventListener('online', notify);
    window.removeEventListener('offline', notify);
  };
};

/** The OS's network flag. Reaching SoHoa Central is judged by its health endpoint (sync issue). */
export const useNetworkUp = (): boolean => useSyncExternalStore(subscribe, () => navigator.onLine);
