import { Spin } from 'antd';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SettingsPatch, StationSettings } from '../../src-shared/domain/settings';
import { afterMainChange } from '../audit/drain-journal';
import { station } from '../station/station';

interface StationSettingsApi {
  settings: StationSettings | null;
  /** An admin's change: saved and journaled by main, drained into the audit trail, then shown everywhere. */
  save(patch: SettingsPatch): Promise<StationSettings>;
}

const StationSettingsContext = createContext<StationSettingsApi>({
  settings: null,
  save: () => Promise.reject(new Error('StationSettingsProvider missing')),
});

export const useStationSettings = (): StationSettingsApi => useContext(StationSettingsContext);

/**
 * Settings live in main (settings.json); this holds the copy the signed-in user last read.
 * No screen shows before that first read ends: the agency's name filling in under the brand
 * moved the menu down under the user's pointer, and screens opened on default values.
 */
export function StationSettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<StationSettings | null>(null);
  const [read, setRead] = useState(false);
  const save = useCallback(async (patch: SettingsPatch) => {
    const next = await station.settings.update(patch);
    await afterMainChange();
    setSettings(next);
    return next;
  }, []);
  useEffect(() => {
    station.settings
      .get({})
      .then(setSettings, () => setSettings(null))
      .finally(() => setRead(true));
  }, []);
  if (!read) return <Spin size="large" fullscreen />;
  return (
    <StationSettingsContext.Provider value={{ settings, save }}>{children}</StationSettingsContext.Provider>
  );
}
