import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { StationSettings } from '../../src-shared/domain/settings';
import { station } from '../station/station';

interface StationSettingsApi {
  settings: StationSettings | null;
  /** Called after an admin saves, so the status bar and screens follow. */
  replace(settings: StationSettings): void;
}

const StationSettingsContext = createContext<StationSettingsApi>({
  settings: null,
  replace: () => undefined,
});

export const useStationSettings = (): StationSettingsApi => useContext(StationSettingsContext);

/** Settings live in main (settings.json); this holds the copy the signed-in user last read. */
export function StationSettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<StationSettings | null>(null);
  const replace = useCallback((next: StationSettings) => setSettings(next), []);
  useEffect(() => {
    station.settings.get({}).then(setSettings, () => setSettings(null));
  }, []);
  return (
    <StationSettingsContext.Provider value={{ settings, replace }}>
      {children}
    </StationSettingsContext.Provider>
  );
}
